import { DockerProvider } from "../../providers/docker/provider/index.js";
import { RandomProvider } from "../../providers/random/provider/index.js";
import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ImmichStack, type ImmichStackProps } from "../../constructs/immich-stack.js";
import { alertmanagerSecretUploads, WAL_TEXTFILE_MOUNT } from "../../constructs/immich-monitoring.js";
import { renderAlertmanagerConfig } from "../../src/renderers/monitoring/alertmanager.js";
import { defaultBackupSettings } from "../../src/backup/backup-settings.js";
import type { AuthSettings, IngressSettings } from "../../src/ingress/site.js";
import type { AlertRouting } from "../../src/monitoring/monitoring-settings.js";
import { ALERTMANAGER_SECRETS } from "../../src/renderers/monitoring/alertmanager.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { shippedProfile } from "../util.js";

/**
 * Issue 21 defect 1: alertmanager.yml names a password file and a URL file that Alertmanager reads only when it
 * sends; before the fix nothing uploaded them and `monitoring_webhook_url` was never declared, so every
 * notification failed while Alertmanager stayed healthy. These tests fail on that code.
 */
const ingress: IngressSettings = { domain: "photos.example.com", authDomain: "auth.example.com", cookieDomain: "example.com", tls: { mode: "acme" }, http3: true };
const auth: AuthSettings = {
  users: [{ name: "alice", displayName: "Alice", email: "alice@example.com", groups: ["admins"], passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g" }],
  immichPasswordLogin: false,
  notifier: { mode: "smtp", address: "submission://smtp.example.com:587", username: "photos@example.com", sender: "photos@example.com" },
};

function synth(alerts: AlertRouting, over: Partial<ImmichStackProps> = {}): any {
  return JSON.parse(
    Testing.synthScope((scope: Construct) => {
      new DockerProvider(scope, "docker", {});
      new RandomProvider(scope, "random", {});
      new ImmichStack(scope, "immich", {
        deploymentName: "t",
        domain: "photos.example.com",
        tuning: computeTuning(shippedProfile("homelab-minimal"), { monitoring: true }),
        ingress,
        auth,
        monitoring: { enabled: true, domain: "metrics.example.com", retentionDays: 15, alerts },
        ...over,
      });
    }),
  );
}
const container = (j: any, name: string) => (Object.values(j.resource.docker_container) as any[]).find((c) => c.name === name);
const alertmanager = (j: any) => container(j, "immich-t-monitoring-alertmanager");
const upload = (j: any, file: string) => alertmanager(j).upload.find((u: any) => u.file === file);

describe("Alertmanager gets the secrets its config reads (issue 21 defect 1)", () => {
  const both = synth({ email: { to: ["ops@example.com"] }, webhook: true });

  it("uploads the SMTP password (Authelia's variable smtp_password) and the webhook URL as root-owned 0444 files", () => {
    expect(upload(both, ALERTMANAGER_SECRETS.smtpPassword)).toMatchObject({ content: "${var.smtp_password}" });
    expect(upload(both, ALERTMANAGER_SECRETS.webhookUrl)).toMatchObject({ content: "${var.monitoring_webhook_url}" });
    for (const f of Object.values(ALERTMANAGER_SECRETS)) {
      expect(upload(both, f).permissions, f).toBe("0444");
      expect(upload(both, f).owner, f).toBeUndefined();
    }
  });

  it("reads from the very paths alertmanager.yml names", () => {
    const yml = parse(upload(both, "/etc/alertmanager/alertmanager.yml").content);
    expect(upload(both, yml.global.smtp_auth_password_file)).toBeDefined();
    expect(upload(both, yml.receivers.find((r: any) => r.name === "webhook").webhook_configs[0].url_file)).toBeDefined();
  });

  it("declares monitoring_webhook_url sensitive, and one smtp_password shared with Authelia", () => {
    expect(both.variable.monitoring_webhook_url).toMatchObject({ type: "string", sensitive: true, nullable: false });
    expect(both.variable.smtp_password).toMatchObject({ type: "string", sensitive: true, nullable: false });
    expect(container(both, "immich-t-auth").upload.find((u: any) => u.file === "/secrets/smtp-password").content).toBe("${var.smtp_password}");
  });

  it("puts no secret in Alertmanager's environment", () => {
    expect(JSON.stringify(alertmanager(both).env ?? [])).not.toContain("var.");
  });

  it("uploads nothing and declares no webhook variable when alerts go nowhere", () => {
    const none = synth({ webhook: false });
    expect(alertmanager(none).upload.map((u: any) => u.file)).toEqual(["/etc/alertmanager/alertmanager.yml"]);
    expect(none.variable?.monitoring_webhook_url).toBeUndefined();
  });

  it("webhook only: the URL file, no SMTP password", () => {
    const hook = synth({ webhook: true });
    expect(alertmanager(hook).upload.map((u: any) => u.file).sort()).toEqual(["/etc/alertmanager/alertmanager.yml", ALERTMANAGER_SECRETS.webhookUrl]);
  });
});

describe("alertmanagerSecretUploads", () => {
  const smtp = { address: "submission://smtp.example.com:587", username: "u", sender: "a@example.com" };
  const both = renderAlertmanagerConfig({ deploymentName: "t", routing: { email: { to: ["ops@example.com"] }, webhook: true }, smtp });
  it("refuses a config that reads a file it has no value for: no alert would be delivered", () => {
    expect(() => alertmanagerSecretUploads(both, { smtpPassword: "${var.smtp_password}" })).toThrow(
      "ImmichMonitoring: alertmanager.yml reads /etc/alertmanager/secrets/webhook-url but alertSecrets has no webhookUrl: without the webhook URL (alerts to a webhook) no alert would be delivered",
    );
    expect(() => alertmanagerSecretUploads(both, { webhookUrl: "${var.monitoring_webhook_url}" })).toThrow(
      "ImmichMonitoring: alertmanager.yml reads /etc/alertmanager/secrets/smtp-password but alertSecrets has no smtpPassword: without the SMTP password (alerts by e-mail) no alert would be delivered",
    );
  });
  it("refuses a secret the config does not read", () => {
    const none = renderAlertmanagerConfig({ deploymentName: "t", routing: { webhook: false } });
    expect(() => alertmanagerSecretUploads(none, { webhookUrl: "${var.monitoring_webhook_url}" })).toThrow(
      "ImmichMonitoring: alertSecrets.webhookUrl is given but alertmanager.yml does not read /etc/alertmanager/secrets/webhook-url",
    );
    expect(alertmanagerSecretUploads(none, {})).toEqual([]);
  });
});

describe("the node exporter reads the WAL archiver's textfile (issue 21 defect 3)", () => {
  it("binds <archive>/state/metrics read-only and starts after the archiver, which creates that directory as its own user", () => {
    const j = synth({ webhook: false }, { backup: defaultBackupSettings() });
    const node = container(j, "immich-t-monitoring-node-exporter");
    expect(node.command).toContain(`--collector.textfile.directory=${WAL_TEXTFILE_MOUNT}`);
    expect(node.volumes).toContainEqual(expect.objectContaining({ host_path: expect.stringMatching(/\/backups\/postgres\/state\/metrics$/), container_path: WAL_TEXTFILE_MOUNT, read_only: true }));
    const wal = Object.entries(j.resource.docker_container).find(([, c]: [string, any]) => c.name === "immich-t-backup-wal")![0];
    expect(node.depends_on).toContain(`docker_container.${wal}`);
  });

  it("without the archiver: no such bind", () => {
    const node = container(synth({ webhook: false }), "immich-t-monitoring-node-exporter");
    expect(node.command).not.toContain(`--collector.textfile.directory=${WAL_TEXTFILE_MOUNT}`);
  });
});
