import { execa } from "execa";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPostgresOverride } from "../../src/renderers/postgres-conf.js";
import { archivingSettings, renderPgHba } from "../../src/backup/postgres-archiving.js";
import { kbOf } from "../../src/tuning/derived.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { BASE_UNIT_KB, boundaryProfiles, REPO, SHIPPED_PROFILES, shippedProfile } from "../util.js";
import { upstreamRoot } from "./trixie-root.js";

const PG_BIN = "/usr/lib/postgresql/17/bin";
const { root, reason } = upstreamRoot(`${PG_BIN}/postgres`);

/** Our value as `postgres -C` prints it: memory in the setting's base unit, everything else verbatim. */
function expectedReadback(key: string, v: string): string {
  const m = /^(\d+)(kB|MB|GB|TB)$/.exec(v);
  if (!m) return v;
  const unit = BASE_UNIT_KB[key];
  if (unit === undefined) throw new Error(`add the base unit of ${key} to BASE_UNIT_KB`);
  const kb = Number(m[1]) * { kB: 1, MB: 1024, GB: 1024 ** 2, TB: 1024 ** 3 }[m[2] as "kB"];
  return String(kb / unit);
}

describe.skipIf(!root)(`every derived Postgres setting, checked by a real PostgreSQL 17${root ? "" : ` (skipped: ${reason})`}`, () => {
  let hostDir: string;
  let inRoot: string;
  const asPostgres = (args: string[]) => execa("chroot", ["--userspec=postgres:postgres", root!, ...args], { reject: false });

  beforeAll(async () => {
    hostDir = mkdtempSync(join(root!, "tmp", "immich-iac-pg-"));
    inRoot = `/tmp/${basename(hostDir)}`;
    await execa("chroot", [root!, "chown", "postgres:postgres", inRoot]);
    const init = await asPostgres([`${PG_BIN}/initdb`, "-D", `${inRoot}/data`, "-A", "trust", "--no-sync", "--data-checksums", "-E", "UTF8"]);
    expect(init.exitCode, init.stderr).toBe(0);
    appendFileSync(join(hostDir, "data", "postgresql.conf"), "\ninclude_if_exists 'postgresql.override.conf'\n");
  }, 60_000);
  afterAll(() => hostDir && rmSync(hostDir, { recursive: true, force: true }));

  const boundary = boundaryProfiles();
  it.each([...SHIPPED_PROFILES, ...Object.keys(boundary)])("%s: the override file parses and every value reads back", async (name) => {
    const tuning = computeTuning(boundary[name] ?? shippedProfile(name));
    writeFileSync(join(hostDir, "data", "postgresql.override.conf"), renderPostgresOverride(tuning.postgres.settings, name));
    for (const [key, d] of Object.entries(tuning.postgres.settings)) {
      const r = await asPostgres([`${PG_BIN}/postgres`, "-D", `${inRoot}/data`, "-C", key]);
      expect(r.exitCode, `${key}: ${r.stderr}`).toBe(0);
      expect(`${key} = ${r.stdout.trim()}`).toBe(`${key} = ${expectedReadback(key, d.value)}`);
    }
  }, 60_000);

  it("the setting ranges the loader property test checks against are PostgreSQL 17's own", async () => {
    const fixture = JSON.parse(readFileSync(join(REPO, "test", "fixtures", "postgres17-guc-ranges.json"), "utf8")).settings as Record<string, { type: string; min: number; max: number }>;
    const r = await asPostgres([`${PG_BIN}/postgres`, "--describe-config"]);
    expect(r.exitCode, r.stderr).toBe(0);
    const real = new Map(r.stdout.split("\n").map((l) => l.split("\t")).map((f) => [f[0], { type: f[3], min: Number(f[5]), max: Number(f[6]) }]));
    for (const [key, range] of Object.entries(fixture)) expect({ key, ...real.get(key) }).toEqual({ key, ...range });
  });

  it("rejects a bad value (the check can fail)", async () => {
    writeFileSync(join(hostDir, "data", "postgresql.override.conf"), "work_mem = '4 parsecs'\n");
    const r = await asPostgres([`${PG_BIN}/postgres`, "-D", `${inRoot}/data`, "-C", "work_mem"]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/invalid value for parameter "work_mem"/);
  });

  it("the archiving settings and our pg_hba.conf are accepted by a running server: no rule errors, replication only for the role, by scram", async () => {
    const tuning = computeTuning(shippedProfile("epyc-4004-prosumer"));
    const archiving = archivingSettings(kbOf(tuning.postgres.settings.max_wal_size!.value));
    // The file's content is what is checked; the path is the test's (the image path is /etc/postgresql).
    writeFileSync(join(hostDir, "pg_hba.conf"), renderPgHba("immich", "test"));
    const settings = { ...tuning.postgres.settings, ...archiving, hba_file: { ...archiving.hba_file!, value: `${inRoot}/pg_hba.conf` } };
    writeFileSync(join(hostDir, "data", "postgresql.override.conf"), renderPostgresOverride(settings, "archiving"));
    for (const key of ["wal_level", "max_wal_senders", "max_replication_slots", "max_slot_wal_keep_size"]) {
      const r = await asPostgres([`${PG_BIN}/postgres`, "-D", `${inRoot}/data`, "-C", key]);
      expect(`${key} = ${r.stdout.trim()}`, r.stderr).toBe(`${key} = ${key === "max_slot_wal_keep_size" ? String(kbOf(archiving[key]!.value) / 1024) : archiving[key]!.value}`);
    }
    // Small memory settings so that the server starts in a test container; the rest is the archiving file.
    const start = await asPostgres([`${PG_BIN}/pg_ctl`, "-D", `${inRoot}/data`, "-l", `${inRoot}/server.log`, "-w", "-o", `-c shared_buffers=32MB -c huge_pages=off -c listen_addresses='' -c unix_socket_directories=${inRoot}`, "start"]);
    expect(start.exitCode, start.stderr + start.stdout).toBe(0);
    try {
      const q = (sql: string) => asPostgres([`${PG_BIN}/psql`, "-X", "-A", "-t", "-h", inRoot, "-d", "postgres", "-c", sql]);
      expect((await q("SHOW hba_file")).stdout.trim()).toBe(`${inRoot}/pg_hba.conf`);
      expect((await q("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")).stdout.trim()).toBe("0");
      expect((await q("SELECT type, database, user_name, address, auth_method FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND address = 'all'")).stdout.trim()).toBe(
        "host|{replication}|{immich}|all|scram-sha-256",
      );
      expect((await q("SELECT pg_create_physical_replication_slot('immich_iac_wal', true) IS NOT NULL")).stdout.trim()).toBe("t");
    } finally {
      await asPostgres([`${PG_BIN}/pg_ctl`, "-D", `${inRoot}/data`, "-w", "-m", "fast", "stop"]);
    }
  }, 60_000);
});
