import { execa } from "execa";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { alertGroups } from "../../src/renderers/monitoring/alert-rules.js";
import { ALERTMANAGER_SECRETS } from "../../src/renderers/monitoring/alertmanager.js";
import { deploymentPath } from "../stack-util.js";
import { ALERTS_TO, AlertReceivers, SMTP_HOST, SMTP_USER } from "./alert-receivers.js";
import {
  backupCli,
  createVolumeDirectories,
  destroyDeployment,
  docker,
  e2eCopyOf,
  ensureDockerEngine,
  provideDiskDevices,
  provideImages,
  removeLeftovers,
  resynth,
  tf,
  toolchain,
  waitHealthy,
  type E2eDeployment,
  type Toolchain,
} from "./harness.js";
import { startS3Server, type S3Server } from "./s3-server.js";

/**
 * Alerts reach a person (issue 21): the shipped example deployment, applied on the local engine with e-mail and
 * webhook alerts, its real Prometheus and Alertmanager (Debian's, as stand-in images) and real exporters,
 * sends to the operator's side (alert-receivers.ts): a real SMTP server that requires STARTTLS and AUTH with the
 * password of TF_VAR_smtp_password, and a webhook endpoint that records only the path of TF_VAR_monitoring_webhook_url.
 * Faults are caused for real: the WAL archiver stopped, the database stopped, the bucket made unreachable for a
 * backup run; each alert's mail and webhook arrive, then "resolved". The deployment shortens the timing only
 * through its own settings (alerts.groupWaitSeconds, groupIntervalSeconds, maxForSeconds), never by editing
 * what was generated. At the end every rule's selectors are looked up in Prometheus: each matches a live series
 * or is listed with why it cannot here.
 */
const NAME = "alerts";
/** Each fault's alert must arrive (and resolve) within this: scrape 30 s, evaluation 30 s, for ≤ 20 s, group 5/15 s. */
const ARRIVAL_MS = 300_000;

