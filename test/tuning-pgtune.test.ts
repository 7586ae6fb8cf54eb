import { describe, expect, it } from "vitest";
import { explainJson } from "../src/tuning/explain.js";
import { tunePostgres } from "../src/tuning/postgres.js";
import { computeTuning } from "../src/tuning/tuning.js";
import { shippedProfile } from "./util.js";

// Expected values computed by hand with PGTune's formulas (web, Linux, PG 17, 100 connections) on each
// profile's Postgres budget — not by calling the code under test.
describe("PGTune values for the shipped profiles", () => {
  it("homelab-minimal: 2048 MiB budget, 4 threads, SATA SSD", () => {
    const j = explainJson(computeTuning(shippedProfile("homelab-minimal")));
    expect(j.memoryBudgetMiB.postgres).toBe(2048);
    expect(j.postgres).toEqual({
      max_connections: "100",
      shared_buffers: "512MB", // 2097152 kB / 4
      effective_cache_size: "1536MB", // 2097152 × 3/4
      maintenance_work_mem: "128MB", // 2097152 / 16
      checkpoint_completion_target: "0.9",
      wal_buffers: "16MB", // 3 % of 524288 = 15728 kB, in (14MB, 16MB) → 16MB
      default_statistics_target: "100",
      random_page_cost: "1.1",
      effective_io_concurrency: "200",
      huge_pages: "off",
      min_wal_size: "1GB",
      max_wal_size: "4GB",
      max_worker_processes: "4",
      max_parallel_workers_per_gather: "2",
      max_parallel_workers: "4",
      max_parallel_maintenance_workers: "2",
      work_mem: "5041kB", // (2097152 − 524288) / ((100 + 4) × 3) = 5041.2
      jit: "off",
      wal_compression: "lz4",
      full_page_writes: "off",
    });
    expect(j.postgresContainer).toEqual({ shmSizeMiB: 384, storageType: "SSD", threads: 4 });
  });

  it("epyc-4004-prosumer: 15564 MiB budget, 12 threads, Gen5 NVMe", () => {
    const j = explainJson(computeTuning(shippedProfile("epyc-4004-prosumer")));
    expect(j.memoryBudgetMiB.postgres).toBe(15564); // ⌊(131072 − 6554) × 0.125⌋
    expect(j.postgres).toMatchObject({
      shared_buffers: "3891MB", // 15937536 kB / 4 = 3984384 kB
      effective_cache_size: "11673MB",
      maintenance_work_mem: "996096kB", // not a whole MB
      work_mem: "35574kB", // 11953152 / ((100 + 12) × 3) = 35574.9
      wal_buffers: "16MB",
      huge_pages: "try", // shared_buffers ≥ 2GB
      effective_io_concurrency: "1000",
      random_page_cost: "1.1",
      max_worker_processes: "12",
      max_parallel_workers_per_gather: "4",
      max_parallel_workers: "12",
      max_parallel_maintenance_workers: "4",
    });
    expect(j.postgres).not.toHaveProperty("autovacuum_max_workers");
    expect(j.postgres).not.toHaveProperty("autovacuum_work_mem");
    expect(j.postgresContainer.shmSizeMiB).toBe(1229); // mwm 973 MiB ≥ 512 → max(1024, 973 + 256)
  });

  it("xeon-e2400-enterprise: 15564 MiB budget, 8 threads", () => {
    const j = explainJson(computeTuning(shippedProfile("xeon-e2400-enterprise")));
    expect(j.postgres).toMatchObject({
      shared_buffers: "3891MB",
      work_mem: "36892kB", // 11953152 / ((100 + 8) × 3) = 36892.4
      max_worker_processes: "8",
      max_parallel_workers_per_gather: "4",
      effective_io_concurrency: "1000",
    });
  });
});

describe("PGTune branches", () => {
  const base = { memoryMiB: 2048, threads: 4, maxConnections: 100, disk: "ssd" as const, dataOnZfs: true };
  const settings = (over: Partial<typeof base> | Record<string, unknown>) =>
    Object.fromEntries(Object.entries(tunePostgres({ ...base, ...over } as typeof base).settings).map(([k, d]) => [k, d.value]));

  it("omits parallel settings below 4 threads and counts 8 default workers in work_mem", () => {
    const s = settings({ threads: 2 });
    expect(s).not.toHaveProperty("max_worker_processes");
    expect(s).not.toHaveProperty("max_parallel_workers_per_gather");
    expect(s.work_mem).toBe("4854kB"); // 1572864 / ((100 + 8) × 3) = 4854.5, above the 4MB floor
  });

  it("floors work_mem at 4MB", () => {
    expect(settings({ maxConnections: 1000 }).work_mem).toBe("4MB");
  });

  it("uses HDD costs on spinning disks", () => {
    const s = settings({ disk: "hdd" });
    expect(s.random_page_cost).toBe("4");
    expect(s.effective_io_concurrency).toBe("2");
    expect(tunePostgres({ ...base, disk: "hdd" }).storageType.value).toBe("HDD");
  });

  it("keeps full_page_writes on (default) off ZFS", () => {
    expect(settings({ dataOnZfs: false })).not.toHaveProperty("full_page_writes");
  });

  it("caps maintenance_work_mem at 8GB and adds autovacuum caps on big hosts", () => {
    const s = settings({ memoryMiB: 256 * 1024, threads: 32 });
    expect(s.maintenance_work_mem).toBe("8GB");
    expect(s.autovacuum_work_mem).toBe("2GB");
    expect(s.autovacuum_max_workers).toBe("5");
    expect(settings({ threads: 16 }).autovacuum_max_workers).toBe("4");
  });

  it("sizes shm below 512 MiB maintenance_work_mem as mwm + 256", () => {
    expect(tunePostgres({ ...base, memoryMiB: 4096 }).shmSizeMiB.value).toBe(512); // mwm 256 MiB
  });

  it("carries formula and source for every setting", () => {
    for (const d of Object.values(tunePostgres(base).settings)) {
      expect(d.formula.length).toBeGreaterThan(0);
      expect(d.source.length).toBeGreaterThan(0);
    }
    expect(tunePostgres(base).settings.shared_buffers!.source).toMatch(/PGTune/);
  });
});
