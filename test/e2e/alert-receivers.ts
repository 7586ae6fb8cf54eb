import { execa } from "execa";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "../util.js";
import { docker } from "./harness.js";

/**
 * The operator's side of an alert for the e2e suites that cause faults (alerts.test.ts, ml-nodes.test.ts): a real
 * SMTP server (aiosmtpd) that requires STARTTLS with a certificate of a CA of its own, which the deployment gives
 * Alertmanager (spec.monitoring.alerts.email.caFile), and AUTH with the password of TF_VAR_smtp_password; and a
 * webhook endpoint that records only the path of TF_VAR_monitoring_webhook_url. Nothing it records is derived
 * from the deployment: the password and the webhook token are made here, per suite.
 */
export const SMTP_HOST = "mail.alerts.test";
export const HOOK_HOST = "hooks.alerts.test";
export const SMTP_USER = "alerts@example.com";
export const ALERTS_TO = "ops@example.com";
const RECEIVERS_IMAGE = "immich-iac-e2e-alert-receivers:local";

export interface Hook {
  readonly n: number;
  readonly body: { status: string; alerts: { status: string; labels: Record<string, string> }[]; groupLabels: Record<string, string> };
}
export interface Mail {
  readonly n: number;
  readonly subject: string;
  readonly to: string;
  readonly text: string;
}

export interface AlertTiming {
  /** @default 5 */
  readonly groupWaitSeconds?: number;
  /** @default 15 */
  readonly groupIntervalSeconds?: number;
  /** @default 20 */
  readonly maxForSeconds?: number;
}

export class AlertReceivers {
  /** The receivers' container (one per suite: `immich-iac-e2e-alert-receivers-<suite>`). */
  readonly container: string;
  readonly password = randomBytes(18).toString("base64url");
  readonly token = randomBytes(12).toString("hex");
  /** The sensitive variables the deployment's Terraform needs for these receivers. */
  readonly env: Record<string, string>;
  private readonly scratch: string;
  readonly tls: string;
  readonly out: string;

  constructor(suite: string) {
    this.container = `immich-iac-e2e-alert-receivers-${suite}`;
    this.scratch = mkdtempSync(join(tmpdir(), `iac-${suite}-receivers-`));
    this.tls = join(this.scratch, "tls");
    this.out = join(this.scratch, "out");
    this.env = { TF_VAR_smtp_password: this.password, TF_VAR_monitoring_webhook_url: `http://${HOOK_HOST}:8080/hook/${this.token}` };
  }

  /** The mail server's CA (the deployment's alerts.email.caFile). */
  get caFile(): string {
    return join(this.tls, "ca.pem");
  }

  /** Makes the mail server's certificate (from a CA of its own, whose key is then removed) and builds the image. */
  async prepare(): Promise<void> {
    mkdirSync(this.tls);
    mkdirSync(this.out);
    const ssl = (args: string[]) => execa("openssl", args, { cwd: this.tls });
    await ssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=immich-iac e2e mail CA", "-keyout", "ca.key", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
    await ssl(["req", "-newkey", "rsa:2048", "-nodes", "-subj", `/CN=${SMTP_HOST}`, "-keyout", "server.key", "-out", "server.csr"]);
    writeFileSync(join(this.tls, "ext"), `subjectAltName=DNS:${SMTP_HOST}\nextendedKeyUsage=serverAuth\n`);
    await ssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", "ext", "-out", "server.pem"]);
    rmSync(join(this.tls, "ca.key"));
    chmodSync(this.caFile, 0o644);
    await execa("docker", ["rm", "-f", this.container], { reject: false });
    const build = await execa("bash", [join(REPO, "scripts", "e2e-images.sh"), `alert-receivers=${RECEIVERS_IMAGE}`], { reject: false, all: true });
    if (build.exitCode !== 0) throw new Error(`building the alert receivers failed:\n${build.all}`);
  }