describe("alerts reach a person: mail over STARTTLS with AUTH, and a webhook, on real faults", () => {
  let t: Toolchain;
  let d: E2eDeployment;
  let json: any;
  let s3: S3Server | undefined;
  let bucket = "";
  const receivers = new AlertReceivers(NAME);
  const env = receivers.env;
  const { password, token } = receivers;
  const started = performance.now();
  let refusedByProbe = "";
  const container = (c: string) => `immich-${d.name}-${c}`;
  const prometheus = async (path: string) => JSON.parse(await docker(["exec", container("monitoring-prometheus"), "wget", "-q", "-O", "-", `http://127.0.0.1:9090${path}`]));
  const newest = () => receivers.newest();
  const arrival = (alert: string, status: "firing" | "resolved", after: number) =>
    receivers.arrival(alert, status, after, d.name, ARRIVAL_MS, async () => {
      const am = await execa("docker", ["logs", "--tail", "30", container("monitoring-alertmanager")], { reject: false, all: true });
      const alerts = await prometheus("/api/v1/alerts").catch((e) => String(e));
      return `prometheus alerts: ${JSON.stringify(alerts).slice(0, 3000)}\nalertmanager log:\n${am.all}`;
    });

  beforeAll(async () => {
    t = await toolchain();
    await ensureDockerEngine();
    // The operator's mail server's certificate, from a CA of its own: Alertmanager must trust that CA, nothing else.
    await receivers.prepare();
    d = e2eCopyOf(deploymentPath("example"), NAME, (doc) => receivers.configure(doc));
    bucket = d.doc.spec.backup.offsite.bucket;
    s3 = await startS3Server([bucket]);
    await removeLeftovers(d.name);
    json = resynth(d);
    createVolumeDirectories(json, d.dataRoot);
    await provideDiskDevices(json, d.work);
    await provideImages(json);
    const init = await tf(t, d, ["init", "-input=false", "-no-color"], env);
    expect(init.exitCode, init.all).toBe(0);
    const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"], env);
    expect(apply.exitCode, apply.all).toBe(0);
    await waitHealthy(d.name, 300);
    // The operator's servers, reachable from the front network (Alertmanager's way out) by their names.
    await receivers.start(`immich-${d.name}-front`);
  }, 1_800_000);

  afterAll(async () => {
    console.log(`e2e: alerts suite took ${Math.round((performance.now() - started) / 1000)} s`);
    if (d) await destroyDeployment(t, d, env);
    await s3?.stop();
    await receivers.stop();
  }, 900_000);

  it("the SMTP password and the webhook URL are in no generated file, and Alertmanager has them as root-owned 0444 files", async () => {
    const text = readFileSync(join(d.stackDir, "cdk.tf.json"), "utf8");
    expect(text).not.toContain(password);
    expect(text).not.toContain(token);
    expect(json.variable.monitoring_webhook_url).toMatchObject({ sensitive: true, nullable: false });
    for (const f of Object.values(ALERTMANAGER_SECRETS)) {
      expect(await docker(["exec", container("monitoring-alertmanager"), "stat", "-c", "%a %u:%g", f])).toBe("444 0:0");
    }
    const envs = await docker(["inspect", "-f", "{{json .Config.Env}}", container("monitoring-alertmanager")]);
    expect(envs).not.toContain(password);
    expect(envs).not.toContain(token);
  });

  it("the mail server refuses mail before STARTTLS and a wrong password (it checks what it is told)", async () => {
    const probe = [
      "import smtplib, ssl, sys",
      `ctx = ssl.create_default_context(cafile='/tls/ca.pem')`,
      `s = smtplib.SMTP('127.0.0.1', 587, timeout=10)`,
      "s.ehlo()",
      "try:\n  s.sendmail('a@example.com', ['ops@example.com'], 'x')\n  print('plain accepted')\nexcept smtplib.SMTPException as e:\n  print('plain refused', e.smtp_code if hasattr(e, 'smtp_code') else '')",
      `s = smtplib.SMTP('${SMTP_HOST}', 587, timeout=10)`,
      "s.starttls(context=ctx)",
      `try:\n  s.login('${SMTP_USER}', 'not-the-password')\n  print('wrong accepted')\nexcept smtplib.SMTPException:\n  print('wrong refused')`,
    ].join("\n");
    const r = await docker(["exec", receivers.container, "python3", "-c", probe]);
    expect(r).toBe("plain refused 530\nwrong refused");
    refusedByProbe = receivers.events();
    expect(refusedByProbe).toMatch(/smtp auth refused/);
  });

  it("stopping the WAL archiver: WalArchiverDown by mail and webhook, then resolved when it runs again", async () => {
    const before = newest();
    await docker(["stop", container("backup-wal")]);
    const firing = await arrival("WalArchiverDown", "firing", before);
    expect(firing.mail.to).toBe(ALERTS_TO);
    expect(firing.hook.body.alerts.find((a) => a.status === "firing")!.labels).toMatchObject({ alertname: "WalArchiverDown", severity: "critical", deployment: d.name });
    console.log(`e2e: WalArchiverDown arrived after ${Math.round(firing.seconds)} s`);
    await docker(["start", container("backup-wal")]);
    const resolved = await arrival("WalArchiverDown", "resolved", firing.hook.n);
    console.log(`e2e: WalArchiverDown resolved after ${Math.round(resolved.seconds)} s`);
  }, 900_000);

  it("stopping the database: PostgresDown by mail and webhook, the server unhealthy, then resolved and healthy when it runs again", async () => {
    const before = newest();
    await docker(["stop", container("database")]);
    const firing = await arrival("PostgresDown", "firing", before);
    expect(firing.hook.body.alerts.find((a) => a.status === "firing")!.labels).toMatchObject({ alertname: "PostgresDown", job: "postgres", deployment: d.name });
    // The server stand-in's health follows its real login to PostgreSQL: with the database stopped it turns unhealthy.
    let health = "";
    for (let i = 0; i < 60 && health !== "unhealthy"; i++) {
      if (i) await new Promise((r) => setTimeout(r, 3000));
      health = await docker(["inspect", "--format", "{{.State.Health.Status}}", container("server")]);
    }
    expect(health).toBe("unhealthy");
    const ping = await execa("docker", ["exec", container("server"), "curl", "-sS", "-m", "5", "http://127.0.0.1:2283/api/server/ping"], { reject: false });
    expect(JSON.parse(ping.stdout).problems).toEqual(expect.arrayContaining([expect.stringMatching(/^database: /)]));
    await docker(["start", container("database")]);
    await arrival("PostgresDown", "resolved", firing.hook.n);
    await waitHealthy(d.name, 300);
  }, 900_000);

  // Immich #31489: the server runs, its database does not answer. Pausing the database container freezes it with
  // its port open: connections are accepted and never answered, as a wedged pool's are. The probe asks the server's
  // /api/server/config, which the stand-in answers from a real query on that database (its header says so).
  it("a database that stops answering: ImmichDatabaseUnresponsive by mail and webhook, then resolved when it answers again", async () => {
    const before = newest();
    await docker(["pause", container("database")]);
    try {
      const firing = await arrival("ImmichDatabaseUnresponsive", "firing", before);
      expect(firing.hook.body.alerts.find((a) => a.status === "firing")!.labels).toMatchObject({ alertname: "ImmichDatabaseUnresponsive", job: "immich-db", severity: "critical", deployment: d.name });
      console.log(`e2e: ImmichDatabaseUnresponsive arrived after ${Math.round(firing.seconds)} s`);
      await docker(["unpause", container("database")]);
      await arrival("ImmichDatabaseUnresponsive", "resolved", firing.hook.n);
    } finally {
      await execa("docker", ["unpause", container("database")], { reject: false });
    }
    await waitHealthy(d.name, 300);
  }, 900_000);

  it("an unreachable bucket fails a backup run: BackupFailed by mail and webhook, then resolved by a run that succeeds", async () => {
    const first = await backupCli(d, ["run"]);
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const before = newest();
    // The S3 server gone: the run gives up after its 60 s bound and writes 0 to its textfile.
    await s3!.stop();
    s3 = undefined;
    const broken = await backupCli(d, ["run"]);
    expect(broken.exitCode, broken.stdout + broken.stderr).toBe(1);
    const firing = await arrival("BackupFailed", "firing", before);
    expect(firing.hook.body.alerts[0]!.labels).toMatchObject({ alertname: "BackupFailed", deployment: d.name });
    // The server again, but empty: the repository this deployment backed up to is gone, and the run says so
    // instead of creating an empty one over it (backup status gives the reason).
    s3 = await startS3Server([bucket]);
    const gone = await backupCli(d, ["run"]);
    expect(gone.exitCode, gone.stdout + gone.stderr).toBe(1);
    const status = await backupCli(d, ["status"]);
    expect(status.exitCode).toBe(1);
    expect((JSON.parse(status.stdout) as { problems: string[] }).problems.join("\n")).toContain("the last off-site run failed: the repository this deployment backed up to is gone");
    // The operator starts a new repository as the README says (remove backups/offsite/repository): a run succeeds.
    rmSync(join(d.dataRoot, "backups", "offsite", "repository"));
    const fixed = await backupCli(d, ["run"]);
    expect(fixed.exitCode, fixed.stdout + fixed.stderr).toBe(0);
    await arrival("BackupFailed", "resolved", firing.hook.n);
  }, 900_000);

  it("no notification was refused: no AUTH failed and no webhook call missed its path after the probe's", () => {
    expect(receivers.events()).toBe(refusedByProbe);
  });

  it("every rule's selectors match a live series, except those this machine cannot produce (listed with why)", async () => {
    const settings = loadDeploymentFile(d.file);
    const rules = Object.values(
      alertGroups({ deploymentName: d.name, watchedFilesystems: { library: `${settings.dataRoot}/library`, database: `${settings.dataRoot}/database` }, walArchiver: true }),
    ).flat();
    const end = Math.floor(Date.now() / 1000);
    const dead: Record<string, string[]> = {};
    for (const r of rules) {
      for (const sel of new Set(selectors(r.expr))) {
        const found = await prometheus(`/api/v1/series?match[]=${encodeURIComponent(sel)}&start=${end - 3600}&end=${end}`);
        if (found.data.length === 0) (dead[r.alert] ??= []).push(sel);
      }
    }
    const expected = CANNOT_BE_LIVE_HERE(settings.dataRoot);
    expect(dead).toEqual(Object.fromEntries(Object.entries(expected).map(([alert, e]) => [alert, e.selectors])));
  }, 300_000);
});

