import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderAlertmanagerConfig } from "../../src/renderers/monitoring/alertmanager.js";
import { alertGroups, cappedFor, renderAlertRules } from "../../src/renderers/monitoring/alert-rules.js";
import { dashboardExpressions, dashboards, PROMETHEUS_DATASOURCE } from "../../src/renderers/monitoring/dashboards.js";
import { renderMonitoringFiles } from "../../src/renderers/monitoring/index.js";
import { scrapeJobs } from "../../src/renderers/monitoring/prometheus.js";

const FS = { library: "/srv/immich/library", database: "/srv/immich/database" };
const input = {
  deploymentName: "home",
  server: "immich-home-server",
  jobHandlers: ["immich-home-job-handler", "immich-home-job-handler-2"],
  proxy: { container: "immich-home-proxy", domains: ["photos.example.com", "auth.example.com", "metrics.example.com"] },
  watchedFilesystems: FS,
  settings: { enabled: true, domain: "metrics.example.com", retentionDays: 30, alerts: { webhook: false } },
};

describe("Prometheus scrape targets", () => {
  it("scrapes Immich's API and every job handler, the exporters, Caddy, Alertmanager, Grafana and itself", () => {
    expect(Object.fromEntries(scrapeJobs(input).map((j) => [j.job, j.targets]))).toEqual({
      prometheus: ["localhost:9090"],
      alertmanager: ["immich-home-monitoring-alertmanager:9093"],
      grafana: ["immich-home-monitoring-grafana:3000"],
      "immich-api": ["immich-home-server:8081"],
      "immich-microservices": ["immich-home-job-handler:8082", "immich-home-job-handler-2:8082"],
      node: ["immich-home-monitoring-node-exporter:9100"],
      smartctl: ["immich-home-monitoring-smartctl-exporter:9633"],
      cadvisor: ["immich-home-monitoring-cadvisor:8080"],
      postgres: ["immich-home-monitoring-postgres-exporter:9187"],
      redis: ["immich-home-monitoring-redis-exporter:9121"],
      caddy: ["immich-home-proxy:2020"],
    });
  });

  it("probes every public host name's certificate through the blackbox exporter", () => {
    const config = parse(renderMonitoringFiles(input)["prometheus/prometheus.yml"]!);
    const tls = config.scrape_configs.find((c: any) => c.job_name === "tls");
    expect(tls.static_configs[0].targets).toEqual(["photos.example.com:443", "auth.example.com:443", "metrics.example.com:443"]);
    expect(tls.relabel_configs.at(-1)).toEqual({ target_label: "__address__", replacement: "immich-home-monitoring-blackbox-exporter:9115" });
  });
});

describe("alert rules", () => {
  const groups = alertGroups({ deploymentName: "home", watchedFilesystems: FS });
  const all = Object.values(groups).flat();
  it("cover what the issue names, each with a for: duration, a severity and a summary", () => {
    expect(all.map((r) => r.alert)).toEqual([
      "BackupFailed",
      "BackupLate",
      "WalArchiverDown",
      "WalSlotLost",
      "SmartFailing",
      "ReallocatedSectorsGrowing",
      "NvmeMediaErrorsGrowing",
      "ZfsPoolNotOnline",
      "LibraryFilesystemNearlyFull",
      "LibraryFilesystemFull",
      "DatabaseFilesystemNearlyFull",
      "DatabaseFilesystemFull",
      "PostgresDown",
      "RedisDown",
      "RedisNearMaxmemory",
      "ImmichQueueGrowing",
      "ImmichDown",
      "ImmichDatabaseUnresponsive",
      "MlNodeDown",
      "ContainerRestarting",
      "CertificateExpiresSoon",
      "TlsProbeFailing",
      "ScrapeTargetDown",
    ]);
    for (const r of all) {
      expect(r.for, r.alert).toMatch(/^\d+[smh]$/);
      expect(r.summary.length, r.alert).toBeGreaterThan(10);
    }
  });

  it("watch the library's and the database's filesystems by their mountpoints", () => {
    expect(all.find((r) => r.alert === "LibraryFilesystemNearlyFull")!.expr).toBe(
      'node_filesystem_avail_bytes{mountpoint="/srv/immich/library"} / node_filesystem_size_bytes{mountpoint="/srv/immich/library"} < 0.10',
    );
  });

  it("read queue growth from Immich's BullMQ keys for an hour, and backups from the off-site textfile", () => {
    expect(all.find((r) => r.alert === "ImmichQueueGrowing")).toMatchObject({
      for: "1h",
      expr: 'deriv(redis_key_size{key=~"immich_bull:.+:(wait|prioritized)"}[30m]) > 0 and redis_key_size{key=~"immich_bull:.+:(wait|prioritized)"} > 0',
    });
    expect(all.find((r) => r.alert === "BackupLate")!.expr).toBe("time() - immich_iac_backup_last_success_timestamp_seconds > 2 * immich_iac_backup_interval_seconds");
  });

  it("cap every for: at maxForSeconds when it is shorter, and keep shorter ones", () => {
    expect(cappedFor("1h", 30)).toBe("30s");
    expect(cappedFor("5m", 300)).toBe("5m");
    expect(cappedFor("0m", 30)).toBe("0m");
    expect(cappedFor("10m", undefined)).toBe("10m");
    expect(() => cappedFor("1d", 30)).toThrow('cappedFor: expected a duration like 5m (got "1d")');
    const file = parse(renderAlertRules({ deploymentName: "home", watchedFilesystems: FS, maxForSeconds: 20 }));
    const fors = file.groups.flatMap((g: any) => g.rules.map((r: any) => r.for));
    expect(new Set(fors)).toEqual(new Set(["20s", "0m"]));
  });

  it("warn of a certificate 14 days ahead, or an hour ahead with Caddy's internal CA (12-hour leaves renewed with 4 hours left)", () => {
    expect(all.find((r) => r.alert === "CertificateExpiresSoon")).toMatchObject({ expr: "probe_ssl_earliest_cert_expiry - time() < 14 * 86400", for: "1h" });
    const internal = Object.values(alertGroups({ deploymentName: "home", watchedFilesystems: FS, internalCa: true })).flat();
    expect(internal.find((r) => r.alert === "CertificateExpiresSoon")).toMatchObject({ expr: "probe_ssl_earliest_cert_expiry - time() < 3600", for: "10m" });
  });

  it("render as Prometheus rule groups with severity labels", () => {
    const file = parse(renderAlertRules({ deploymentName: "home", watchedFilesystems: FS }));
    expect(file.groups.map((g: any) => g.name)).toEqual(["backups", "disks", "zfs", "filesystems", "database", "redis", "immich", "machine-learning", "containers", "certificates", "monitoring"]);
    expect(file.groups[0].rules[0]).toMatchObject({ alert: "BackupFailed", for: "5m", labels: { severity: "critical" } });
  });
});

