import type { Dashboard, DataQuery, DataSourceRef, Panel } from "@grafana/schema";
import { IMMICH_BULL_PREFIX } from "../../monitoring/monitoring-settings.js";

/** The one data source every panel uses: the provisioned Prometheus (fixed uid, so dashboards never drift). */
export const PROMETHEUS_DATASOURCE: DataSourceRef = { type: "prometheus", uid: "immich-iac-prometheus" };

/** A Prometheus query: Grafana's DataQuery plus the PromQL expression. */
export interface PromTarget extends DataQuery {
  readonly expr: string;
  readonly legendFormat?: string;
}

export type PromPanel = Panel & { targets: PromTarget[] };

interface PanelSpec {
  readonly title: string;
  readonly unit: string;
  readonly queries: readonly { readonly expr: string; readonly legend: string }[];
  /** @default "timeseries" */
  readonly type?: "timeseries" | "stat";
  readonly description?: string;
}

const WIDTH = 12;
const HEIGHT = 8;

function panel(spec: PanelSpec, index: number): PromPanel {
  return {
    id: index + 1,
    type: spec.type ?? "timeseries",
    title: spec.title,
    ...(spec.description ? { description: spec.description } : {}),
    datasource: PROMETHEUS_DATASOURCE,
    gridPos: { h: HEIGHT, w: WIDTH, x: (index % 2) * WIDTH, y: Math.floor(index / 2) * HEIGHT },
    fieldConfig: { defaults: { unit: spec.unit }, overrides: [] },
    options: {},
    targets: spec.queries.map((q, i) => ({ refId: String.fromCharCode(65 + i), datasource: PROMETHEUS_DATASOURCE, expr: q.expr, legendFormat: q.legend })),
  };
}

function dashboard(uid: string, title: string, panels: readonly PanelSpec[]): Dashboard {
  return {
    uid,
    title,
    tags: ["immich-iac"],
    editable: false,
    schemaVersion: 39,
    refresh: "1m",
    time: { from: "now-24h", to: "now" },
    timezone: "browser",
    panels: panels.map(panel),
  };
}

export interface DashboardInput {
  readonly deploymentName: string;
  readonly watchedFilesystems: Readonly<Record<"library" | "database", string>>;
}

/** Immich: queues (BullMQ lengths in Redis), API latency and traffic (Caddy), machine learning (its container). */
export function immichDashboard(i: DashboardInput): Dashboard {
  const queues = `redis_key_size{key=~"${IMMICH_BULL_PREFIX}:.+:(wait|prioritized)"}`;
  const ml = `immich-${i.deploymentName}-machine-learning`;
  return dashboard("immich-iac-immich", `Immich — ${i.deploymentName}`, [
    { title: "Jobs waiting, per queue", unit: "short", queries: [{ expr: `sum by (key) (${queues})`, legend: "{{key}}" }] },
    { title: "Job handler and API up", unit: "short", type: "stat", queries: [{ expr: 'up{job=~"immich-api|immich-microservices"}', legend: "{{job}} {{instance}}" }] },
    {
      title: "API latency (p50, p95) through the proxy",
      unit: "s",
      queries: [
        { expr: "histogram_quantile(0.5, sum by (le) (rate(caddy_http_request_duration_seconds_bucket[5m])))", legend: "p50" },
        { expr: "histogram_quantile(0.95, sum by (le) (rate(caddy_http_request_duration_seconds_bucket[5m])))", legend: "p95" },
      ],
    },
    { title: "Requests by status code", unit: "reqps", queries: [{ expr: "sum by (code) (rate(caddy_http_requests_total[5m]))", legend: "{{code}}" }] },
    { title: "Machine learning CPU", unit: "percentunit", queries: [{ expr: `rate(container_cpu_usage_seconds_total{name="${ml}"}[5m])`, legend: "cores" }] },
    { title: "Machine learning memory", unit: "bytes", queries: [{ expr: `container_memory_working_set_bytes{name="${ml}"}`, legend: "working set" }] },
  ]);
}