/** The vector selectors of a PromQL expression (metric names with their matchers; not functions or keywords). */
export function selectors(expr: string): string[] {
  const out: string[] = [];
  for (const m of expr.matchAll(/(?<![\w.:"])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![a-zA-Z0-9_:])(\{[^}]*\})?/g)) {
    if (["and", "or", "unless", "by", "without", "on", "ignoring", "bool", "offset"].includes(m[1]!)) continue;
    // A function call (time(), absent(…)): its argument is matched on its own.
    if (m[2] === undefined && /^\s*\(/.test(expr.slice(m.index + m[0].length))) continue;
    out.push(m[0]);
  }
  return out;
}

/**
 * Selectors with no series on this machine, by rule, and why. Everything else — the backup and WAL textfiles,
 * PostgreSQL's view of the archiver's slot (postgres_exporter's replication_slot collector), pg_up, redis_up and
 * Redis memory (the real exporters), up, the TLS probes' expiry and success, cAdvisor's start times — is live.
 */
function CANNOT_BE_LIVE_HERE(dataRoot: string): Record<string, { selectors: string[]; why: string }> {
  const fs = (which: string) => ({
    selectors: [`node_filesystem_avail_bytes{mountpoint="${dataRoot}/${which}"}`, `node_filesystem_size_bytes{mountpoint="${dataRoot}/${which}"}`],
    why: `${dataRoot}/${which} is a directory here, not a mount point (a ZFS dataset on a real host): the node exporter lists mount points only`,
  });
  const smart = "the SMART exporter reads loop devices standing in for the profile's disks: they have no SMART data";
  return {
    LibraryFilesystemNearlyFull: fs("library"),
    LibraryFilesystemFull: fs("library"),
    DatabaseFilesystemNearlyFull: fs("database"),
    DatabaseFilesystemFull: fs("database"),
    ImmichQueueGrowing: {
      selectors: ['redis_key_size{key=~"immich_bull:.+:(wait|prioritized)"}'],
      why: "Immich's job handler makes its BullMQ queues; the server stand-in makes none, so the redis exporter finds no such key",
    },
    MlNodeDown: { selectors: ['probe_success{job="ml-nodes"}'], why: "the example deployment has no extra ML node (the ML nodes suite runs one on a second engine)" },
    SmartFailing: { selectors: ["smartctl_device_smart_status"], why: smart },
    ReallocatedSectorsGrowing: { selectors: ['smartctl_device_attribute{attribute_name="Reallocated_Sector_Ct", attribute_value_type="raw"}'], why: smart },
    NvmeMediaErrorsGrowing: { selectors: ["smartctl_device_media_errors"], why: smart },
    ZfsPoolNotOnline: { selectors: ['node_zfs_zpool_state{state!="online"}'], why: "no ZFS pool on this machine" },
  };
}