describe("Alertmanager routing", () => {
  const smtp = { address: "submission://smtp.example.com:587", username: "photos@example.com", sender: "Immich <photos@example.com>" };
  it("without a destination: visible in Grafana only", () => {
    const c = parse(renderAlertmanagerConfig({ deploymentName: "home", routing: { webhook: false } }));
    expect(c).toEqual({
      route: { receiver: "grafana-only", group_by: ["alertname", "deployment"], group_wait: "30s", group_interval: "5m", repeat_interval: "4h" },
      receivers: [{ name: "grafana-only" }],
    });
  });

  it("by e-mail through the notifier's account (STARTTLS on 587, the password from a file) and to a webhook from a file", () => {
    const c = parse(renderAlertmanagerConfig({ deploymentName: "home", routing: { email: { to: ["ops@example.com"] }, webhook: true }, smtp }));
    expect(c.global).toEqual({
      smtp_smarthost: "smtp.example.com:587",
      smtp_from: "Immich <photos@example.com>",
      smtp_auth_username: "photos@example.com",
      smtp_auth_password_file: "/etc/alertmanager/secrets/smtp-password",
      smtp_require_tls: true,
    });
    expect(c.route.routes).toEqual([{ receiver: "email", continue: true }, { receiver: "webhook", continue: true }]);
    expect(c.receivers).toContainEqual({ name: "webhook", webhook_configs: [{ url_file: "/etc/alertmanager/secrets/webhook-url", send_resolved: true }] });
  });

  it("trusts the relay's private CA from the file the construct binds, and takes the group timing of the deployment", () => {
    const c = parse(
      renderAlertmanagerConfig({ deploymentName: "home", routing: { email: { to: ["ops@example.com"], caFile: "/etc/ssl/relay-ca.pem" }, webhook: false, groupWaitSeconds: 5, groupIntervalSeconds: 20 }, smtp }),
    );
    expect(c.receivers).toContainEqual({ name: "email", email_configs: [{ to: "ops@example.com", send_resolved: true, tls_config: { ca_file: "/etc/alertmanager/smtp-ca.pem" } }] });
    expect(c.route).toMatchObject({ group_wait: "5s", group_interval: "20s", repeat_interval: "4h" });
  });

  it("uses implicit TLS on 465 and refuses e-mail without an SMTP account", () => {
    const c = parse(renderAlertmanagerConfig({ deploymentName: "home", routing: { email: { to: ["ops@example.com"] }, webhook: false }, smtp: { ...smtp, address: "smtps://smtp.example.com" } }));
    expect(c.global).toMatchObject({ smtp_smarthost: "smtp.example.com:465", smtp_require_tls: false });
    expect(() => renderAlertmanagerConfig({ deploymentName: "home", routing: { email: { to: ["ops@example.com"] }, webhook: false } })).toThrow(
      "renderAlertmanagerConfig: alerts by e-mail need the auth notifier's SMTP account (spec.auth.notifier mode smtp)",
    );
  });
});

