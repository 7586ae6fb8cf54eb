import { execa } from "execa";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPgHba } from "../../src/backup/postgres-archiving.js";
import { renderPostgresEntryConfig } from "../../src/renderers/postgres-conf.js";
import { upstreamRoot } from "./trixie-root.js";

const PG_BIN = "/usr/lib/postgresql/17/bin";
const { root, reason } = upstreamRoot(`${PG_BIN}/postgres`);

/**
 * The configuration Immich's postgres image writes to /etc/postgresql/postgresql.conf at start (its template with
 * ##PGDATA replaced), per generation [immich-app/base-images postgres/postgresql.ssd.conf: from #208 (2025-05-15)
 * until #315 `before-override-include`; from #315 (2026-03-20) on `override-include`]. Only the include lines and
 * one baked setting: the rest (vchord, memory) is not what is tested here.
 */
function imageConfig(generation: "before-override-include" | "override-include", pgdata: string): string {
  return [
    `include_if_exists '${pgdata}/postgresql.conf'`,
    "random_page_cost = 1.2",
    ...(generation === "override-include" ? ["include_if_exists 'postgresql.override.conf'"] : []),
    `include_if_exists '${pgdata}/postgresql.override.conf'`,
    "",
  ].join("\n");
}

describe.skipIf(!root)(`our settings reach PostgreSQL in both generations of Immich's image, read by a real PostgreSQL 17${root ? "" : ` (skipped: ${reason})`}`, () => {
  let hostDir: string;
  let inRoot: string;
  const asPostgres = (args: string[]) => execa("chroot", ["--userspec=postgres:postgres", root!, ...args], { reject: false });
  const read = async (configFile: string, key: string) => {
    const r = await asPostgres([`${PG_BIN}/postgres`, "-D", `${inRoot}/data`, "-c", `config_file=${configFile}`, "-C", key]);
    expect(r.exitCode, r.stderr).toBe(0);
    return r.stdout.trim();
  };

  beforeAll(async () => {
    hostDir = mkdtempSync(join(root!, "tmp", "immich-iac-pggen-"));
    inRoot = `/tmp/${basename(hostDir)}`;
    await execa("chroot", [root!, "chown", "postgres:postgres", inRoot]);
    const init = await asPostgres([`${PG_BIN}/initdb`, "-D", `${inRoot}/data`, "-A", "trust", "--no-sync", "-E", "UTF8"]);
    expect(init.exitCode, init.stderr).toBe(0);
    // Our uploads, in a directory standing for /etc/postgresql (the image's file includes `postgresql.override.conf` relative to it).
    mkdirSync(join(hostDir, "etc"));
    writeFileSync(join(hostDir, "etc", "pg_hba.immich-iac.conf"), renderPgHba("postgres", "test"));
    writeFileSync(join(hostDir, "etc", "postgresql.override.conf"), `max_slot_wal_keep_size = '16384MB'\nhba_file = '${inRoot}/etc/pg_hba.immich-iac.conf'\nrandom_page_cost = '1.5'\n`);
    writeFileSync(join(hostDir, "etc", "immich-iac.conf"), renderPostgresEntryConfig("test", `${inRoot}/etc/postgresql.conf`, `${inRoot}/etc/postgresql.override.conf`));
  }, 60_000);
  afterAll(() => hostDir && rmSync(hostDir, { recursive: true, force: true }));

  it("the image's own configuration of the old generation never reads our override (the fault), the current one does", async () => {
    writeFileSync(join(hostDir, "etc", "postgresql.conf"), imageConfig("before-override-include", `${inRoot}/data`));
    expect(await read(`${inRoot}/etc/postgresql.conf`, "hba_file")).toBe(`${inRoot}/data/pg_hba.conf`);
    writeFileSync(join(hostDir, "etc", "postgresql.conf"), imageConfig("override-include", `${inRoot}/data`));
    expect(await read(`${inRoot}/etc/postgresql.conf`, "hba_file")).toBe(`${inRoot}/etc/pg_hba.immich-iac.conf`);
  });

  it.each(["before-override-include", "override-include"] as const)("%s: through our config_file, every setting of ours is in effect and wins over the baked one", async (generation) => {
    writeFileSync(join(hostDir, "etc", "postgresql.conf"), imageConfig(generation, `${inRoot}/data`));
    const entry = `${inRoot}/etc/immich-iac.conf`;
    expect(await read(entry, "hba_file")).toBe(`${inRoot}/etc/pg_hba.immich-iac.conf`);
    expect(await read(entry, "max_slot_wal_keep_size")).toBe("16384");
    expect(await read(entry, "random_page_cost")).toBe("1.5");
  });

  it("an operator's $PGDATA/postgresql.override.conf is still read, and ours comes after it", async () => {
    writeFileSync(join(hostDir, "etc", "postgresql.conf"), imageConfig("before-override-include", `${inRoot}/data`));
    writeFileSync(join(hostDir, "data", "postgresql.override.conf"), "random_page_cost = '3'\nwork_mem = '7MB'\n");
    const entry = `${inRoot}/etc/immich-iac.conf`;
    expect(await read(entry, "work_mem")).toBe("7168");
    expect(await read(entry, "random_page_cost")).toBe("1.5");
    rmSync(join(hostDir, "data", "postgresql.override.conf"));
  });

  it("without the image's configuration PostgreSQL refuses to start rather than run without it", async () => {
    rmSync(join(hostDir, "etc", "postgresql.conf"));
    const r = await asPostgres([`${PG_BIN}/postgres`, "-D", `${inRoot}/data`, "-c", `config_file=${inRoot}/etc/immich-iac.conf`, "-C", "hba_file"]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/could not open configuration file .*postgresql\.conf/);
  });
});
