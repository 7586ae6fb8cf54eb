import { WAL_METRICS_FILE } from "../../src/renderers/backup/wal-archiver.js";
import { execa } from "execa";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploymentPath } from "../stack-util.js";
import {
  backupCli,
  createVolumeDirectories,
  destroyDeployment,
  docker,
  e2eCopyOf,
  provideImages,
  removeLeftovers,
  resynth,
  tf,
  toolchain,
  waitHealthy,
  type E2eDeployment,
  type Toolchain,
} from "./harness.js";
import { TRIXIE_ROOT } from "../upstream/trixie-root.js";
import { walSlotLostVerdict } from "../upstream/textfile-series.js";
import { startS3Server, S3_ENDPOINT, S3_REGION, type S3Server } from "./s3-server.js";

/**
 * Taking over an install made with Immich's compose, without dump and restore: the database directory the
 * compose container initialised (role `postgres`, compose's password, database `immich`) and the upload
 * directory are moved into the deployment's layout, the deployment says `postgres.takeover`, the password
 * comes from TF_VAR_existing_database_password, and the first apply must keep the rows and files and run
 * healthy (the stand-in server is healthy only when it logs in with those credentials). Same PostgreSQL
 * major (the stand-in is PostgreSQL 17); a major upgrade is a separate step that plan-report blocks.
 * The image is of the generation a compose install runs (built before base-images#315: its configuration
 * includes $PGDATA/postgresql.override.conf and never /etc/postgresql/postgresql.override.conf), so the
 * taken-over database must stream WAL to the archiver and pass a restore drill from the bucket with the
 * settings PostgreSQL reads through our config_file (issue 21 defect 2). Then its backups survive a lost
 * replication slot: with the archiver stopped, a small max_slot_wal_keep_size and WAL written, the real server
 * invalidates the slot; the archiver detects it, sets the broken chain aside, re-bases and a drill passes.
 */
const COMPOSE_PASSWORD = "compose-db-password-0123456789";
const COMPOSE_CONTAINER = "immich-iac-e2e-compose-database";
/** A tag upstream built only before base-images#315 (vectorchord 0.4.3 left the matrix in #279, 2025-10-07). */
const OLD_GENERATION_TAG = "17-vectorchord0.4.3-pgvector0.8.0";
const BUCKET = "e2e-takeover";

