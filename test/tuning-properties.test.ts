import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ML_BACKEND_ARCHITECTURES } from "../src/tuning/accelerators.js";
import { JOB_CONCURRENCY_CAP, JOB_DEFAULTS, type JobQueue } from "../src/tuning/immich-jobs.js";
import { computeTuning } from "../src/tuning/tuning.js";
import { architectureOf } from "../src/profile/hardware-profile-schema.js";
import { profileOf } from "./util.js";

const kb = (v: string): number => {
  const m = /^(\d+)(kB|MB|GB)$/.exec(v);
  if (!m) throw new Error(`not a memory value: ${v}`);
  return Number(m[1]) * { kB: 1, MB: 1024, GB: 1024 * 1024 }[m[2] as "kB" | "MB" | "GB"];
};

/** Random valid profiles: any CPU size, RAM from Immich's floor to 1 TiB, any media, accelerators fitting the arch. */
const profileArb = fc
  .record({
    arm: fc.boolean(),
    cores: fc.integer({ min: 1, max: 128 }),
    smt: fc.constantFrom(1, 2),
    ramGiB: fc.integer({ min: 6, max: 1024 }),
    fastMedia: fc.constantFrom("nvme-gen5", "nvme-gen4", "sata-ssd"),
    libMedia: fc.constantFrom("nvme-gen4", "sata-ssd", "hdd"),
    fs: fc.constantFrom("zfs", "zfs", "xfs"),
    speed: fc.constantFrom(1, 2.5, 10, 25, 40, 100),
    mtu: fc.constantFrom(1500, 9000),
    acc: fc.constantFrom("none", "gpu", "npu"),
    vram: fc.option(fc.integer({ min: 1, max: 96 }), { nil: undefined }),
    gpuKind: fc.constantFrom("nvidia-gpu", "intel-gpu", "amd-gpu"),
  })
  .map((r) => {
    const accelerators =
      r.acc === "none"
        ? []
        : r.arm
          ? [{ kind: "rockchip-npu", model: "npu", uses: ["machine-learning", "transcoding"] }]
          : [{ kind: r.gpuKind, model: "gpu", ...(r.vram ? { memoryGiB: r.vram } : {}), uses: ["machine-learning", "transcoding"] }];
    return {
      apiVersion: "immich-iac/v1",
      kind: "HardwareProfile",
      metadata: { name: "random" },
      spec: {
        cpu: { vendor: r.arm ? "arm" : "amd", model: "cpu", cores: r.cores, threads: r.cores * r.smt },
        memory: { totalGiB: r.ramGiB, ecc: true },
        storage: {
          pools: [
            { name: "fast", layout: "mirror", media: r.fastMedia, filesystem: r.fs, devices: ["/dev/sda", "/dev/sdb"], roles: ["database", "ml-cache", "thumbnails", "docker"] },
            { name: "tank", layout: "raidz2", media: r.libMedia, devices: ["/dev/sdc", "/dev/sdd", "/dev/sde", "/dev/sdf"], roles: ["library", "backups"] },
          ],
        },
        network: { interfaces: [{ name: "eth0", speedGbps: r.speed, mtu: r.mtu }] },
        accelerators,
      },
    };
  });

describe("tuning invariants over random valid profiles", () => {
  it("the memory budget never exceeds RAM and no component is negative", () => {
    fc.assert(
      fc.property(profileArb, (data) => {
        const t = computeTuning(profileOf(data));
        const values = Object.values(t.memory.components).map((d) => d.value);
        expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
        expect(values.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(t.memory.totalMiB);
        if (t.zfs.datasets.length > 0) expect(t.zfs.arcMaxBytes.value).toBeGreaterThanOrEqual(64 * 1048576);
      }),
      { numRuns: 300 },
    );
  });

  it("Postgres values stay inside PGTune's caps and the Postgres budget", () => {
    fc.assert(
      fc.property(profileArb, (data) => {
        const t = computeTuning(profileOf(data));
        const s = Object.fromEntries(Object.entries(t.postgres.settings).map(([k, d]) => [k, d.value]));
        const budgetKb = t.postgres.memoryMiB * 1024;
        expect(kb(s.shared_buffers!)).toBeLessThanOrEqual(budgetKb / 4);
        expect(kb(s.maintenance_work_mem!)).toBeLessThanOrEqual(8 * 1024 * 1024);
        expect(kb(s.work_mem!)).toBeGreaterThanOrEqual(4096);
        expect(kb(s.wal_buffers!)).toBeLessThanOrEqual(16 * 1024);
        expect(kb(s.wal_buffers!)).toBeGreaterThanOrEqual(32);
        if (s.max_parallel_workers_per_gather !== undefined) {
          expect(Number(s.max_parallel_workers_per_gather)).toBeLessThanOrEqual(4);
          expect(t.postgres.threads.value).toBeGreaterThanOrEqual(4);
        }
        expect(t.postgres.shmSizeMiB.value).toBeGreaterThanOrEqual(256);
      }),
      { numRuns: 300 },
    );
  });

  it("job concurrency stays between upstream defaults and 16; the ML image exists for the arch", () => {
    fc.assert(
      fc.property(profileArb, (data) => {
        const profile = profileOf(data);
        const t = computeTuning(profile);
        for (const [q, d] of Object.entries(t.jobs.concurrency)) {
          expect(d.value).toBeGreaterThanOrEqual(JOB_DEFAULTS[q as JobQueue]);
          expect(d.value).toBeLessThanOrEqual(JOB_CONCURRENCY_CAP);
        }
        expect(ML_BACKEND_ARCHITECTURES[t.machineLearning.backend.value]).toContain(architectureOf(profile.spec.cpu));
        expect(t.network.dockerMtu.value).toBeLessThanOrEqual(data.spec.network.interfaces[0]!.mtu);
      }),
      { numRuns: 300 },
    );
  });
});