  /** A deployment document's Authelia notifier and alerts aimed at these receivers, the timing shortened only through its own settings. */
  configure(doc: any, timing: AlertTiming = {}): void {
    doc.spec.auth.notifier = { mode: "smtp", address: `submission://${SMTP_HOST}:587`, username: SMTP_USER, sender: `Immich <${SMTP_USER}>` };
    doc.spec.monitoring = {
      ...doc.spec.monitoring,
      enabled: true,
      alerts: {
        email: { to: [ALERTS_TO], caFile: this.caFile },
        webhook: true,
        groupWaitSeconds: timing.groupWaitSeconds ?? 5,
        groupIntervalSeconds: timing.groupIntervalSeconds ?? 15,
        maxForSeconds: timing.maxForSeconds ?? 20,
      },
    };
  }

  /** Starts the servers on `network` (Alertmanager's way out), reachable by their names. */
  async start(network: string): Promise<void> {
    await docker(["run", "-d", "--name", this.container, "--network", network, "--network-alias", SMTP_HOST, "--network-alias", HOOK_HOST,
      "-v", `${this.tls}:/tls:ro`, "-v", `${this.out}:/out`, "-e", `SMTP_USER=${SMTP_USER}`, "-e", `SMTP_PASSWORD=${this.password}`, "-e", `WEBHOOK_PATH=/hook/${this.token}`,
      "-e", "TLS_CERT=/tls/server.pem", "-e", "TLS_KEY=/tls/server.key", RECEIVERS_IMAGE]);
  }

  async stop(): Promise<void> {
    await execa("docker", ["rm", "-f", this.container], { reject: false });
    rmSync(this.scratch, { recursive: true, force: true });
  }

  hooks(): Hook[] {
    const dir = join(this.out, "hook");
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".json"))
          .map((f) => ({ n: Number.parseInt(f, 10), body: JSON.parse(readFileSync(join(dir, f), "utf8")) }))
      : [];
  }

  mails(): Mail[] {
    const dir = join(this.out, "mail");
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".eml"))
          .map((f) => {
            const text = readFileSync(join(dir, f), "utf8");
            return { n: Number.parseInt(f, 10), subject: /^Subject: (.*)$/m.exec(text)?.[1] ?? "", to: /^To: (.*)$/m.exec(text)?.[1] ?? "", text };
          })
      : [];
  }

  /** The receivers' log of refusals (a failed AUTH, a plain-text command, a POST to another path). */
  events(): string {
    const file = join(this.out, "events.log");
    return existsSync(file) ? readFileSync(file, "utf8") : "";
  }

  /** The number of the newest message received (mail or webhook; one counter for both). */
  newest(): number {
    return Math.max(0, ...this.hooks().map((h) => h.n), ...this.mails().map((m) => m.n));
  }

  /**
   * Waits for a webhook call and a mail about `alert` of deployment `deployment` in `status`, received after
   * message number `after`; on timeout throws with what did arrive and what `diagnose` says.
   */
  async arrival(
    alert: string,
    status: "firing" | "resolved",
    after: number,
    deployment: string,
    limitMs: number,
    diagnose: () => Promise<string>,
  ): Promise<{ hook: Hook; mail: Mail; seconds: number }> {
    const t0 = performance.now();
    const subject = new RegExp(`^\\[${status === "firing" ? "FIRING:\\d+" : "RESOLVED"}\\] ${alert} ${deployment}\\b`);
    for (;;) {
      const hook = this.hooks().find((h) => h.n > after && h.body.status === status && h.body.groupLabels.alertname === alert);
      const mail = this.mails().find((m) => m.n > after && subject.test(m.subject));
      if (hook && mail) return { hook, mail, seconds: (performance.now() - t0) / 1000 };
      if (performance.now() - t0 > limitMs) {
        throw new Error(
          `no ${status} ${alert} by ${hook ? "" : "webhook "}${mail ? "" : "mail "}within ${limitMs / 1000} s\n` +
            `mails: ${this.mails().map((m) => m.subject).join(" | ")}\nhooks: ${this.hooks().map((h) => `${h.body.status} ${h.body.groupLabels.alertname}`).join(" | ")}\n` +
            `events: ${this.events()}\n${await diagnose().catch((e) => String(e))}`,
        );
      }
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}