describe("taking over a compose install: same directories, same PostgreSQL major, no dump and restore", () => {
  let t: Toolchain;
  let d: E2eDeployment;
  let json: any;
  let s3: S3Server | undefined;
  const env = { TF_VAR_existing_database_password: COMPOSE_PASSWORD };
  const hostDir = (suffix: string) => Object.values(json.resource.docker_volume as Record<string, any>).map((v) => v.driver_opts.device as string).find((p) => p.endsWith(suffix))!;
  const psqlIn = (container: string, sql: string) => docker(["exec", container, "psql", "-h", "/var/run/postgresql", "-U", "postgres", "-d", "immich", "-tAc", sql]);

  beforeAll(async () => {
    t = await toolchain();
    s3 = await startS3Server([BUCKET]);
    d = e2eCopyOf(deploymentPath("homelab"), "takeover");
    await removeLeftovers(d.name);
    await docker(["rm", "-f", COMPOSE_CONTAINER]).catch(() => "");
    json = resynth(d, (x) => {
      x.spec.postgres = { imageTag: OLD_GENERATION_TAG, takeover: {} };
      x.spec.backup = { intervalHours: 6, offsite: { endpoint: S3_ENDPOINT, bucket: BUCKET, region: S3_REGION } };
    });
    createVolumeDirectories(json, d.dataRoot);
    await provideImages(json, { postgres: "before-override-include" });

    // The compose install: upstream's service definition, its role and database, a row and an uploaded file.
    const pgImage = Object.values(json.resource.docker_image as Record<string, { name: string }>).map((i) => i.name).find((n) => n.includes("/postgres:"))!;
    const pgdata = hostDir("/database/pgdata");
    await docker(["run", "-d", "--name", COMPOSE_CONTAINER, "-e", `POSTGRES_PASSWORD=${COMPOSE_PASSWORD}`, "-e", "POSTGRES_USER=postgres", "-e", "POSTGRES_DB=immich",
      "-e", "POSTGRES_INITDB_ARGS=--data-checksums", "-v", `${pgdata}:/var/lib/postgresql/data`, "--shm-size", "128m", pgImage]);
    for (let i = 0; ; i++) {
      // The entrypoint's first start (creating the database) listens on the socket only and then stops: ready
      // means the final server, the one that also listens on TCP.
      const ok = await docker(["exec", COMPOSE_CONTAINER, "pg_isready", "-q", "-h", "127.0.0.1"]).then(() => psqlIn(COMPOSE_CONTAINER, "SELECT 1")).then(() => true, () => false);
      if (ok) break;
      if (i > 120) throw new Error("the compose database did not come up");
      await new Promise((r) => setTimeout(r, 500));
    }
    await psqlIn(COMPOSE_CONTAINER, "CREATE TABLE compose_era (note text); INSERT INTO compose_era VALUES ('taken over')");
    await docker(["stop", "-t", "60", COMPOSE_CONTAINER]);
    await docker(["rm", COMPOSE_CONTAINER]);
    mkdirSync(join(hostDir("/library"), "upload", "admin"), { recursive: true });
    writeFileSync(join(hostDir("/library"), "upload", "admin", "photo.jpg"), "compose-era photo");

    const init = await tf(t, d, ["init", "-input=false", "-no-color"]);
    expect(init.exitCode, init.all).toBe(0);
  }, 1_800_000);

  afterAll(async () => {
    if (!d) return;
    await destroyDeployment(t, d, env);
    await docker(["rm", "-f", COMPOSE_CONTAINER]).catch(() => "");
    await s3?.stop();
  }, 900_000);

  it("the first apply keeps the database and the files, every container healthy, the second plan empty", async () => {
    const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"], env);
    expect(apply.exitCode, apply.all).toBe(0);
    await waitHealthy(d.name);
    expect(await psqlIn(`immich-${d.name}-database`, "SELECT note FROM compose_era")).toBe("taken over");
    expect(readFileSync(join(hostDir("/library"), "upload", "admin", "photo.jpg"), "utf8")).toBe("compose-era photo");
    const second = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"], env);
    expect(second.exitCode, second.all).toBe(0);
  });

  it("the taken-over database streams WAL to the archiver and a restore drill from the bucket brings back its rows", async () => {
    const db = `immich-${d.name}-database`;
    // Read from the files our stack uploaded: this image generation's own configuration never names them.
    expect(await psqlIn(db, "SHOW hba_file")).toBe("/etc/postgresql/pg_hba.immich-iac.conf");
    const wal = JSON.parse(await docker(["exec", `immich-${d.name}-backup-wal`, "bash", "/etc/immich-iac/wal-archiver.sh", "status"]));
    expect(wal).toMatchObject({ slotActive: true, receive: { result: "ok" } });
    expect(wal.newestBase).toMatch(/^\d{8}T\d{6}Z$/);
    await psqlIn(db, "INSERT INTO compose_era SELECT 'after takeover ' || g FROM generate_series(1, 9) g");
    const segment = await psqlIn(db, "SELECT pg_walfile_name(pg_current_wal_lsn())");
    await psqlIn(db, "SELECT pg_switch_wal()");
    // The archiver receives the segment holding the rows (pg_receivewal --synchronous: flushed as it arrives).
    for (let i = 0; ; i++) {
      const files = (await docker(["exec", `immich-${d.name}-backup-wal`, "ls", "/archive/wal"])).split("\n");
      if (files.includes(segment)) break;
      if (i > 60) throw new Error(`segment ${segment} never reached the archive: ${files.join(" ")}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const run = await backupCli(d, ["run"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const drill = await backupCli(d, ["restore-drill", "--sample", "50"]);
    expect(drill.exitCode, drill.stdout + drill.stderr).toBe(0);
    expect(JSON.parse(drill.stdout).drill.restoredTables).toMatchObject({ compose_era: 10 });
  }, 900_000);

  it("a lost replication slot is detected, the broken WAL chain set aside, a new base backup taken, and a drill passes", async () => {
    const db = `immich-${d.name}-database`;
    const wal = `immich-${d.name}-backup-wal`;
    const walStatus = async () => JSON.parse(await docker(["exec", wal, "bash", "/etc/immich-iac/wal-archiver.sh", "status"]));
    const before = await walStatus();
    const metricsBefore = await docker(["exec", wal, "cat", WAL_METRICS_FILE]);
    await psqlIn(db, "INSERT INTO compose_era VALUES ('before the slot was lost')");
    // The fault: the archiver is away while more WAL than max_slot_wal_keep_size is written (ALTER SYSTEM
    // wins over our file, as it would for an operator), and checkpoints remove what the slot still needed.
    await docker(["stop", "-t", "30", wal]);
    await psqlIn(db, "ALTER SYSTEM SET max_slot_wal_keep_size = '64MB'");
    await psqlIn(db, "SELECT pg_reload_conf()");
    let slot = "";
    for (let i = 0; i < 4 && slot !== "lost"; i++) {
      await psqlIn(db, "CREATE TABLE IF NOT EXISTS wal_filler (t text)");
      await psqlIn(db, "INSERT INTO wal_filler SELECT md5(random()::text) || md5(random()::text) FROM generate_series(1, 600000)");
      await psqlIn(db, "CHECKPOINT");
      slot = await psqlIn(db, "SELECT wal_status FROM pg_replication_slots WHERE slot_name = 'immich_iac_wal'");
    }
    expect(slot).toBe("lost");
    await psqlIn(db, "DROP TABLE wal_filler");
    await psqlIn(db, "ALTER SYSTEM RESET max_slot_wal_keep_size");
    await psqlIn(db, "SELECT pg_reload_conf()");

    const restarted = Date.now() / 1000;
    await docker(["start", wal]);
    let after: any;
    for (let i = 0; ; i++) {
      after = await walStatus().catch(() => undefined);
      if (after?.gap && after.rebaseNeeded === false && after.newestBaseAt >= after.gap.at && after.slotActive) break;
      if (i > 240) throw new Error(`the archiver did not re-base after the lost slot: ${JSON.stringify(after)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(after.gap).toMatchObject({ reason: "slot-lost", setAside: expect.stringMatching(/^wal-until-\d{8}T\d{6}Z$/) });
    expect(after.gap.at).toBeGreaterThanOrEqual(Math.floor(restarted) - 1);
    expect(after.slotLosses).toBe(1);
    expect(after.newestBase > before.newestBase).toBe(true);
    // The chain before the gap is kept aside, not mixed into the new one.
    const aside = (await docker(["exec", wal, "ls", `/archive/${after.gap.setAside}`])).split("\n");
    const segment = before.newestWal.replace(/\.partial$/, "");
    expect(aside.some((f) => f === segment || f === `${segment}.partial`), aside.join(" ")).toBe(true);
    const logs = await execa("docker", ["logs", wal], { all: true });
    expect(logs.all).toMatch(/replication slot immich_iac_wal was lost/);

    // The operator sees it: the status names the gap; the metrics say it, judged by the real promtool.
    const status = await backupCli(d, ["status"]);
    expect(status.exitCode, status.stdout + status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).lines.join("\n")).toMatch(/WAL gap: the replication slot was lost .* re-based since/);
    // Rewritten every minute and at every change: streaming once pg_receivewal holds the new slot.
    let metrics = "";
    for (let i = 0; i < 80 && !metrics.includes(`immich_iac_wal_archiver_streaming{deployment="${d.name}"} 1`); i++) {
      if (i) await new Promise((r) => setTimeout(r, 1000));
      metrics = await docker(["exec", wal, "cat", WAL_METRICS_FILE]);
    }
    expect(metrics).toContain(`immich_iac_wal_archiver_slot_lost_total{deployment="${d.name}"} 1`);
    expect(metrics).toContain(`immich_iac_wal_archiver_rebase_needed{deployment="${d.name}"} 0`);
    expect(metrics).toContain(`immich_iac_wal_archiver_streaming{deployment="${d.name}"} 1`);
    const check = await execa("chroot", [TRIXIE_ROOT, "promtool", "check", "metrics"], { input: `${metrics}\n`, reject: false });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    // WalSlotLost, evaluated by the real promtool on the files the archiver wrote before and after the loss (as
    // the node exporter's textfile collector serves them): it fires on the second only.
    const promtool = await walSlotLostVerdict(TRIXIE_ROOT, d.name, metricsBefore, metrics);
    expect(promtool.exitCode, promtool.stdout + promtool.stderr).toBe(0);
    expect(promtool.stdout).toContain("SUCCESS");

    // Rows written after the re-base are recovered from the new chain.
    await psqlIn(db, "INSERT INTO compose_era VALUES ('after the re-base')");
    await psqlIn(db, "SELECT pg_switch_wal()");
    const run = await backupCli(d, ["run"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const drill = await backupCli(d, ["restore-drill", "--sample", "50"]);
    expect(drill.exitCode, drill.stdout + drill.stderr).toBe(0);
    expect(JSON.parse(drill.stdout).drill.restoredTables).toMatchObject({ compose_era: 12 });
  }, 900_000);

  it("without the compose password, Terraform refuses to plan rather than lock Immich out", async () => {
    const missing = await tf(t, d, ["plan", "-input=false", "-no-color"]);
    expect(missing.exitCode).toBe(1);
    expect(missing.all).toMatch(/No value for required variable[\s\S]*existing_database_password/);
  });
});
