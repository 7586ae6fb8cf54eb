import { siblingHost } from "../ingress/site.js";

/**
 * What a deployment asks of its monitoring, as plain values (the loader maps `spec.monitoring` here), and the
 * names every consumer shares: the containers Prometheus scrapes and the ports they answer on.
 */

/** Monitoring is on by default from this much RAM: below it, its ~1.8 GiB is better spent on the ARC and the services. */
export const MONITORING_DEFAULT_MIN_RAM_GIB = 64;

/** Where alerts go; neither means they are visible in Grafana (and Alertmanager) only. */
export interface AlertRouting {
  /** E-mail through the SMTP account of the auth notifier (`spec.auth.notifier`, mode smtp). */
  readonly email?: {
    readonly to: readonly string[];
    /** Host file of the CA that signs the SMTP server's certificate, trusted by Alertmanager. @default - the system's roots */
    readonly caFile?: string;
  };
  /** A webhook whose URL is the sensitive variable `monitoring_webhook_url` (URLs often carry a token). */
  readonly webhook: boolean;
  /** Alertmanager's group_wait. @default 30 */
  readonly groupWaitSeconds?: number;
  /** Alertmanager's group_interval (a changed group, resolved alerts included, is sent this often). @default 300 */
  readonly groupIntervalSeconds?: number;
  /** A cap on every rule's `for:`, in seconds. @default - each rule's own */
  readonly maxForSeconds?: number;
}

/** Where Alertmanager reads the CA of {@link AlertRouting}.email.caFile. */
export const ALERTMANAGER_SMTP_CA = "/etc/alertmanager/smtp-ca.pem";

/** A disk whose SMART data is watched: a device path of a profile pool. */
export interface MonitoredDisk {
  /** As the profile names it (e.g. /dev/disk/by-id/nvme-…): also the `device` label of its metrics. */
  readonly path: string;
  /** NVMe needs CAP_SYS_ADMIN for its admin commands; SATA/SAS only CAP_SYS_RAWIO. */
  readonly nvme: boolean;
}

/** Capabilities smartctl needs: raw SCSI/ATA passthrough always, admin commands for NVMe (policy IIAC012). */
export const SMART_CAPABILITIES = { always: ["CAP_SYS_RAWIO"], nvme: ["CAP_SYS_ADMIN"] } as const;

export interface MonitoringSettings {
  readonly enabled: boolean;
  /** Grafana's public host name, behind Authelia (admins). */
  readonly domain: string;
  /** Days of metrics Prometheus keeps. */
  readonly retentionDays: number;
  readonly alerts: AlertRouting;
  /** Disks the SMART exporter reads (every pool device of the profile). @default - none: no SMART exporter */
  readonly disks?: readonly MonitoredDisk[];
}

export const DEFAULT_RETENTION_DAYS = 30;

/** The sensitive Terraform variable of the webhook URL (TF_VAR_monitoring_webhook_url). */
export const MONITORING_WEBHOOK_VARIABLE = "monitoring_webhook_url";

/** Memory limits of the monitoring containers; Prometheus gets the rest of the monitoring budget. */
export const MONITORING_MEMORY_MIB = { exporter: 64, grafana: 256, cadvisor: 192, roleKeeper: 32, minPrometheus: 256 } as const;

/**
 * What Prometheus gets of the monitoring budget: the budget less Alertmanager and the four exporters that always
 * run, the PostgreSQL exporter's role keeper, cAdvisor, and the SMART exporter and Grafana when they run. Below {@link MONITORING_MEMORY_MIB}.minPrometheus
 * monitoring does not fit (the budget scales down on small hosts): the loader says so at spec.monitoring.enabled.
 */
export function prometheusMemoryMiB(monitoringMiB: number, runs: { readonly smart: boolean; readonly grafana: boolean }): number {
  const m = MONITORING_MEMORY_MIB;
  return monitoringMiB - m.roleKeeper - 5 * m.exporter - m.cadvisor - (runs.smart ? m.exporter : 0) - (runs.grafana ? m.grafana : 0);
}

export function defaultMonitoringEnabled(totalGiB: number): boolean {
  return totalGiB >= MONITORING_DEFAULT_MIN_RAM_GIB;
}

/**
 * `metrics.<parent of the Immich domain>` (`metrics.<domain>` when the domain is itself registrable): shares the
 * parent with the auth portal, so the session cookie covers it, and is never a name under a public suffix.
 */
export function defaultMonitoringDomain(domain: string): string {
  return siblingHost("metrics", domain);
}

/** Ports of the scrape targets (each program's default). */
export const PORTS = {
  prometheus: 9090,
  alertmanager: 9093,
  grafana: 3000,
  nodeExporter: 9100,
  smartctlExporter: 9633,
  postgresExporter: 9187,
  redisExporter: 9121,
  blackboxExporter: 9115,
  cadvisor: 8080,
  /** Immich's metrics: the API worker and the microservices (job handler) worker [IMM docker/prometheus.yml]. */
  immichApi: 8081,
  immichMicroservices: 8082,
  /** Immich's HTTP API (the web app and the database probe). */
  immichHttp: 2283,
  /** A Caddy site that serves only its `metrics` handler, on the front network (never published). */
  caddyMetrics: 2020,
} as const;

/** Containers of the monitoring component, by role: `immich-<deployment>-monitoring-<role>`. */
export const MONITORING_ROLES = ["prometheus", "alertmanager", "grafana", "node-exporter", "smartctl-exporter", "postgres-exporter", "redis-exporter", "blackbox-exporter", "cadvisor"] as const;
export type MonitoringRole = (typeof MONITORING_ROLES)[number];

/**
 * Exporters that each get a network of their own, internal, shared with Prometheus only (and with the database or
 * Redis they read): none of them is reachable from the Immich containers, Authelia or the backups. The blackbox
 * exporter stays on the front network: it probes the public names through the proxy and the ML nodes on the LAN.
 */
export const ISOLATED_EXPORTERS = ["node-exporter", "smartctl-exporter", "postgres-exporter", "redis-exporter", "cadvisor"] as const satisfies readonly MonitoringRole[];
export type IsolatedExporter = (typeof ISOLATED_EXPORTERS)[number];

/** `immich-<deployment>-exporter-<node|smartctl|postgres|redis|cadvisor>`: shorter than the container names. */
export function exporterNetworkName(deployment: string, role: IsolatedExporter): string {
  return `immich-${deployment}-exporter-${role.replace(/-exporter$/, "")}`;
}

export function monitoringContainer(deployment: string, role: MonitoringRole): string {
  return `immich-${deployment}-monitoring-${role}`;
}

/** BullMQ's key prefix in Immich (stable since the first releases): queue lengths are read from Redis. */
export const IMMICH_BULL_PREFIX = "immich_bull";
