import { execa } from "execa";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION, defaultKeepLocalDumps, endpointProblem, forgetArguments, immichDumpCron, resticRepository } from "../../src/backup/backup-settings.js";
import { renderBackupOperations } from "../../src/renderers/backup/operations.js";
import { renderOffsiteScript } from "../../src/renderers/backup/offsite.js";
import { renderWalArchiver } from "../../src/renderers/backup/wal-archiver.js";
import { SHELLCHECK } from "../tools.js";

const dir = mkdtempSync(join(tmpdir(), "iac-backup-scripts-"));
/**
 * `bash -n`/`dash -n`, and shellcheck at style severity, in the shell the script names (sh for the off-site script:
 * busybox in upstream's image). Without shellcheck (outside CI) only the syntax check runs; the skip is listed below.
 */
async function shellcheck(name: string, text: string, shell: "bash" | "sh"): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const syntax = await execa(shell === "sh" ? "dash" : "bash", ["-n", file], { reject: false });
  if (!SHELLCHECK.ok) return syntax.stderr;
  const sc = await execa("shellcheck", ["--severity=style", "-s", shell, file], { reject: false });
  return `${syntax.stderr}${sc.stdout}`;
}

const offsiteInput = { title: "deployment home", deploymentName: "home", snapshotHost: "immich-home", intervalHours: 6, retention: DEFAULT_RETENTION, excludes: ["/backups/offsite", "/backups/postgres/base/*.partial"] };

// Outside CI a missing shellcheck is a listed skip, not a silent pass.
if (!SHELLCHECK.ok) it.skip(`backup scripts judged by shellcheck (skipped: ${SHELLCHECK.reason}; bash -n and dash -n still run)`, () => {});

