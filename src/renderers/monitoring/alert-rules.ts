import { stringify } from "yaml";
import { IMMICH_BULL_PREFIX } from "../../monitoring/monitoring-settings.js";
import { WAL_SLOT } from "../../backup/postgres-archiving.js";
import { WAL_HEARTBEAT_SECONDS } from "../backup/wal-archiver.js";
import { IMMICH_DB_JOB, ML_NODES_JOB } from "./prometheus.js";

export enum Severity {
  CRITICAL = "critical",
  WARNING = "warning",
}

export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  /** How long the condition must hold before the alert fires (a Prometheus duration). */
  readonly for: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly description: string;
}

export interface AlertRulesInput {
  readonly deploymentName: string;
  /** Host paths whose filesystems must not fill up: the library's and the database's datasets. */
  readonly watchedFilesystems: Readonly<Record<"library" | "database", string>>;
  /** The WAL archiver runs (`backup.continuousWal`): its alerts also fire when its metrics are absent. @default false */
  readonly walArchiver?: boolean;
  /**
   * The proxy's certificates come from Caddy's internal CA (`tls.mode: internal`): 12-hour leaves that Caddy renews
   * with a third of their life left, so the 14-day warning would fire for ever; it warns below one hour instead.
   * @default false
   */
  readonly internalCa?: boolean;
  /** A cap on every rule's `for:` (spec.monitoring.alerts.maxForSeconds). @default - each rule's own */
  readonly maxForSeconds?: number;
}

const DURATION_SECONDS = { s: 1, m: 60, h: 3600 } as const;

/** `for:` capped at `maxSeconds`: the rule's own when it is shorter. */
export function cappedFor(duration: string, maxSeconds: number | undefined): string {
  const m = /^(\d+)([smh])$/.exec(duration);
  if (!m) throw new Error(`cappedFor: expected a duration like 5m (got "${duration}")`);
  const seconds = Number(m[1]) * DURATION_SECONDS[m[2] as "s"];
  return maxSeconds !== undefined && maxSeconds < seconds ? `${maxSeconds}s` : duration;
}

const QUEUES = `redis_key_size{key=~"${IMMICH_BULL_PREFIX}:.+:(wait|prioritized)"}`;

/**
 * The alert rules, grouped by what they watch. Every rule has a `for:` (no alert on one bad scrape) and a summary
 * that says what is wrong and where to look. Metric names are those of the exporters the stack runs: node
 * exporter (filesystems, ZFS pools, the backup textfile), smartctl_exporter, postgres_exporter, redis_exporter
 * (including the length of Immich's BullMQ queues), cAdvisor and the blackbox exporter.
 */
