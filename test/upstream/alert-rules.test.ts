import { execa } from "execa";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { alertGroups, renderAlertRules, type AlertRulesInput } from "../../src/renderers/monitoring/alert-rules.js";
import { renderWalArchiver, WAL_METRICS_NAME, WAL_METRICS_SUBDIR } from "../../src/renderers/backup/wal-archiver.js";
import { walSlotLostVerdict } from "./textfile-series.js";
import { upstreamRoot } from "./trixie-root.js";

/**
 * Every alert rule evaluated by the real `promtool test rules` (Prometheus 3.13 LTS, the release we deploy, built by
 * scripts/upstream-root.sh): each fires on series shaped like its exporter's (names and labels of node_exporter 1.12 with the textfile collector,
 * smartctl_exporter 0.14, postgres_exporter 0.17, redis_exporter 1.69 with check-keys, cAdvisor with our
 * whitelisted labels, the blackbox exporter through our relabelling, the backup runner's and the WAL archiver's
 * textfiles), with the summary and description as promtool renders them, and stays quiet on the healthy series.
 * The last test holds that no rule is left without a case.
 */
const PROMTOOL = "/usr/local/bin/promtool";
const promtool = upstreamRoot(PROMTOOL);
const INPUT: AlertRulesInput = { deploymentName: "home", watchedFilesystems: { library: "/srv/immich/library", database: "/srv/immich/database" }, walArchiver: true };
const RULES = Object.values(alertGroups(INPUT)).flat();
const rule = (name: string) => {
  const r = RULES.find((x) => x.alert === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
};

const inst = (role: string, port: number) => `immich-home-monitoring-${role}:${port}`;
const NODE = { instance: inst("node-exporter", 9100), job: "node" };
const SMART = { instance: inst("smartctl-exporter", 9633), job: "smartctl" };
const PG = { instance: inst("postgres-exporter", 9187), job: "postgres" };
const REDIS = { instance: inst("redis-exporter", 9121), job: "redis" };
const DEP = { deployment: "home", ...NODE };
const SATA = "/dev/disk/by-id/ata-WDC_WD80EFZZ-68BTXN0_WD-CA0ABCDE";
const NVME = "/dev/disk/by-id/nvme-Samsung_SSD_990_PRO_2TB_S7HENJ0X123456A";

type Labels = Record<string, string>;
const series = (name: string, labels: Labels, values: string) => ({
  series: `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(",")}}`,
  values,
});

interface Case {
  readonly alert: string;
  /** What the case stands for (the fault). */
  readonly fault: string;
  readonly interval?: string;
  readonly series: ReturnType<typeof series>[];
  readonly at: string;
  /** Labels of the firing alert (besides alertname and severity). */
  readonly labels: Labels;
  readonly summary: string;
  /** @default the rule's description (when it has no template) */
  readonly description?: string;
  /** Series under which the alert stays quiet (at `healthyAt`, by default at the same time). */
  readonly healthy: ReturnType<typeof series>[];
  readonly healthyAt?: string;
}

const fsSeries = (mount: string, dataset: string, availBytes: number) => [
  series("node_filesystem_avail_bytes", { device: dataset, fstype: "zfs", mountpoint: mount, ...NODE }, `${availBytes}x40`),
  series("node_filesystem_size_bytes", { device: dataset, fstype: "zfs", mountpoint: mount, ...NODE }, "100000000000x40"),
];
const ZPOOL_STATES = ["degraded", "faulted", "offline", "online", "removed", "suspended", "unavail"];
const zpool = (current: string) => ZPOOL_STATES.map((s) => series("node_zfs_zpool_state", { state: s, zpool: "tank", ...NODE }, s === current ? "1x10" : "0x10"));
const REALLOC = { attribute_flags_long: "prefailure,updated_online,event_count,auto_keep", attribute_flags_short: "PO--CK", attribute_id: "5", attribute_name: "Reallocated_Sector_Ct", attribute_value_type: "raw", device: SATA, ...SMART };
const SERVER_CONTAINER = { container_label_io_immich_iac_component: "server", container_label_io_immich_iac_deployment: "home", id: "/system.slice/docker-4f1c2b.scope", image: "ghcr.io/immich-app/immich-server:v3.1.0", instance: inst("cadvisor", 8080), job: "cadvisor", name: "immich-home-server" };

const CASES: Case[] = [
  {
    alert: "BackupFailed",
    fault: "the last off-site run failed",
    series: [series("immich_iac_backup_last_run_success", DEP, "0x10")],
    at: "6m",
    labels: DEP,
    summary: "The last off-site backup run of home failed",
    healthy: [series("immich_iac_backup_last_run_success", DEP, "1x10")],
  },
  {
    alert: "BackupLate",
    fault: "no success for 40 minutes with a 10-minute interval",
    series: [series("immich_iac_backup_last_success_timestamp_seconds", DEP, "0x60"), series("immich_iac_backup_interval_seconds", DEP, "600x60")],
    at: "40m",
    labels: DEP,
    summary: "No off-site backup of home succeeded for two intervals",
    description: "The newest off-site copy is 40m 0s old. Run immich-iac backup status.",
    healthy: [series("immich_iac_backup_last_success_timestamp_seconds", DEP, "0+60x60"), series("immich_iac_backup_interval_seconds", DEP, "600x60")],
  },
  {
    alert: "WalArchiverDown",
    fault: "the archiver stopped: PostgreSQL sees its slot inactive",
    series: [
      series("pg_replication_slot_slot_is_active", { slot_name: "immich_iac_wal", slot_type: "physical", ...PG }, "0x10"),
      series("immich_iac_wal_archiver_heartbeat_timestamp_seconds", DEP, "0+60x10"),
      series("immich_iac_wal_archiver_streaming", DEP, "1x10"),
    ],
    at: "6m",
    labels: { slot_name: "immich_iac_wal", slot_type: "physical", ...PG },
    summary: "The WAL archiver is stopped or does not stream WAL",
    healthy: [
      series("pg_replication_slot_slot_is_active", { slot_name: "immich_iac_wal", slot_type: "physical", ...PG }, "1x10"),
      series("pg_replication_slot_slot_is_active", { slot_name: "someone_elses_slot", slot_type: "logical", ...PG }, "0x10"),
      series("immich_iac_wal_archiver_heartbeat_timestamp_seconds", DEP, "0+60x10"),
      series("immich_iac_wal_archiver_streaming", DEP, "1x10"),
    ],
  },
  {
    alert: "WalArchiverDown",
    fault: "the archiver stopped: its heartbeat is 10 minutes old",
    series: [series("immich_iac_wal_archiver_heartbeat_timestamp_seconds", DEP, "0x20"), series("immich_iac_wal_archiver_streaming", DEP, "1x20")],
    at: "10m",
    labels: DEP,
    summary: "The WAL archiver is stopped or does not stream WAL",
    healthy: [series("immich_iac_wal_archiver_heartbeat_timestamp_seconds", DEP, "0+60x20"), series("immich_iac_wal_archiver_streaming", DEP, "1x20")],
  },
  {
    alert: "WalArchiverDown",
    fault: "the archiver runs but pg_receivewal does not stream",
    series: [series("immich_iac_wal_archiver_heartbeat_timestamp_seconds", DEP, "0+60x20"), series("immich_iac_wal_archiver_streaming", DEP, "0x20")],
    at: "10m",
    labels: DEP,
    summary: "The WAL archiver is stopped or does not stream WAL",
    healthy: [series("immich_iac_wal_archiver_heartbeat_timestamp_seconds", DEP, "0+60x20"), series("immich_iac_wal_archiver_streaming", DEP, "1x20")],
  },
  {
    alert: "WalArchiverDown",
    fault: "the archiver never wrote its metrics (its directory is not writable)",
    series: [series("node_textfile_scrape_error", NODE, "0x20")],
    at: "10m",
    labels: { deployment: "home" },
    summary: "The WAL archiver is stopped or does not stream WAL",
    healthy: [series("immich_iac_wal_archiver_heartbeat_timestamp_seconds", DEP, "0+60x20"), series("immich_iac_wal_archiver_streaming", DEP, "1x20")],
  },
  {
    alert: "WalSlotLost",
    fault: "the archiver found its slot lost 5 minutes in",
    series: [series("immich_iac_wal_archiver_last_slot_lost_timestamp_seconds", DEP, "0x5 300x15")],
    at: "7m",
    labels: DEP,
    summary: "The WAL replication slot was lost: the WAL archive has a gap",
    healthy: [series("immich_iac_wal_archiver_last_slot_lost_timestamp_seconds", DEP, "0x20")],
  },
  {
    alert: "WalSlotLost",
    fault: "a loss 23 hours ago still fires; at 25 hours (healthy side) it has resolved",
    interval: "1h",
    series: [series("immich_iac_wal_archiver_last_slot_lost_timestamp_seconds", DEP, "0 3600x30")],
    at: "24h",
    healthyAt: "26h",
    labels: DEP,
    summary: "The WAL replication slot was lost: the WAL archive has a gap",
    healthy: [series("immich_iac_wal_archiver_last_slot_lost_timestamp_seconds", DEP, "0 3600x30")],
  },
  {
    alert: "SmartFailing",
    fault: "a disk fails its self-assessment",
    series: [series("smartctl_device_smart_status", { device: SATA, ...SMART }, "0x10")],
    at: "6m",
    labels: { device: SATA, ...SMART },
    summary: `Disk ${SATA} fails its SMART self-assessment`,
    healthy: [series("smartctl_device_smart_status", { device: SATA, ...SMART }, "1x10")],
  },
  {
    alert: "ReallocatedSectorsGrowing",
    fault: "8 more reallocated sectors",
    series: [series("smartctl_device_attribute", REALLOC, "0x30 8x10")],
    at: "40m",
    labels: REALLOC,
    summary: `Disk ${SATA} reallocated 8 more sectors in a day`,
    healthy: [series("smartctl_device_attribute", REALLOC, "5x40")],
  },
  {
    alert: "NvmeMediaErrorsGrowing",
    fault: "2 more media errors",
    series: [series("smartctl_device_media_errors", { device: NVME, ...SMART }, "0x30 2x10")],
    at: "40m",
    labels: { device: NVME, ...SMART },
    summary: `NVMe ${NVME} reported 2 more media errors in a day`,
    healthy: [series("smartctl_device_media_errors", { device: NVME, ...SMART }, "3x40")],
  },
  {
    alert: "ZfsPoolNotOnline",
    fault: "a faulted vdev degrades the pool",
    series: zpool("degraded"),
    at: "3m",
    labels: { state: "degraded", zpool: "tank", ...NODE },
    summary: "ZFS pool tank is degraded",
    healthy: zpool("online"),
  },
  {
    alert: "LibraryFilesystemNearlyFull",
    fault: "5 % free",
    series: fsSeries("/srv/immich/library", "tank/immich/library", 5e9),
    at: "35m",
    labels: { device: "tank/immich/library", fstype: "zfs", mountpoint: "/srv/immich/library", ...NODE },
    summary: "The library filesystem (/srv/immich/library) has less than 10 % free",
    description: "5% free. Add space before uploads or the database stop.",
    healthy: fsSeries("/srv/immich/library", "tank/immich/library", 40e9),
  },
  {
    alert: "LibraryFilesystemFull",
    fault: "2 % free",
    series: fsSeries("/srv/immich/library", "tank/immich/library", 2e9),
    at: "10m",
    labels: { device: "tank/immich/library", fstype: "zfs", mountpoint: "/srv/immich/library", ...NODE },
    summary: "The library filesystem (/srv/immich/library) is almost full",
    description: "2% free: writes are about to fail.",
    healthy: fsSeries("/srv/immich/library", "tank/immich/library", 5e9),
  },
  {
    alert: "DatabaseFilesystemNearlyFull",
    fault: "5 % free",
    series: fsSeries("/srv/immich/database", "fast/immich/database", 5e9),
    at: "35m",
    labels: { device: "fast/immich/database", fstype: "zfs", mountpoint: "/srv/immich/database", ...NODE },
    summary: "The database filesystem (/srv/immich/database) has less than 10 % free",
    description: "5% free. Add space before uploads or the database stop.",
    healthy: fsSeries("/srv/immich/database", "fast/immich/database", 40e9),
  },
  {
    alert: "DatabaseFilesystemFull",
    fault: "2 % free",
    series: fsSeries("/srv/immich/database", "fast/immich/database", 2e9),
    at: "10m",
    labels: { device: "fast/immich/database", fstype: "zfs", mountpoint: "/srv/immich/database", ...NODE },
    summary: "The database filesystem (/srv/immich/database) is almost full",
    description: "2% free: writes are about to fail.",
    healthy: fsSeries("/srv/immich/database", "fast/immich/database", 5e9),
  },
  {
    alert: "PostgresDown",
    fault: "the database is stopped (the exporter answers pg_up 0)",
    series: [series("pg_up", PG, "0x10"), series("up", PG, "1x10")],
    at: "3m",
    labels: PG,
    summary: "PostgreSQL is down or unreachable",
    healthy: [series("pg_up", PG, "1x10"), series("up", PG, "1x10")],
  },
  {
    alert: "PostgresDown",
    fault: "the exporter itself is down",
    series: [series("up", PG, "0x10")],
    at: "3m",
    labels: PG,
    summary: "PostgreSQL is down or unreachable",
    healthy: [series("pg_up", PG, "1x10"), series("up", PG, "1x10")],
  },
  {
    alert: "RedisDown",
    fault: "Redis is stopped (the exporter answers redis_up 0)",
    series: [series("redis_up", REDIS, "0x10"), series("up", REDIS, "1x10")],
    at: "3m",
    labels: REDIS,
    summary: "Redis is down or unreachable",
    healthy: [series("redis_up", REDIS, "1x10"), series("up", REDIS, "1x10")],
  },
  {
    alert: "RedisNearMaxmemory",
    fault: "95 % of maxmemory",
    series: [series("redis_memory_used_bytes", REDIS, "950000000x20"), series("redis_memory_max_bytes", REDIS, "1000000000x20")],
    at: "11m",
    labels: REDIS,
    summary: "Redis uses 95% of maxmemory",
    healthy: [series("redis_memory_used_bytes", REDIS, "950000000x20"), series("redis_memory_max_bytes", REDIS, "0x20")],
  },
  {
    alert: "ImmichQueueGrowing",
    fault: "the thumbnail queue grows by one job a minute for 90 minutes",
    series: [series("redis_key_size", { db: "db0", key: "immich_bull:thumbnailGeneration:wait", ...REDIS }, "0+1x100")],
    at: "95m",
    labels: { db: "db0", key: "immich_bull:thumbnailGeneration:wait", ...REDIS },
    summary: "Immich's queue immich_bull:thumbnailGeneration:wait has been growing for an hour",
    healthy: [series("redis_key_size", { db: "db0", key: "immich_bull:thumbnailGeneration:wait", ...REDIS }, "40x100"), series("redis_key_size", { db: "db0", key: "immich_bull:thumbnailGeneration:completed", ...REDIS }, "0+1x100")],
  },
  {
    alert: "ImmichDown",
    fault: "the server's metrics do not answer",
    series: [series("up", { instance: "immich-home-server:8081", job: "immich-api" }, "0x10")],
    at: "6m",
    labels: { instance: "immich-home-server:8081", job: "immich-api" },
    summary: "Immich's immich-api metrics do not answer",
    healthy: [series("up", { instance: "immich-home-server:8081", job: "immich-api" }, "1x10")],
  },
  {
    // Immich #31489: the pool is wedged, /api/server/ping still answers (up stays 1), the config request hangs.
    alert: "ImmichDatabaseUnresponsive",
    fault: "the server's database-backed /api/server/config times out while its metrics still answer",
    series: [
      series("probe_success", { instance: "http://immich-home-server:2283/api/server/config", job: "immich-db" }, "0x10"),
      series("up", { instance: "immich-home-server:8081", job: "immich-api" }, "1x10"),
    ],
    at: "6m",
    labels: { instance: "http://immich-home-server:2283/api/server/config", job: "immich-db" },
    summary: "Immich does not answer requests that need its database",
    healthy: [series("probe_success", { instance: "http://immich-home-server:2283/api/server/config", job: "immich-db" }, "1x10")],
  },
  {
    alert: "MlNodeDown",
    fault: "an extra ML node does not answer its /ping",
    series: [series("probe_success", { instance: "http://192.168.10.20:3003/ping", job: "ml-nodes" }, "0x15")],
    at: "11m",
    labels: { instance: "http://192.168.10.20:3003/ping", job: "ml-nodes" },
    summary: "ML node http://192.168.10.20:3003/ping does not answer",
    healthy: [series("probe_success", { instance: "http://192.168.10.20:3003/ping", job: "ml-nodes" }, "1x15")],
  },
  {
    alert: "ContainerRestarting",
    fault: "the server restarted three times in 30 minutes",
    series: [series("container_start_time_seconds", SERVER_CONTAINER, "100x5 400x5 700x5 1000x5")],
    at: "20m",
    labels: SERVER_CONTAINER,
    summary: "Container immich-home-server restarted 3 times in 30 minutes",
    healthy: [series("container_start_time_seconds", SERVER_CONTAINER, "100x20"), series("container_start_time_seconds", { ...SERVER_CONTAINER, name: "other-app" }, "100x5 400x5 700x5 1000x5")],
  },
  {
    alert: "CertificateExpiresSoon",
    fault: "the certificate expires in 10 days",
    series: [series("probe_ssl_earliest_cert_expiry", { instance: "photos.example.com:443", job: "tls" }, "864000x80")],
    at: "70m",
    labels: { instance: "photos.example.com:443", job: "tls" },
    summary: "The certificate of photos.example.com:443 expires in less than 14 days",
    healthy: [series("probe_ssl_earliest_cert_expiry", { instance: "photos.example.com:443", job: "tls" }, "5184000x80")],
  },
  {
    alert: "TlsProbeFailing",
    fault: "no TLS connection through the proxy",
    series: [series("probe_success", { instance: "photos.example.com:443", job: "tls" }, "0x15")],
    at: "11m",
    labels: { instance: "photos.example.com:443", job: "tls" },
    summary: "No TLS connection to photos.example.com:443 through the proxy",
    healthy: [series("probe_success", { instance: "photos.example.com:443", job: "tls" }, "1x15")],
  },
  {
    alert: "ScrapeTargetDown",
    fault: "the redis exporter cannot be scraped",
    series: [series("up", REDIS, "0x15")],
    at: "11m",
    labels: REDIS,
    summary: `redis (${REDIS.instance}) cannot be scraped`,
    healthy: [series("up", REDIS, "1x15")],
  },
];

/** With Caddy's internal CA: 12-hour leaves, renewed with 4 hours left; a leaf 30 minutes from expiry is not being renewed. */
const INTERNAL_CA: Case = {
  alert: "CertificateExpiresSoon",
  fault: "an internal-CA leaf 30 minutes from expiry",
  series: [series("probe_ssl_earliest_cert_expiry", { instance: "photos.example.com:443", job: "tls" }, "2400x30")],
  at: "15m",
  labels: { instance: "photos.example.com:443", job: "tls" },
  summary: "The certificate of photos.example.com:443 expires in less than an hour",
  healthy: [series("probe_ssl_earliest_cert_expiry", { instance: "photos.example.com:443", job: "tls" }, "18000x30")],
};

/** promtool's test file: each case once with its fault series (the alert, exactly), once healthy (no alert). */
function testFile(cases: readonly Case[], rulesFile: string, rules: readonly { alert: string; severity: string; description: string }[] = RULES): string {
  const tests = cases.flatMap((c) => {
    const r = rules.find((x) => x.alert === c.alert)!;
    const expected = { exp_labels: { severity: r.severity, ...c.labels }, exp_annotations: { summary: c.summary, description: c.description ?? r.description } };
    return [
      { name: `${c.alert}: ${c.fault}`, interval: c.interval ?? "1m", input_series: c.series, alert_rule_test: [{ eval_time: c.at, alertname: c.alert, exp_alerts: [expected] }] },
      { name: `${c.alert}: healthy`, interval: c.interval ?? "1m", input_series: c.healthy, alert_rule_test: [{ eval_time: c.healthyAt ?? c.at, alertname: c.alert, exp_alerts: [] }] },
    ];
  });
  return stringify({ rule_files: [rulesFile], evaluation_interval: "1m", tests }, { lineWidth: 0 });
}

describe.skipIf(!promtool.root)(`every alert rule, evaluated by the real promtool test rules${promtool.root ? "" : ` (skipped: ${promtool.reason})`}`, () => {
  let hostDir: string;
  let inRoot: string;
  const run = (args: string[]) => execa("chroot", [promtool.root!, ...args], { reject: false });
  beforeAll(() => {
    hostDir = mkdtempSync(join(promtool.root!, "tmp", "immich-iac-alert-tests-"));
    inRoot = `/tmp/${basename(hostDir)}`;
    writeFileSync(join(hostDir, "rules.yml"), renderAlertRules(INPUT));
  });
  afterAll(() => hostDir && rmSync(hostDir, { recursive: true, force: true }));

  it("each rule fires on its fault with its summary and labels, and stays quiet on healthy series", async () => {
    writeFileSync(join(hostDir, "tests.yml"), testFile(CASES, "rules.yml"));
    const r = await run([PROMTOOL, "test", "rules", `${inRoot}/tests.yml`]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("SUCCESS");
  });

  it("with Caddy's internal CA, a certificate warns an hour ahead, not 14 days (its 12-hour leaves would fire for ever)", async () => {
    const input = { ...INPUT, internalCa: true };
    writeFileSync(join(hostDir, "rules-internal.yml"), renderAlertRules(input));
    writeFileSync(join(hostDir, "internal.yml"), testFile([INTERNAL_CA], "rules-internal.yml", Object.values(alertGroups(input)).flat()));
    const r = await run([PROMTOOL, "test", "rules", `${inRoot}/internal.yml`]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  });

  it("WalSlotLost on the archiver's own textfile: quiet on what it writes while streaming, firing on what it writes once it found its slot lost", async () => {
    const script = renderWalArchiver({ title: "alert test", deploymentName: "home", slot: "immich_iac_wal", baseBackupIntervalHours: 6, keepBaseBackups: 2 });
    // The script's own functions without its command dispatch, its archive in a temporary directory; no
    // PostgreSQL is needed for these two: `metrics` reads only the state files, `set_aside` is what the archiver
    // runs when PostgreSQL reports the slot lost (the takeover e2e causes that loss on a real server).
    const functions = script.slice(0, script.lastIndexOf('case "${1:-}" in'));
    const archive = mkdtempSync(join(tmpdir(), "immich-iac-wal-archive-"));
    const file = join(archive, WAL_METRICS_SUBDIR, WAL_METRICS_NAME);
    const call = async (fn: string) => {
      const body = `${functions}\nARCHIVE=$1 WAL=$1/wal BASE=$1/base STATE=$1/state METRICS=$1/${WAL_METRICS_SUBDIR}\nmkdir -p "$WAL" "$BASE" "$STATE"\n${fn}`;
      const r = await execa("bash", ["-c", body, "bash", archive], { reject: false });
      expect(r.exitCode, r.stderr).toBe(0);
      return readFileSync(file, "utf8");
    };
    try {
      const streaming = await call('state receive ok streaming; metrics');
      const lost = await call("set_aside slot-lost");
      expect(lost).toContain('immich_iac_wal_archiver_slot_lost_total{deployment="home"} 1');
      const r = await walSlotLostVerdict(promtool.root!, "home", streaming, lost);
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      // The verdict can fail: the file before the loss given as the one after.
      const wrong = await walSlotLostVerdict(promtool.root!, "home", streaming, streaming);
      expect(wrong.exitCode).toBe(1);
    } finally {
      rmSync(archive, { recursive: true, force: true });
    }
  });

  it("the test can fail: a fault case whose alert does not fire is reported", async () => {
    const wrong = { ...CASES[0]!, series: CASES[0]!.healthy };
    writeFileSync(join(hostDir, "wrong.yml"), testFile([wrong], "rules.yml"));
    const r = await run([PROMTOOL, "test", "rules", `${inRoot}/wrong.yml`]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout + r.stderr).toContain("alertname: BackupFailed");
  });
});

describe("the promtool cases", () => {
  it("cover every rule the stack renders (with the WAL archiver)", () => {
    expect([...new Set(CASES.map((c) => c.alert))].sort()).toEqual(RULES.map((r) => r.alert).sort());
  });
});
