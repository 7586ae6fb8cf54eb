import { execa } from "execa";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stringify } from "yaml";
import { alertGroups, renderAlertRules } from "../../src/renderers/monitoring/alert-rules.js";

/**
 * A Prometheus textfile (the exposition format the node exporter's textfile collector reads) turned into
 * `promtool test rules` input series: every sample line, with the labels it has in the file plus those the
 * scrape adds (`scrapeLabels`: the node exporter's job and instance), held at its value for `samples` steps.
 * Used to evaluate the alert rules on a file a script of ours really wrote, not on a hand-written shape.
 */
export function textfileSeries(text: string, scrapeLabels: Readonly<Record<string, string>>, samples = 20): { series: string; values: string }[] {
  const out: { series: string; values: string }[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line of the exposition format: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    const all = { ...labels, ...scrapeLabels };
    const rendered = Object.entries(all)
      .map(([k, v]) => `${k}="${v}"`)
      .join(",");
    out.push({ series: `${m[1]}{${rendered}}`, values: `${m[3]}x${samples}` });
  }
  return out;
}

/**
 * `promtool test rules` (in the Debian root `root`) on the deployment's alert rules with the archiver's real textfiles as input series:
 * WalSlotLost fires (with its labels and annotations) on the file written after the loss, not on the one before.
 * promtool's clock starts at 0, so the file's real timestamps are in its "future": the one-day window of the
 * rule is judged by the hand-written cases of test/upstream/alert-rules.test.ts, not here.
 */
export async function walSlotLostVerdict(root: string, deployment: string, before: string, after: string) {
  const input = { deploymentName: deployment, watchedFilesystems: { library: "/srv/library", database: "/srv/database" }, walArchiver: true };
  const rule = Object.values(alertGroups(input)).flat().find((r) => r.alert === "WalSlotLost")!;
  const node = { instance: `immich-${deployment}-monitoring-node-exporter:9100`, job: "node" };
  const dir = mkdtempSync(join(root, "tmp", "immich-iac-slot-lost-"));
  try {
    writeFileSync(join(dir, "rules.yml"), renderAlertRules(input));
    const test = (name: string, file: string, expAlerts: unknown[]) => ({
      name,
      interval: "1m",
      input_series: textfileSeries(file, node),
      alert_rule_test: [{ eval_time: "5m", alertname: "WalSlotLost", exp_alerts: expAlerts }],
    });
    const fired = { exp_labels: { severity: rule.severity, deployment, ...node }, exp_annotations: { summary: rule.summary, description: rule.description } };
    writeFileSync(
      join(dir, "tests.yml"),
      stringify({ rule_files: ["rules.yml"], evaluation_interval: "1m", tests: [test("the archiver's file after the loss", after, [fired]), test("its file before", before, [])] }, { lineWidth: 0 }),
    );
    return await execa("chroot", [root, "promtool", "test", "rules", `/tmp/${basename(dir)}/tests.yml`], { reject: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
