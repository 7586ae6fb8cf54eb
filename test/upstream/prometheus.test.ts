import { execa } from "execa";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { dashboardExpressions, dashboards } from "../../src/renderers/monitoring/dashboards.js";
import { renderAlertmanagerConfig } from "../../src/renderers/monitoring/alertmanager.js";
import { renderAlertRules } from "../../src/renderers/monitoring/alert-rules.js";
import { renderPrometheusConfig, RULES_DIR, RULES_FILE } from "../../src/renderers/monitoring/prometheus.js";
import { renderFiles } from "../../stacks/synth.js";
import { deploymentPath, SHIPPED_DEPLOYMENTS } from "../stack-util.js";
import { upstreamRoot } from "./trixie-root.js";

/**
 * The monitoring files, judged by the programs that read them, at the releases we deploy (IMAGE_PINS), built from the
 * Go module proxy by scripts/upstream-root.sh: promtool (Prometheus 3.13 LTS) checks prometheus.yml with its rule
 * file and every rule; every PromQL expression of the dashboards is parsed by promtool as a recording rule; amtool
 * (Alertmanager 0.35) checks alertmanager.yml; Debian trixie's blackbox_exporter checks its module file.
 */
const PROMTOOL = "/usr/local/bin/promtool";
const AMTOOL = "/usr/local/bin/amtool";
const promtool = upstreamRoot(PROMTOOL);
const amtool = upstreamRoot(AMTOOL);
const blackbox = upstreamRoot("/usr/bin/prometheus-blackbox-exporter");

describe.skipIf(!promtool.root)(`monitoring files, checked by the real promtool${promtool.root ? "" : ` (skipped: ${promtool.reason})`}`, () => {
  let hostDir: string;
  let inRoot: string;
  const run = (args: string[]) => execa("chroot", [promtool.root!, ...args], { reject: false });
  beforeAll(() => {
    hostDir = mkdtempSync(join(promtool.root!, "tmp", "immich-iac-prom-"));
    inRoot = `/tmp/${basename(hostDir)}`;
  });
  afterAll(() => hostDir && rmSync(hostDir, { recursive: true, force: true }));

  /** The deployment's monitoring files under the scratch directory; rule_files points there instead of /etc. */
  const write = (name: string): string => {
    const files = renderFiles(loadDeploymentFile(deploymentPath(name)));
    const base = join(hostDir, name);
    for (const [path, text] of Object.entries(files)) {
      if (!path.startsWith("monitoring/")) continue;
      mkdirSync(dirname(join(base, path)), { recursive: true });
      writeFileSync(join(base, path), path.endsWith("prometheus.yml") ? text.replaceAll(RULES_DIR, `${inRoot}/${name}/monitoring/prometheus/rules`) : text);
    }
    return `${inRoot}/${name}/monitoring`;
  };

  it.each(SHIPPED_DEPLOYMENTS.filter((n) => loadDeploymentFile(deploymentPath(n)).monitoring.enabled))("%s: promtool check config and rules", async (name) => {
    const dir = write(name);
    const config = await run([PROMTOOL, "check", "config", `${dir}/prometheus/prometheus.yml`]);
    expect(config.exitCode, config.stdout + config.stderr).toBe(0);
    expect(config.stdout).toContain("SUCCESS: 1 rule files found");
    const rules = await run([PROMTOOL, "check", "rules", `${dir}/prometheus/rules/immich-iac.rules.yml`]);
    expect(rules.exitCode, rules.stdout + rules.stderr).toBe(0);
    // 23 with the WAL archiver's two rules (backup.continuousWal), 21 without.
    const wal = loadDeploymentFile(deploymentPath(name)).backup?.continuousWal === true;
    expect(rules.stdout).toContain(`SUCCESS: ${wal ? 23 : 21} rules found`);
  });

  it("with extra ML nodes, the probe job passes promtool check config", async () => {
    const text = renderPrometheusConfig({ deploymentName: "home", server: "immich-home-server", jobHandlers: ["immich-home-job-handler"], mlNodeUrls: ["http://192.168.10.20:3003"] });
    mkdirSync(join(hostDir, "ml-rules"), { recursive: true });
    writeFileSync(join(hostDir, "ml-rules", RULES_FILE), renderAlertRules({ deploymentName: "home", watchedFilesystems: { library: "/srv/immich/library", database: "/srv/immich/database" } }));
    writeFileSync(join(hostDir, "ml-nodes.yml"), text.replaceAll(RULES_DIR, `${inRoot}/ml-rules`));
    const r = await run([PROMTOOL, "check", "config", `${inRoot}/ml-nodes.yml`]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(parse(text).scrape_configs.map((j: { job_name: string }) => j.job_name)).toContain("ml-nodes");
  });

  it("every PromQL expression of the dashboards parses", async () => {
    const exprs = Object.values(dashboards({ deploymentName: "home", watchedFilesystems: { library: "/srv/immich/library", database: "/srv/immich/database" } })).flatMap(dashboardExpressions);
    const file = join(hostDir, "dashboard-exprs.yml");
    writeFileSync(file, stringify({ groups: [{ name: "dashboards", rules: exprs.map((expr, n) => ({ record: `dashboard:expr_${n}`, expr })) }] }));
    const r = await run([PROMTOOL, "check", "rules", `${inRoot}/dashboard-exprs.yml`]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`SUCCESS: ${exprs.length} rules found`);
  });

  it("a broken expression fails the check (the check can fail)", async () => {
    writeFileSync(join(hostDir, "broken.yml"), stringify({ groups: [{ name: "x", rules: [{ alert: "X", expr: "rate(up[5m]" }] }] }));
    const r = await run([PROMTOOL, "check", "rules", `${inRoot}/broken.yml`]);
    expect(r.exitCode).not.toBe(0);
  });

  describe.skipIf(!amtool.root)(`alertmanager.yml, checked by the real amtool${amtool.root ? "" : ` (skipped: ${amtool.reason})`}`, () => {
    const smtp = { address: "submission://smtp.example.com:587", username: "photos@example.com", sender: "Immich <photos@example.com>" };
    it.each([
      ["no destination", { webhook: false }],
      ["e-mail and webhook", { email: { to: ["ops@example.com"] }, webhook: true }],
      ["e-mail through a relay with a private CA, short group timing", { email: { to: ["ops@example.com"], caFile: "/etc/ssl/relay-ca.pem" }, webhook: false, groupWaitSeconds: 5, groupIntervalSeconds: 20 }],
    ] as const)("%s", async (label, routing) => {
      const file = join(hostDir, `am-${label.replace(/[^a-z]+/g, "-")}.yml`);
      writeFileSync(file, renderAlertmanagerConfig({ deploymentName: "home", routing, smtp }));
      const r = await execa("chroot", [amtool.root!, AMTOOL, "check-config", `${inRoot}/${basename(file)}`], { reject: false });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    });
  });

  describe.skipIf(!blackbox.root)(`blackbox.yml, checked by the real blackbox exporter${blackbox.root ? "" : ` (skipped: ${blackbox.reason})`}`, () => {
    it("the TLS module loads", async () => {
      const dir = write("example");
      const r = await execa("chroot", [blackbox.root!, "prometheus-blackbox-exporter", "--config.check", `--config.file=${dir}/blackbox/blackbox.yml`], { reject: false });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    });
  });
});