export function alertGroups(i: AlertRulesInput): Record<string, AlertRule[]> {
  const fs = (which: "library" | "database") => `node_filesystem_avail_bytes{mountpoint="${i.watchedFilesystems[which]}"} / node_filesystem_size_bytes{mountpoint="${i.watchedFilesystems[which]}"}`;
  const name = `immich-${i.deploymentName}-.+`;
  return {
    backups: [
      {
        alert: "BackupFailed",
        expr: "immich_iac_backup_last_run_success == 0",
        for: "5m",
        severity: Severity.CRITICAL,
        summary: "The last off-site backup run of {{ $labels.deployment }} failed",
        description: "immich-iac backup status says why; docker logs of the backup container show restic's output.",
      },
      {
        alert: "BackupLate",
        expr: "time() - immich_iac_backup_last_success_timestamp_seconds > 2 * immich_iac_backup_interval_seconds",
        for: "15m",
        severity: Severity.CRITICAL,
        summary: "No off-site backup of {{ $labels.deployment }} succeeded for two intervals",
        description: "The newest off-site copy is {{ $value | humanizeDuration }} old. Run immich-iac backup status.",
      },
      {
        alert: "WalArchiverDown",
        // PostgreSQL sees the slot inactive as soon as the archiver stops (postgres_exporter's replication_slot
        // collector). Its own textfile keeps the last heartbeat when it stops: stale after three missed ones; a
        // running archiver says whether pg_receivewal streams. Absent metrics (never written) count when it should run.
        expr: [
          `pg_replication_slot_slot_is_active{slot_name="${WAL_SLOT}"} == 0`,
          `time() - immich_iac_wal_archiver_heartbeat_timestamp_seconds > ${3 * WAL_HEARTBEAT_SECONDS}`,
          "immich_iac_wal_archiver_streaming == 0",
          ...(i.walArchiver ? [`absent(immich_iac_wal_archiver_heartbeat_timestamp_seconds{deployment="${i.deploymentName}"})`] : []),
        ].join(" or "),
        for: "5m",
        severity: Severity.CRITICAL,
        summary: "The WAL archiver is stopped or does not stream WAL",
        description: "Point-in-time recovery stops at the last WAL received, and the replication slot holds WAL in PGDATA until max_slot_wal_keep_size drops it: docker logs of the backup-wal container; immich-iac backup status.",
      },
      {
        alert: "WalSlotLost",
        expr: "immich_iac_wal_archiver_last_slot_lost_timestamp_seconds > 0 and time() - immich_iac_wal_archiver_last_slot_lost_timestamp_seconds < 86400",
        for: "0m",
        severity: Severity.CRITICAL,
        summary: "The WAL replication slot was lost: the WAL archive has a gap",
        description: "PostgreSQL dropped WAL the archiver had not received (it was away longer than max_slot_wal_keep_size allows). No point in time between the gap and the next base backup can be restored; the archiver set the old WAL aside and takes a new base backup. Firing for a day after the loss.",
      },
    ],
    disks: [
      {
        alert: "SmartFailing",
        expr: "smartctl_device_smart_status != 1",
        for: "5m",
        severity: Severity.CRITICAL,
        summary: "Disk {{ $labels.device }} fails its SMART self-assessment",
        description: "Replace the disk; check the pool with zpool status.",
      },
      {
        alert: "ReallocatedSectorsGrowing",
        expr: 'increase(smartctl_device_attribute{attribute_name="Reallocated_Sector_Ct", attribute_value_type="raw"}[24h]) > 0',
        for: "0m",
        severity: Severity.WARNING,
        summary: "Disk {{ $labels.device }} reallocated {{ $value }} more sectors in a day",
        description: "A growing count is a disk on its way out: plan its replacement.",
      },
      {
        alert: "NvmeMediaErrorsGrowing",
        expr: "increase(smartctl_device_media_errors[24h]) > 0",
        for: "0m",
        severity: Severity.WARNING,
        summary: "NVMe {{ $labels.device }} reported {{ $value }} more media errors in a day",
        description: "Media and data integrity errors on an NVMe drive: plan its replacement.",
      },
    ],
    zfs: [
      {
        alert: "ZfsPoolNotOnline",
        expr: 'node_zfs_zpool_state{state!="online"} > 0',
        for: "1m",
        severity: Severity.CRITICAL,
        summary: "ZFS pool {{ $labels.zpool }} is {{ $labels.state }}",
        description: "A degraded pool has lost redundancy (a vdev faulted or removed): zpool status -x names it.",
      },
    ],
    filesystems: (["library", "database"] as const).flatMap((which) => [
      {
        alert: `${which === "library" ? "Library" : "Database"}FilesystemNearlyFull`,
        expr: `${fs(which)} < 0.10`,
        for: "30m",
        severity: Severity.WARNING,
        summary: `The ${which} filesystem (${i.watchedFilesystems[which]}) has less than 10 % free`,
        description: "{{ $value | humanizePercentage }} free. Add space before uploads or the database stop.",
      },
      {
        alert: `${which === "library" ? "Library" : "Database"}FilesystemFull`,
        expr: `${fs(which)} < 0.03`,
        for: "5m",
        severity: Severity.CRITICAL,
        summary: `The ${which} filesystem (${i.watchedFilesystems[which]}) is almost full`,
        description: "{{ $value | humanizePercentage }} free: writes are about to fail.",
      },
    ]),
    database: [
      {
        alert: "PostgresDown",
        expr: 'pg_up == 0 or up{job="postgres"} == 0',
        for: "2m",
        severity: Severity.CRITICAL,
        summary: "PostgreSQL is down or unreachable",
        description: "Immich cannot work without its database: docker logs of the database container.",
      },
    ],
    redis: [
      {
        alert: "RedisDown",
        expr: 'redis_up == 0 or up{job="redis"} == 0',
        for: "2m",
        severity: Severity.CRITICAL,
        summary: "Redis is down or unreachable",
        description: "Immich's job queues live in Redis.",
      },
      {
        alert: "RedisNearMaxmemory",
        // The ratio on the left: `and` keeps the left side's value, which the summary prints.
        expr: "redis_memory_used_bytes / redis_memory_max_bytes > 0.9 and redis_memory_max_bytes > 0",
        for: "10m",
        severity: Severity.CRITICAL,
        summary: "Redis uses {{ $value | humanizePercentage }} of maxmemory",
        description: "With maxmemory-policy noeviction, BullMQ jobs start failing when Redis is full.",
      },
    ],
    immich: [
      {
        alert: "ImmichQueueGrowing",
        expr: `deriv(${QUEUES}[30m]) > 0 and ${QUEUES} > 0`,
        for: "1h",
        severity: Severity.WARNING,
        summary: "Immich's queue {{ $labels.key }} has been growing for an hour",
        description: "Jobs arrive faster than they finish, or the job handler is stuck: Administration > Job status.",
      },
      {
        alert: "ImmichDown",
        expr: 'up{job=~"immich-api|immich-microservices"} == 0',
        for: "5m",
        severity: Severity.CRITICAL,
        summary: "Immich's {{ $labels.job }} metrics do not answer",
        description: "The server or job handler is down or restarting.",
      },
      {
        alert: "ImmichDatabaseUnresponsive",
        expr: `probe_success{job="${IMMICH_DB_JOB}"} == 0`,
        for: "5m",
        severity: Severity.CRITICAL,
        summary: "Immich does not answer requests that need its database",
        description:
          "GET /api/server/config has failed or hung for 5 minutes while the container may still look healthy (its healthcheck asks /api/server/ping, which needs no database). After an upgrade this is a wedged connection pool (immich-app/immich#31489): restart the server container. Otherwise look at PostgresDown and the database's log.",
      },
    ],
    "machine-learning": [
      {
        alert: "MlNodeDown",
        expr: `probe_success{job="${ML_NODES_JOB}"} == 0`,
        for: "10m",
        severity: Severity.WARNING,
        summary: "ML node {{ $labels.instance }} does not answer",
        description: "Immich sends its ML requests to the next URL in machineLearning.urls (another node or the Immich host's own container): nothing fails, but search indexing and face detection slow down.",
      },
    ],
    containers: [
      {
        alert: "ContainerRestarting",
        expr: `changes(container_start_time_seconds{name=~"${name}"}[30m]) > 2`,
        for: "0m",
        severity: Severity.WARNING,
        summary: "Container {{ $labels.name }} restarted {{ $value }} times in 30 minutes",
        description: "docker logs of the container show why it stops.",
      },
    ],
    certificates: [
      {
        alert: "CertificateExpiresSoon",
        expr: i.internalCa ? "probe_ssl_earliest_cert_expiry - time() < 3600" : "probe_ssl_earliest_cert_expiry - time() < 14 * 86400",
        for: i.internalCa ? "10m" : "1h",
        severity: Severity.WARNING,
        summary: i.internalCa ? "The certificate of {{ $labels.instance }} expires in less than an hour" : "The certificate of {{ $labels.instance }} expires in less than 14 days",
        description: "Caddy renews 30 days ahead: if it has not, its log says why (DNS, port 80, rate limits).",
      },
      {
        alert: "TlsProbeFailing",
        expr: 'probe_success{job="tls"} == 0',
        for: "10m",
        severity: Severity.WARNING,
        summary: "No TLS connection to {{ $labels.instance }} through the proxy",
        description: "The proxy is down or serves no certificate for this name.",
      },
    ],
    monitoring: [
      {
        alert: "ScrapeTargetDown",
        expr: "up == 0",
        for: "10m",
        severity: Severity.WARNING,
        summary: "{{ $labels.job }} ({{ $labels.instance }}) cannot be scraped",
        description: "An exporter or a service is down: its alerts cannot fire while it is.",
      },
    ],
  };
}

/** The rule file, checked by `promtool check rules`. */
export function renderAlertRules(i: AlertRulesInput): string {
  const groups = Object.entries(alertGroups(i)).map(([name, rules]) => ({
    name,
    rules: rules.map((r) => ({ alert: r.alert, expr: r.expr, for: cappedFor(r.for, i.maxForSeconds), labels: { severity: r.severity }, annotations: { summary: r.summary, description: r.description } })),
  }));
  return `# Generated by immich-iac for deployment ${i.deploymentName}. Do not edit: change the deployment and re-deploy.\n${stringify({ groups }, { lineWidth: 0 })}`;
}