describe("backup schedules and arguments", () => {
  it("Immich dumps at minute 0 of every interval (midnight for a daily interval)", () => {
    expect(immichDumpCron(6)).toBe("0 */6 * * *");
    expect(immichDumpCron(1)).toBe("0 */1 * * *");
    expect(immichDumpCron(24)).toBe("0 0 * * *");
  });

  it("keeps two days of dumps, between 2 and Immich's 14", () => {
    expect([1, 2, 6, 8, 12, 24].map(defaultKeepLocalDumps)).toEqual([14, 14, 8, 6, 4, 2]);
  });

  it("turns the retention policy into restic's --keep flags, leaving out zeros", () => {
    expect(forgetArguments(DEFAULT_RETENTION)).toEqual(["--keep-hourly", "24", "--keep-daily", "7", "--keep-weekly", "5", "--keep-monthly", "12", "--keep-yearly", "3"]);
    expect(forgetArguments({ hourly: 0, daily: 3, weekly: 0, monthly: 2, yearly: 0 })).toEqual(["--keep-daily", "3", "--keep-monthly", "2"]);
  });

  it("names the repository s3:<endpoint>/<bucket>/<prefix>", () => {
    expect(resticRepository({ endpoint: "https://s3.example.com:9000", bucket: "b", region: "r", prefix: "immich-iac/home" })).toBe("s3:https://s3.example.com:9000/b/immich-iac/home");
  });

  it("accepts https anywhere and plain http only to private addresses", () => {
    expect(endpointProblem("https://s3.eu-central-003.backblazeb2.com")).toBeUndefined();
    for (const ok of ["http://10.0.0.5:9000", "http://172.17.0.1:17070", "http://192.168.1.2", "http://127.0.0.1:9000", "http://[fd00::5]:9000"]) expect(endpointProblem(ok)).toBeUndefined();
    // A name is not an address: it may resolve anywhere (and localhost is the backup container itself).
    for (const name of ["http://localhost:9000", "http://10.evil.example.com"]) expect(endpointProblem(name)).toMatch(/^expected https:\/\/ \(plain http only to a private IP address/);
    expect(endpointProblem("http://172.32.0.1")).toMatch(/^expected https:\/\//);
    expect(endpointProblem("https://-oProxy.example.com")).toBe('expected a DNS name or IPv4 address as the host, got "-oProxy.example.com"');
    expect(endpointProblem("https://s3.example.com/\n")).toMatch(/^expected an S3 endpoint URL/);
  });
});

describe("the WAL archiver script", () => {
  const text = renderWalArchiver({ title: "deployment home", deploymentName: "home", slot: "immich_iac_wal", baseBackupIntervalHours: 12, keepBaseBackups: 3 });
  it("streams through the slot and keeps the configured base backups", () => {
    expect(text).toContain("SLOT=immich_iac_wal\nBASE_INTERVAL=43200\nKEEP_BASE=3\n");
    expect(text).toContain('pg_receivewal -D "$WAL" --slot="$SLOT" --synchronous --no-loop --no-password');
    expect(text).toContain('pg_basebackup -D "$target.partial" -F p -X stream --checkpoint="$1" --no-password --manifest-checksums=SHA256');
    // After a gap (a lost slot) the re-base is immediate and fast; otherwise the checkpoint is spread. Either runs
    // in the background, so the heartbeat goes on during a long one.
    expect(text).toContain('if [ -e "$STATE/base-needed" ]; then base_backup fast & else base_backup spread & fi');
    expect(text).toContain('label="{deployment=\\"$DEPLOYMENT\\"}"');
    expect(text).toContain('immich_iac_wal_archiver_slot_lost_total$label $losses');
  });
  it("stops with the folder, its owner and its user when it cannot write its state (Docker made it as root), instead of looping", async () => {
    // The script as rendered, its archive moved from /archive to a temporary folder (the one line asserted first).
    expect(text).toContain("\nARCHIVE=/archive\n");
    const archive = mkdtempSync(join(tmpdir(), "iac-wal-archive-"));
    const file = join(archive, "wal-archiver.sh");
    writeFileSync(file, text.replace("\nARCHIVE=/archive\n", `\nARCHIVE=${archive}\n`));
    for (const d of ["wal", "base", "state"]) mkdirSync(join(archive, d));
    for (const d of ["", "wal", "base"]) chmodSync(join(archive, d), 0o777);
    chmodSync(join(archive, "state"), 0o555);
    // As root every folder is writable: run as nobody, whom the 0555 folder refuses.
    const root = process.getuid?.() === 0;
    const r = root ? await execa("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "bash", file, "run"], { reject: false, timeout: 20_000 }) : await execa("bash", [file, "run"], { reject: false, timeout: 20_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`wal-archiver: cannot write ${archive}/state \\(owner \\d+:\\d+, mode 555; this archiver runs as \\d+:\\d+\\): make it theirs`));
  });
  it("passes bash -n and shellcheck", async () => {
    expect(await shellcheck("wal-archiver.sh", text, "bash")).toBe("");
  });
  it("refuses a slot name that is not an identifier, and a zero interval", () => {
    expect(() => renderWalArchiver({ title: "t", deploymentName: "t", slot: "x'; DROP", baseBackupIntervalHours: 1, keepBaseBackups: 1 })).toThrow('renderWalArchiver: slot must be a PostgreSQL identifier (got "x\'; DROP")');
    expect(() => renderWalArchiver({ title: "t", deploymentName: "t", slot: "s", baseBackupIntervalHours: 0, keepBaseBackups: 1 })).toThrow("renderWalArchiver: baseBackupIntervalHours must be a positive integer (got 0)");
  });
});

describe("the off-site script", () => {
  const text = renderOffsiteScript(offsiteInput);
  it("runs 30 minutes past each 6-hour boundary, late after two intervals, with the retention policy and the exclusions", () => {
    expect(text).toContain("INTERVAL=21600\nOFFSET=1800\nLATE=43200\nOPEN_TIMEOUT=60\n");
    expect(text).toContain(`restic backup --host "$SNAPSHOT_HOST" --tag immich-iac --exclude /backups/offsite --exclude '/backups/postgres/base/*.partial' /backups /library`);
    expect(text).toContain(`restic forget --host "$SNAPSHOT_HOST" --tag immich-iac --keep-hourly 24 --keep-daily 7 --keep-weekly 5 --keep-monthly 12 --keep-yearly 3 --prune`);
  });
  it("is POSIX sh (upstream's image has busybox): dash -n and shellcheck -s sh", async () => {
    expect(await shellcheck("offsite.sh", text, "sh")).toBe("");
  });
  it("copies external libraries' folders too when given, each a word of its own, still POSIX sh", async () => {
    const withFolders = renderOffsiteScript({ ...offsiteInput, extraPaths: ["/external/family", "/external/scans"] });
    expect(withFolders).toContain(`--exclude '/backups/postgres/base/*.partial' /backups /library /external/family /external/scans\n`);
    expect(await shellcheck("offsite-external.sh", withFolders, "sh")).toBe("");
  });
  it("refuses a deployment name that could break the metrics label", () => {
    expect(() => renderOffsiteScript({ ...offsiteInput, deploymentName: 'x"} 1\nevil' })).toThrow(/^renderOffsiteScript: deploymentName must be a deployment name/);
  });
});

describe("the operations script", () => {
  it("passes bash -n and shellcheck with and without an off-site target", async () => {
    const base = { title: "deployment home", databaseContainer: "immich-home-database", databaseName: "immich", databaseUser: "immich" };
    expect(await shellcheck("ops-full.sh", renderBackupOperations({ ...base, walContainer: "immich-home-backup-wal", offsite: { container: "immich-home-backup", stateHostPath: "/srv/immich/backups/offsite", snapshotHost: "immich-home" } }), "bash")).toBe("");
    const bare = renderBackupOperations(base);
    expect(bare).toContain("WAL_C=''\nOFF_C=''\n");
    expect(await shellcheck("ops-bare.sh", bare, "bash")).toBe("");
  });
});
