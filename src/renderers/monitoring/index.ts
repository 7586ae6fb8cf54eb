import type { MonitoringSettings } from "../../monitoring/monitoring-settings.js";
import { monitoringContainer } from "../../monitoring/monitoring-settings.js";
import { renderAlertmanagerConfig } from "./alertmanager.js";
import { renderAlertRules, type AlertRulesInput } from "./alert-rules.js";
import { dashboards } from "./dashboards.js";
import { renderGrafanaDashboardProvider, renderGrafanaDatasources, renderGrafanaIni, type GrafanaIniInput } from "./grafana.js";
import { renderBlackboxConfig, renderPrometheusConfig, RULES_FILE, type ScrapeInput } from "./prometheus.js";

export interface MonitoringFilesInput extends ScrapeInput, AlertRulesInput {
  readonly settings: MonitoringSettings;
  readonly smtp?: { readonly address: string; readonly username: string; readonly sender: string };
  /** Grafana's host names and CA, when it runs (it needs the proxy and Authelia). @default - no grafana.ini */
  readonly grafana?: Omit<GrafanaIniInput, "deploymentName">;
}

/** Every monitoring file of a deployment, by path under `DIR/monitoring/` (what `render` writes). */
export function renderMonitoringFiles(i: MonitoringFilesInput): Record<string, string> {
  const dep = i.deploymentName;
  const boards = dashboards({ deploymentName: dep, watchedFilesystems: i.watchedFilesystems });
  return {
    "prometheus/prometheus.yml": renderPrometheusConfig(i),
    [`prometheus/rules/${RULES_FILE}`]: renderAlertRules({ ...i, ...(i.settings.alerts.maxForSeconds !== undefined ? { maxForSeconds: i.settings.alerts.maxForSeconds } : {}) }),
    "alertmanager/alertmanager.yml": renderAlertmanagerConfig({ deploymentName: dep, routing: i.settings.alerts, ...(i.smtp ? { smtp: i.smtp } : {}) }),
    "blackbox/blackbox.yml": renderBlackboxConfig(dep),
    ...(i.grafana ? { "grafana/grafana.ini": renderGrafanaIni({ deploymentName: dep, ...i.grafana }) } : {}),
    "grafana/provisioning/datasources/prometheus.yaml": renderGrafanaDatasources(dep, monitoringContainer(dep, "prometheus")),
    "grafana/provisioning/dashboards/immich-iac.yaml": renderGrafanaDashboardProvider(dep),
    ...Object.fromEntries(Object.entries(boards).map(([file, d]) => [`grafana/dashboards/${file}`, `${JSON.stringify(d, null, 2)}\n`])),
  };
}
