import { execa } from "execa";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploymentPath } from "../stack-util.js";
import {
  backupCli,
  createVolumeDirectories,
  destroyDeployment,
  docker,
  e2eCopyOf,
  ensureDockerEngine,
  provideImages,
  removeLeftovers,
  resynth,
  tf,
  toolchain,
  volumeHostDir,
  waitHealthy,
  type E2eDeployment,
  type Toolchain,
} from "./harness.js";
import { TRIXIE_ROOT } from "../upstream/trixie-root.js";
import { s3Env, startS3Server, S3_ENDPOINT, S3_REGION, type S3Server } from "./s3-server.js";

/**
 * Backups for real: a deployment with continuous WAL and an off-site target applied on the local Docker
 * Engine; PostgreSQL 17 (stand-in image, real server), pg_receivewal and pg_basebackup, restic (Debian's
 * real binary) and a real S3 server (versitygw). Rows and files are written, backed up, written again, and
 * restored to a point in between by `immich-iac backup restore-drill`; retention is checked against what restic
 * keeps; a wrong password and an unreachable bucket must fail loudly (run, status, container health).
 */
const BUCKET = "e2e-backups";
const RETENTION = { hourly: 0, daily: 3, weekly: 0, monthly: 2, yearly: 0 };

describe("backups: continuous WAL, off-site restic to S3, restore drills", () => {
  let t: Toolchain;
  let d: E2eDeployment;
  let json: any;
  let s3: S3Server | undefined;
  const db = () => `immich-${d.name}-database`;
  const offsite = () => `immich-${d.name}-backup`;
  const psql = (sql: string) => docker(["exec", db(), "psql", "-X", "-h", "/var/run/postgresql", "-U", "immich", "-d", "immich", "-tAc", sql]);
  const cli = (args: string[]) => backupCli(d, args);

  beforeAll(async () => {
    t = await toolchain();
    await ensureDockerEngine();
    s3 = await startS3Server([BUCKET]);
    d = e2eCopyOf(deploymentPath("homelab"), "backup", (doc) => {
      doc.spec.backup = { intervalHours: 6, retention: RETENTION, offsite: { endpoint: S3_ENDPOINT, bucket: BUCKET, region: S3_REGION } };
    });
    await removeLeftovers(d.name);
    json = resynth(d);
    createVolumeDirectories(json, d.dataRoot);
    await provideImages(json);
    const init = await tf(t, d, ["init", "-input=false", "-no-color"]);
    expect(init.exitCode, init.all).toBe(0);
    const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"]);
    expect(apply.exitCode, apply.all).toBe(0);
    await waitHealthy(d.name);
  }, 1_800_000);

  afterAll(async () => {
    if (d) await destroyDeployment(t, d);
    await s3?.stop();
  }, 900_000);

  it("no secret of the off-site copy is in cdk.tf.json, and Terraform asks for them as sensitive variables", () => {
    const text = readFileSync(join(d.stackDir, "cdk.tf.json"), "utf8");
    for (const [name, value] of Object.entries(s3Env())) {
      expect(text, `${name} must not be in cdk.tf.json`).not.toContain(value);
      expect(json.variable[name.replace("TF_VAR_", "")]).toMatchObject({ sensitive: true, nullable: false });
    }
  });

  it("streams WAL into the archive and the second plan is empty", async () => {
    const status = JSON.parse(await docker(["exec", `immich-${d.name}-backup-wal`, "bash", "/etc/immich-iac/wal-archiver.sh", "status"]));
    expect(status.slotActive).toBe(true);
    expect(status.newestBase).toMatch(/^\d{8}T\d{6}Z$/);
    expect(status.newestWal).toMatch(/^[0-9A-F]{24}(\.partial)?$/);
    const second = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"]);
    expect(second.exitCode, second.all).toBe(0);
  });

  let between = "";
  const libraryFiles: Record<string, string> = {};
  it("backs up rows and library files off-site; a drill to a point in between restores only the first rows, a drill to the end restores all and the files", async () => {
    await psql(`CREATE TABLE "user" (id serial PRIMARY KEY, name text); CREATE TABLE asset (id serial PRIMARY KEY, path text); CREATE TABLE drill_marker (phase text)`);
    await psql(`INSERT INTO "user" (name) VALUES ('alice'); INSERT INTO asset (path) SELECT 'a' || g FROM generate_series(1, 50) g; INSERT INTO drill_marker SELECT 'before' FROM generate_series(1, 7)`);
    await new Promise((r) => setTimeout(r, 1500));
    between = await psql(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);
    await new Promise((r) => setTimeout(r, 1500));
    await psql(`INSERT INTO drill_marker SELECT 'after' FROM generate_series(1, 5); INSERT INTO asset (path) SELECT 'b' || g FROM generate_series(1, 25) g`);
    const library = volumeHostDir(json, `immich-${d.name}-library`);
    for (let i = 0; i < 12; i++) {
      const rel = join("upload", "admin", `photo-${i}.jpg`);
      mkdirSync(join(library, "upload", "admin"), { recursive: true });
      const bytes = randomBytes(2048 + i * 4096);
      writeFileSync(join(library, rel), bytes);
      libraryFiles[rel] = bytes.toString("base64");
    }

    const run = await cli(["run"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const status = await cli(["status"]);
    expect(status.exitCode, status.stdout + status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, problems: [], status: { offsite: { result: "ok" } } });

    const toBetween = await cli(["restore-drill", "--target-time", between, "--sample", "5"]);
    expect(toBetween.exitCode, toBetween.stdout + toBetween.stderr).toBe(0);
    const early = JSON.parse(toBetween.stdout);
    expect(early.drill.targetTime).toBe(between);
    expect(early.drill.restoredTables).toMatchObject({ drill_marker: 7, asset: 50, user: 1 });
    expect(early.drill.liveTables).toMatchObject({ drill_marker: 12, asset: 75, user: 1 });

    const latest = await cli(["restore-drill", "--sample", "8"]);
    expect(latest.exitCode, latest.stdout + latest.stderr).toBe(0);
    const full = JSON.parse(latest.stdout);
    expect(full.drill.restoredTables).toMatchObject({ drill_marker: 12, asset: 75, user: 1 });
    // The stand-in server rewrites a probe file in the library all the time: a newer version, not damage.
    expect(full.drill.library).toMatchObject({ sampled: 8, deletedSince: 0, mismatched: [] });
    expect(full.drill.library.matched + full.drill.library.changedSince).toBe(8);
    expect(full.drill.library.matched).toBeGreaterThanOrEqual(7);
    expect(full.drill.repositoryCheckExit).toBe(0);
  }, 900_000);

  it("one deleted album comes back by the operator guide's procedure: a drill kept at a minute before, its rows copied into the live database", async () => {
    // Immich's album tables, as far as the procedure touches them: album, and album_asset by "albumId".
    const album = "3f1c4e1a-7d0e-4c4b-9a55-1a2b3c4d5e6f";
    await psql(`CREATE TABLE album (id uuid PRIMARY KEY, "albumName" text NOT NULL); CREATE TABLE album_asset ("albumId" uuid REFERENCES album (id) ON DELETE CASCADE, "assetId" int, PRIMARY KEY ("albumId", "assetId"))`);
    await psql(`INSERT INTO album VALUES ('${album}', 'Summer 2026'); INSERT INTO album_asset SELECT '${album}', g FROM generate_series(1, 9) g`);
    await new Promise((r) => setTimeout(r, 1500));
    const before = await psql(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);
    await new Promise((r) => setTimeout(r, 1500));
    // The fault: the album deleted (its asset links go with it), the photos stay.
    await psql(`DELETE FROM album WHERE id = '${album}'`);
    expect(await psql(`SELECT count(*) FROM album_asset`)).toBe("0");
    const run = await cli(["run"]);
    expect(run.exitCode, run.stderr).toBe(0);

    // --sample 0: the library sample is another test's business (run alone, the library holds only the stand-in's ever-changing probe file).
    const drill = await cli(["restore-drill", "--target-time", before, "--sample", "0", "--keep"]);
    // What the drill kept is removed whatever the outcome (a failed drill with --keep still leaves its container).
    const kept = (JSON.parse(drill.stdout || "{}").drill?.kept ?? null) as { container: string; directory: string } | null;
    try {
      expect(drill.exitCode, drill.stdout + drill.stderr).toBe(0);
      expect(kept?.container).toMatch(/^immich-/);
      // The guide's commands, with its placeholders filled in: album first, then its asset links.
      const copy = (table: string, where: string) =>
        execa("sh", ["-c", `docker exec "$1" psql -U immich -d immich -c "\\copy (SELECT * FROM ${table} WHERE ${where}) TO STDOUT" | docker exec -i "$2" psql -U immich -d immich -c "\\copy ${table} FROM STDIN"`, "sh", kept!.container, db()]);
      await copy("album", `id = '${album}'`);
      // Inside the double-quoted -c argument, the quoted column name needs its quotes escaped, as the guide writes it.
      await copy("album_asset", `\\"albumId\\" = '${album}'`);
      expect(await psql(`SELECT "albumName" FROM album WHERE id = '${album}'`)).toBe("Summer 2026");
      expect(await psql(`SELECT count(*) FROM album_asset WHERE "albumId" = '${album}'`)).toBe("9");
    } finally {
      if (kept) {
        await execa("docker", ["rm", "-f", kept.container], { reject: false });
        rmSync(kept.directory, { recursive: true, force: true });
      }
    }
  }, 900_000);

  it("a library file whose bytes changed but whose time did not (damage) is reported; a newer version is not", async () => {
    const library = volumeHostDir(json, `immich-${d.name}-library`);
    const [damaged, newer] = Object.keys(libraryFiles);
    const file = join(library, damaged!);
    const { atime, mtime } = statSync(file);
    writeFileSync(file, "bit rot: other bytes, same modification time");
    utimesSync(file, atime, mtime);
    writeFileSync(join(library, newer!), "a newer version written after the backup");
    const drill = await cli(["restore-drill", "--sample", "13"]);
    expect(drill.exitCode, drill.stderr).toBe(1);
    expect(drill.stdout, drill.stderr).not.toBe("");
    const out = JSON.parse(drill.stdout);
    expect(out.drill.library).toMatchObject({ sampled: 13, mismatched: [`/library/${damaged}`] });
    expect(out.drill.library.changedSince).toBeGreaterThanOrEqual(1);
    expect(out.problems).toEqual([`restored files differ from the live ones with the same modification time (damage): /library/${damaged}`]);
    for (const [rel, b64] of Object.entries(libraryFiles)) writeFileSync(join(library, rel), Buffer.from(b64, "base64"));
  }, 900_000);

  it("forget --prune keeps what the retention policy says, per day and per month, as restic computes it", async () => {
    const day = 86_400_000;
    const now = Date.now();
    const times = [2, 3, 4, 20, 45, 70, 100].map((n) => new Date(now - n * day));
    for (const time of times) {
      const stamp = time.toISOString().replace("T", " ").slice(0, 19);
      await docker(["exec", offsite(), "restic", "backup", "--host", `immich-${d.name}`, "--tag", "immich-iac", "--time", stamp, "/backups", "/library"]);
    }
    const before = JSON.parse(await docker(["exec", offsite(), "restic", "snapshots", "--json"])) as { time: string; id: string }[];
    const run = await cli(["run"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const after = JSON.parse(await docker(["exec", offsite(), "restic", "snapshots", "--json"])) as { time: string; id: string }[];
    const all = [...before, { time: new Date().toISOString(), id: "new" }];
    const expected = keptBy(all, RETENTION.daily, (t) => t.slice(0, 10)).concat(keptBy(all, RETENTION.monthly, (t) => t.slice(0, 7)));
    const keptOld = new Set(after.map((s) => s.id));
    expect([...keptOld].filter((id) => before.some((b) => b.id === id)).sort()).toEqual([...new Set(expected.filter((id) => id !== "new"))].sort());
    expect(after.length).toBe(new Set(expected).size);
  }, 900_000);

  it("the whole server lost: the README's procedure brings the database and the library back from the bucket alone", async () => {
    const run = await cli(["run"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const counts = await psql(`SELECT (SELECT count(*) FROM drill_marker) || '/' || (SELECT count(*) FROM asset) || '/' || (SELECT count(*) FROM "user")`);
    const library = volumeHostDir(json, `immich-${d.name}-library`);

    // Lost: every container and everything under the data root. Kept: the deployment, the state, the bucket.
    const ids = (await docker(["ps", "-aq", "--filter", `label=io.immich-iac.deployment=${d.name}`])).split("\n").filter(Boolean);
    await docker(["rm", "-f", ...ids]);
    for (const dir of ["database", "library", "backups", "thumbnails", "ml-cache"]) rmSync(join(d.dataRoot, dir), { recursive: true, force: true });
    createVolumeDirectories(json, d.dataRoot);

    // README "Restore: the whole server is lost", steps 3–5.
    const restic = Object.values(json.resource.docker_image as Record<string, { name: string }>).map((i) => i.name).find((n) => n.includes("restic"))!;
    const keys = s3Env();
    const restore = await execa("docker", ["run", "--rm", "-e", `RESTIC_REPOSITORY=s3:${S3_ENDPOINT}/${BUCKET}/immich-iac/${d.name}`,
      "-e", `RESTIC_PASSWORD=${keys.TF_VAR_backup_repository_password}`, "-e", `AWS_ACCESS_KEY_ID=${keys.TF_VAR_backup_s3_access_key_id}`,
      "-e", `AWS_SECRET_ACCESS_KEY=${keys.TF_VAR_backup_s3_secret_access_key}`, "-v", `${d.dataRoot}:/target`, restic,
      "restore", "latest", "--host", `immich-${d.name}`, "--tag", "immich-iac", "--target", "/target/restore"], { reject: false, all: true });
    expect(restore.exitCode, restore.all).toBe(0);
    const sh = (script: string) => execa("bash", ["-euc", script], { reject: false, all: true, env: { ROOT: d.dataRoot } });
    const steps = await sh(`
      cp -a "$ROOT/restore/library/." "$ROOT/library/"
      cp -a "$ROOT/restore/backups/." "$ROOT/backups/"
      rm -rf "$ROOT/restore"
      base=$(ls -1 "$ROOT/backups/postgres/base" | grep -E '^[0-9]{8}T[0-9]{6}Z$' | sort | tail -n 1)
      cp -a "$ROOT/backups/postgres/base/$base/." "$ROOT/database/pgdata/"
      cp -a "$ROOT/backups/postgres/wal" "$ROOT/database/pgdata/restore-wal"
      touch "$ROOT/database/pgdata/recovery.signal"
      printf '%s\\n' "restore_command = 'cp /var/lib/postgresql/data/restore-wal/%f %p || cp /var/lib/postgresql/data/restore-wal/%f.partial %p'" "recovery_target_action = 'promote'" >>"$ROOT/database/pgdata/postgresql.auto.conf"
      chown -R 999:999 "$ROOT/database/pgdata"`);
    expect(steps.exitCode, steps.all).toBe(0);
    const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"]);
    expect(apply.exitCode, apply.all).toBe(0);
    await waitHealthy(d.name);
    for (const reset of ["restore_command", "recovery_target_action"]) await psql(`ALTER SYSTEM RESET ${reset}`);
    rmSync(join(d.dataRoot, "database", "pgdata", "restore-wal"), { recursive: true, force: true });

    expect(await psql(`SELECT (SELECT count(*) FROM drill_marker) || '/' || (SELECT count(*) FROM asset) || '/' || (SELECT count(*) FROM "user")`)).toBe(counts);
    for (const [rel, b64] of Object.entries(libraryFiles)) expect(readFileSync(join(library, rel)).toString("base64"), rel).toBe(b64);
    const second = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"]);
    expect(second.exitCode, second.all).toBe(0);
    // The new server backs up into the same repository: WAL streams again after a fresh base backup.
    const again = await cli(["run"]);
    expect(again.exitCode, again.stderr).toBe(0);
    const status = await cli(["status"]);
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, status: { wal: { slotActive: true } } });
  }, 1_200_000);

  it("a wrong repository password fails the run, the status and the container's health, loudly", async () => {
    const wrong = { TF_VAR_backup_repository_password: "not-the-password" };
    const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"], wrong);
    expect(apply.exitCode, apply.all).toBe(0);
    const run = await cli(["run"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("the off-site run failed");
    const status = await cli(["status"]);
    expect(status.exitCode).toBe(1);
    expect(JSON.parse(status.stdout).problems).toContain("the last off-site run failed: wrong repository password (TF_VAR_backup_repository_password)");
    await expectUnhealthy(offsite());
    const restore = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"]);
    expect(restore.exitCode, restore.all).toBe(0);
  }, 900_000);

  it("an unreachable bucket fails the run, the status and the health with a clear reason, and the metrics say so", async () => {
    await s3!.stop();
    s3 = undefined;
    const run = await cli(["run"]);
    expect(run.exitCode).toBe(1);
    const status = await cli(["status"]);
    expect(status.exitCode).toBe(1);
    const problems = JSON.parse(status.stdout).problems as string[];
    expect(problems).toContain("the last off-site run failed: the repository cannot be reached or read within 60 s (exit 124), see the container log");
    await expectUnhealthy(offsite());
    const metrics = await docker(["exec", offsite(), "cat", "/state/metrics/immich_iac_backup.prom"]);
    expect(metrics).toContain(`immich_iac_backup_last_run_success{deployment="${d.name}"} 0`);
    // The textfile node exporter will read: judged by the real promtool (Debian's prometheus package).
    const check = await execa("chroot", [TRIXIE_ROOT, "promtool", "check", "metrics"], { input: `${metrics}\n`, reject: false });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
  }, 900_000);
});

/** Ids restic keeps for `--keep-<bucket> n`: the newest snapshot of each of the n newest buckets. */
function keptBy(snapshots: readonly { time: string; id: string }[], n: number, bucket: (time: string) => string): string[] {
  const sorted = [...snapshots].sort((a, b) => (a.time < b.time ? 1 : -1));
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const s of sorted) {
    const b = bucket(s.time);
    if (seen.has(b)) continue;
    if (seen.size >= n) break;
    seen.add(b);
    kept.push(s.id);
  }
  return kept;
}

async function expectUnhealthy(container: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const h = await docker(["inspect", "-f", "{{.State.Health.Status}}", container]);
    if (h === "unhealthy") return;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`${container} did not become unhealthy within 240 s (start period 30 s, one check a minute)`);
}