/** The host: CPU, memory, ZFS ARC, disks (I/O, SMART temperature), network, the watched filesystems. */
export function hostDashboard(i: DashboardInput): Dashboard {
  const mounts = `${i.watchedFilesystems.library}|${i.watchedFilesystems.database}`;
  return dashboard("immich-iac-host", `Host — ${i.deploymentName}`, [
    { title: "CPU utilisation", unit: "percentunit", queries: [{ expr: '1 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m]))', legend: "busy" }] },
    {
      title: "Memory",
      unit: "bytes",
      queries: [
        { expr: "node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes", legend: "used" },
        { expr: "node_zfs_arc_size", legend: "ZFS ARC" },
      ],
    },
    { title: "ZFS ARC hit ratio", unit: "percentunit", queries: [{ expr: "rate(node_zfs_arc_hits[5m]) / (rate(node_zfs_arc_hits[5m]) + rate(node_zfs_arc_misses[5m]))", legend: "hits" }] },
    { title: "ZFS pools", unit: "short", type: "stat", queries: [{ expr: "node_zfs_zpool_state == 1", legend: "{{zpool}}: {{state}}" }] },
    {
      title: "Disk I/O",
      unit: "Bps",
      queries: [
        { expr: "sum by (device) (rate(node_disk_read_bytes_total[5m]))", legend: "{{device}} read" },
        { expr: "sum by (device) (rate(node_disk_written_bytes_total[5m]))", legend: "{{device}} write" },
      ],
    },
    { title: "Disk temperature (SMART)", unit: "celsius", queries: [{ expr: 'smartctl_device_temperature{temperature_type="current"}', legend: "{{device}}" }] },
    {
      title: "Network",
      unit: "bps",
      queries: [
        { expr: 'sum by (device) (rate(node_network_receive_bytes_total{device!~"lo|veth.*|br-.*|docker.*"}[5m]) * 8)', legend: "{{device}} in" },
        { expr: 'sum by (device) (rate(node_network_transmit_bytes_total{device!~"lo|veth.*|br-.*|docker.*"}[5m]) * 8)', legend: "{{device}} out" },
      ],
    },
    {
      title: "Free space: library and database",
      unit: "percentunit",
      queries: [{ expr: `node_filesystem_avail_bytes{mountpoint=~"${mounts}"} / node_filesystem_size_bytes{mountpoint=~"${mounts}"}`, legend: "{{mountpoint}}" }],
    },
  ]);
}

/** Backups: age of the newest off-site copy, the last run's result and duration. */
export function backupDashboard(i: DashboardInput): Dashboard {
  const d = `{deployment="${i.deploymentName}"}`;
  return dashboard("immich-iac-backups", `Backups — ${i.deploymentName}`, [
    { title: "Age of the newest off-site copy", unit: "s", type: "stat", queries: [{ expr: `time() - immich_iac_backup_last_success_timestamp_seconds${d}`, legend: "age" }] },
    { title: "Last run succeeded", unit: "bool", type: "stat", queries: [{ expr: `immich_iac_backup_last_run_success${d}`, legend: "success" }] },
    { title: "Run duration", unit: "s", queries: [{ expr: `immich_iac_backup_last_run_duration_seconds${d}`, legend: "duration" }] },
    { title: "Two intervals (late after)", unit: "s", type: "stat", queries: [{ expr: `2 * immich_iac_backup_interval_seconds${d}`, legend: "late after" }] },
  ]);
}

/** Every dashboard, by file name. */
export function dashboards(i: DashboardInput): Record<string, Dashboard> {
  return { "immich.json": immichDashboard(i), "host.json": hostDashboard(i), "backups.json": backupDashboard(i) };
}

/** Every PromQL expression in a dashboard (for promtool). */
export function dashboardExpressions(d: Dashboard): string[] {
  return (d.panels ?? []).flatMap((p) => ((p as Panel).targets ?? []).map((t) => String((t as { expr?: unknown }).expr)));
}
