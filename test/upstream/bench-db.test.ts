import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { showForm } from "../../bench/db/configs.js";
import { runDbBench, settingDisagreements, SHORT } from "../../bench/db/harness.js";
import { loadProfileFile } from "../../src/profile/load-profile.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { REPO } from "../util.js";
import { upstreamRoot } from "./trixie-root.js";

/**
 * The database benchmark itself works: `npm run bench:db -- --short` (its options, on the real PostgreSQL 17 with
 * pgvector of the trixie root) loads the Immich-shaped data, runs every class under the three configurations, proves
 * each configuration was in effect by `SHOW`, and prints the table. Timings are not judged here.
 */
const { root, reason } = upstreamRoot("/usr/lib/postgresql/17/bin/pgbench");
const PROFILE = join(REPO, "bench", "db", "this-machine.yaml");
const CLASSES = ["timeline-buckets", "timeline-bucket", "album", "smart-search", "face-search", "ingest-exif", "ingest-thumbnail", "ingest-job-status"];

describe.skipIf(!root)(`npm run bench:db -- --short, on a real PostgreSQL 17 with pgvector${root ? "" : ` (skipped: ${reason})`}`, () => {
  it("runs every class under the three configurations, each shown in effect, and prints the table", async () => {
    const r = await runDbBench({ ...SHORT, profile: PROFILE, root: root! });
    const ours = computeTuning(loadProfileFile(PROFILE)).postgres.settings;

    expect(r.classes).toEqual(CLASSES);
    expect(r.postgres).toMatch(/^PostgreSQL 17\.\d+ .*, pgvector 0\.\d+\.\d+$/);
    // What the server said, per configuration: its own defaults, the image's baked file, ours on top of it.
    expect([r.shown.defaults.shared_buffers, r.shown.defaults.work_mem, r.shown.defaults.max_wal_size, r.shown.defaults.random_page_cost]).toEqual(["128MB", "4MB", "1GB", "4"]);
    expect([r.shown.immich.shared_buffers, r.shown.immich.work_mem, r.shown.immich.max_wal_size, r.shown.immich.random_page_cost, r.shown.immich.autovacuum_vacuum_cost_limit]).toEqual(["512MB", "16MB", "5GB", "1.2", "1000"]);
    expect([r.shown.ours.shared_buffers, r.shown.ours.work_mem, r.shown.ours.max_wal_size, r.shown.ours.random_page_cost]).toEqual(
      [ours.shared_buffers!.value, ours.work_mem!.value, ours.max_wal_size!.value, ours.random_page_cost!.value].map(showForm),
    );
    // Ours is deployed over the image's file: what we do not set stays the image's.
    expect(r.shown.ours.autovacuum_vacuum_cost_limit).toBe("1000");
    expect(r.shown.ours.shared_buffers).not.toBe(r.shown.immich.shared_buffers);

    // Every class ran under every configuration, and the table holds each row with its ratio to the Immich baseline.
    for (const cls of CLASSES) {
      for (const config of ["defaults", "immich", "ours"] as const) {
        const row = r.results.find((x) => x.cls === cls && x.config === config && x.size === SHORT.sizes[0]);
        expect(row?.transactions, `${cls} under ${config}`).toBeGreaterThan(0);
        expect(row!.p50Ms).toBeLessThanOrEqual(row!.p99Ms);
        expect(r.table).toMatch(new RegExp(`^\\| ${SHORT.sizes[0]} \\| ${cls} \\| ${config} \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\|$`, "m"));
      }
      expect(r.table).toMatch(new RegExp(`^\\| ${SHORT.sizes[0]} \\| ${cls} \\| immich \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| 1\\.00 \\| 1\\.00 \\| 1\\.00 \\| 1\\.00 \\|$`, "m"));
    }
    expect(r.table.split("\n")).toHaveLength(2 + CLASSES.length * 3);
    // The SHOW check catches a configuration that did not take: the defaults' server is not the image's.
    const immich = r.configs.find((c) => c.id === "immich")!;
    expect(settingDisagreements(immich.expected, r.shown.defaults)).toContain("shared_buffers = 128MB (expected 512MB)");
    expect(settingDisagreements(immich.expected, r.shown.immich)).toEqual([]);
  }, 1_200_000);
});

describe("npm run bench:db's options", () => {
  it("an unknown option or a bad number is one line and exit 2, never a stack trace", async () => {
    const { execa } = await import("execa");
    const run = (args: string[]) => execa("node", [join(REPO, "dist", "bench", "db", "run.js"), ...args], { reject: false });
    const unknown = await run(["--bogus"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr.split("\n")).toHaveLength(1);
    expect(unknown.stderr).toMatch(/^bench:db: Unknown option '--bogus'/);
    const zero = await run(["--seconds", "0"]);
    expect(zero.exitCode).toBe(2);
    expect(zero.stderr).toBe('bench:db: --seconds expects a positive whole number (got "0")');
  });
});
