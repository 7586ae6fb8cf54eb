import { execa } from "execa";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MONITOR_ROLE, MONITOR_ROLE_CHECK, MONITOR_ROLE_SQL } from "../../src/renderers/monitoring/postgres-monitor-role.js";
import { upstreamRoot } from "./trixie-root.js";

const PG_BIN = "/usr/lib/postgresql/17/bin";
const { root, reason } = upstreamRoot(`${PG_BIN}/postgres`);
const PORT = String(54_000 + (process.pid % 1000));

describe.skipIf(!root)(`the postgres exporter's role, judged by a real PostgreSQL 17${root ? "" : ` (skipped: ${reason})`}`, () => {
  let hostDir: string;
  let inRoot: string;
  const asPostgres = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) =>
    execa("chroot", ["--userspec=postgres:postgres", root!, ...args], { reject: false, ...opts });
  /** psql over TCP (scram), as `user` with `password`: the way postgres_exporter connects. */
  const asUser = (user: string, password: string, sql: string) =>
    asPostgres([`${PG_BIN}/psql`, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", PORT, "-U", user, "-d", "immich", "-c", sql], { env: { PGPASSWORD: password } });
  /** The role SQL as the keeper runs it: the owner over the socket, the password set by psql itself. */
  const applyRole = (password: string) =>
    asPostgres([`${PG_BIN}/psql`, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", `role=${MONITOR_ROLE}`, "-h", inRoot, "-p", PORT, "-U", "immich", "-d", "immich"], {
      input: `\\set password '${password}'\n${MONITOR_ROLE_SQL}`,
    });

  beforeAll(async () => {
    hostDir = mkdtempSync(join(root!, "tmp", "immich-iac-pgrole-"));
    inRoot = `/tmp/${basename(hostDir)}`;
    await execa("chroot", [root!, "chown", "postgres:postgres", inRoot]);
    const init = await asPostgres([`${PG_BIN}/initdb`, "-D", `${inRoot}/data`, "-U", "immich", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8"]);
    expect(init.exitCode, init.stderr).toBe(0);
    // Every statement logged: the role SQL must keep its password out of the log even so.
    const start = await asPostgres([
      `${PG_BIN}/pg_ctl`, "-D", `${inRoot}/data`, "-l", `${inRoot}/server.log`, "-w",
      "-o", `-c shared_buffers=32MB -c huge_pages=off -c listen_addresses=127.0.0.1 -p ${PORT} -c unix_socket_directories=${inRoot} -c log_statement=all`,
      "start",
    ]);
    expect(start.exitCode, start.stderr + start.stdout).toBe(0);
    const owner = (sql: string, db = "immich") => asPostgres([`${PG_BIN}/psql`, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", inRoot, "-p", PORT, "-U", "immich", "-d", db, "-c", sql]);
    expect((await owner("CREATE DATABASE immich OWNER immich", "postgres")).exitCode).toBe(0);
    expect((await owner("CREATE TABLE asset (id int, \"originalFileName\" text); INSERT INTO asset VALUES (1, 'IMG_0001.HEIC'); ALTER USER immich PASSWORD 'owner-pw'")).exitCode).toBe(0);
  }, 60_000);
  afterAll(async () => {
    if (!hostDir) return;
    await asPostgres([`${PG_BIN}/pg_ctl`, "-D", `${inRoot}/data`, "-w", "-m", "fast", "stop"]);
    rmSync(hostDir, { recursive: true, force: true });
  });

  it("creates a login in pg_monitor, nothing more, that reads statistics but not Immich's tables", async () => {
    const r = await applyRole("monitorpw1");
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await asUser(MONITOR_ROLE, "monitorpw1", MONITOR_ROLE_CHECK)).stdout.trim()).toBe("t");
    expect((await asUser(MONITOR_ROLE, "monitorpw1", "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolconnlimit FROM pg_roles WHERE rolname = current_user")).stdout.trim()).toBe(
      "f|f|f|f|f|5",
    );
    // What postgres_exporter reads: database sizes, activity, settings.
    expect((await asUser(MONITOR_ROLE, "monitorpw1", "SELECT pg_database_size('immich') > 0, (SELECT count(*) > 0 FROM pg_stat_database), (SELECT count(*) FROM pg_settings WHERE name = 'shared_buffers')")).stdout.trim()).toBe("t|t|1");
    const denied = await asUser(MONITOR_ROLE, "monitorpw1", 'SELECT "originalFileName" FROM asset');
    expect(denied.exitCode).not.toBe(0);
    expect(denied.stderr).toContain("permission denied for table asset");
    // The owner still reads it: the denial is the role's, not a broken table.
    expect((await asUser("immich", "owner-pw", 'SELECT "originalFileName" FROM asset')).stdout.trim()).toBe("IMG_0001.HEIC");
  }, 30_000);

  it("runs again without error and puts a new password in place of the old", async () => {
    const r = await applyRole("monitorpw2");
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await asUser(MONITOR_ROLE, "monitorpw2", "SELECT 1")).stdout.trim()).toBe("1");
    const old = await asUser(MONITOR_ROLE, "monitorpw1", "SELECT 1");
    expect(old.exitCode).not.toBe(0);
    expect(old.stderr).toContain(`password authentication failed for user "${MONITOR_ROLE}"`);
  }, 30_000);

  it("takes back an attribute or a membership given to the role by hand", async () => {
    const owner = (sql: string) => asPostgres([`${PG_BIN}/psql`, "-X", "-q", "-h", inRoot, "-p", PORT, "-U", "immich", "-d", "immich", "-c", sql]);
    expect((await owner(`ALTER ROLE ${MONITOR_ROLE} SUPERUSER`)).exitCode).toBe(0);
    // The keeper's check sees it, so the keeper runs the SQL again.
    expect((await asUser(MONITOR_ROLE, "monitorpw2", MONITOR_ROLE_CHECK)).stdout.trim()).toBe("f");
    expect((await applyRole("monitorpw2")).exitCode).toBe(0);
    expect((await asUser(MONITOR_ROLE, "monitorpw2", "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).stdout.trim()).toBe("f");
    expect((await asUser(MONITOR_ROLE, "monitorpw2", MONITOR_ROLE_CHECK)).stdout.trim()).toBe("t");
  }, 30_000);

  it("keeps the password out of the server log although every statement is logged", () => {
    const log = readFileSync(join(hostDir, "server.log"), "utf8");
    expect(log).toContain("statement: CREATE DATABASE immich"); // the logging is on
    expect(log).not.toContain("monitorpw");
  });
});