describe("Grafana dashboards", () => {
  const boards = dashboards({ deploymentName: "home", watchedFilesystems: FS });
  it("are Immich, host and backups, each panel on the provisioned data source only", () => {
    expect(Object.values(boards).map((d) => d.uid)).toEqual(["immich-iac-immich", "immich-iac-host", "immich-iac-backups"]);
    for (const d of Object.values(boards)) {
      for (const p of d.panels ?? []) {
        expect((p as any).datasource, `${d.uid}: ${p.title}`).toEqual(PROMETHEUS_DATASOURCE);
        for (const t of (p as any).targets) expect(t.datasource).toEqual(PROMETHEUS_DATASOURCE);
      }
    }
  });

  it("the data source file provisions exactly that uid", () => {
    const ds = parse(renderMonitoringFiles(input)["grafana/provisioning/datasources/prometheus.yaml"]!);
    expect(ds.datasources).toEqual([expect.objectContaining({ uid: PROMETHEUS_DATASOURCE.uid, type: "prometheus", url: "http://immich-home-monitoring-prometheus:9090", editable: false })]);
  });

  it("lay panels out on a two-column grid without overlap", () => {
    const pos = boards["host.json"]!.panels!.map((p) => p.gridPos);
    expect(pos.slice(0, 3)).toEqual([{ h: 8, w: 12, x: 0, y: 0 }, { h: 8, w: 12, x: 12, y: 0 }, { h: 8, w: 12, x: 0, y: 8 }]);
    expect(dashboardExpressions(boards["backups.json"]!)).toEqual([
      'time() - immich_iac_backup_last_success_timestamp_seconds{deployment="home"}',
      'immich_iac_backup_last_run_success{deployment="home"}',
      'immich_iac_backup_last_run_duration_seconds{deployment="home"}',
      '2 * immich_iac_backup_interval_seconds{deployment="home"}',
    ]);
  });
});

describe("extra ML nodes in monitoring", () => {
  it("each node's /ping is probed through the blackbox exporter for Immich's answer, and MlNodeDown reads the probes", async () => {
    const { renderPrometheusConfig, renderBlackboxConfig } = await import("../../src/renderers/monitoring/prometheus.js");
    const config = parse(renderPrometheusConfig({ ...input, mlNodeUrls: ["http://192.168.10.20:3003", "http://192.168.10.21:3003"] }));
    const job = config.scrape_configs.find((j: any) => j.job_name === "ml-nodes");
    expect(job).toMatchObject({ metrics_path: "/probe", params: { module: ["immich_ml_ping"] }, static_configs: [{ targets: ["http://192.168.10.20:3003/ping", "http://192.168.10.21:3003/ping"] }] });
    expect(job.relabel_configs.at(-1)).toEqual({ target_label: "__address__", replacement: "immich-home-monitoring-blackbox-exporter:9115" });
    expect(parse(renderPrometheusConfig(input)).scrape_configs.map((j: any) => j.job_name)).not.toContain("ml-nodes");
    expect(parse(renderBlackboxConfig("home")).modules.immich_ml_ping).toEqual({
      prober: "http",
      timeout: "5s",
      http: { method: "GET", valid_status_codes: [200], fail_if_body_not_matches_regexp: ["pong"], preferred_ip_protocol: "ip4" },
    });
    const rule = Object.values(alertGroups({ deploymentName: "home", watchedFilesystems: FS })).flat().find((r) => r.alert === "MlNodeDown")!;
    expect(rule).toMatchObject({ expr: 'probe_success{job="ml-nodes"} == 0', for: "10m" });
  });
});

describe("the database probe (Immich #31489)", () => {
  it("asks the server's database-backed /api/server/config through the blackbox exporter, and ImmichDatabaseUnresponsive reads it", async () => {
    const { renderPrometheusConfig, renderBlackboxConfig } = await import("../../src/renderers/monitoring/prometheus.js");
    const job = parse(renderPrometheusConfig(input)).scrape_configs.find((j: any) => j.job_name === "immich-db");
    expect(job).toMatchObject({ metrics_path: "/probe", params: { module: ["immich_db"] }, static_configs: [{ targets: [`http://${input.server}:2283/api/server/config`] }] });
    expect(job.relabel_configs.at(-1)).toEqual({ target_label: "__address__", replacement: "immich-home-monitoring-blackbox-exporter:9115" });
    expect(parse(renderBlackboxConfig("home")).modules.immich_db).toEqual({
      prober: "http",
      timeout: "10s",
      http: { method: "GET", valid_status_codes: [200], fail_if_body_not_matches_regexp: ['"isInitialized"'], preferred_ip_protocol: "ip4" },
    });
    const rule = Object.values(alertGroups({ deploymentName: "home", watchedFilesystems: FS })).flat().find((r) => r.alert === "ImmichDatabaseUnresponsive")!;
    expect(rule).toMatchObject({ expr: 'probe_success{job="immich-db"} == 0', for: "5m", severity: "critical" });
  });
});
