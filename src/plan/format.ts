import { visible } from "../profile/problems.js";
import type { PlanReport } from "./report.js";
import { RiskClass } from "./upgrade-rules.js";

/** What to do before applying a plan that changes versions. */
export const PRE_UPGRADE_HINT = "before applying: immich-iac pre-upgrade --deployment <file> (database dump + ZFS snapshots of database and library)";

export const CLASS_NAMES: Readonly<Record<RiskClass, string>> = {
  [RiskClass.NONE]: "no changes",
  [RiskClass.SAFE]: "safe",
  [RiskClass.MAINTENANCE]: "maintenance window",
  [RiskClass.BLOCKED]: "blocked",
};

/** One line for logs and PR titles: the verdict, the counts and the expected downtime per service. */
export function summaryLine(r: PlanReport): string {
  const c = r.counts;
  const downtime = Object.entries(r.downtime).map(([svc, why]) => `${svc} (${why})`);
  return [
    `${CLASS_NAMES[r.class]} (exit ${r.exitCode}):`,
    `${c.blocked} blocked, ${c.maintenance} need a maintenance window, ${c.safe} safe, ${c.none} unchanged;`,
    downtime.length ? `downtime: ${downtime.join(", ")}` : "no downtime",
  ].join(" ");
}

const allowHint = (x: { allow?: string; class: RiskClass; accepted?: boolean }) =>
  x.accepted ? ` [accepted: --allow-${x.allow}]` : x.class === RiskClass.BLOCKED && x.allow ? ` [needs --allow-${x.allow}]` : "";

export function formatTerminal(r: PlanReport): string {
  const lines = [`immich-iac plan report: ${summaryLine(r)}`];
  const section = (title: string, cls: RiskClass, mark: string) => {
    const items = r.resources.filter((x) => x.class === cls);
    if (!items.length) return;
    lines.push("", title);
    for (const x of items) lines.push(`  ${mark} ${x.address}${x.component ? ` [${x.component}]` : ""}: ${x.message}${allowHint(x)}`);
  };
  section("Blocked", RiskClass.BLOCKED, "✗");
  section("Maintenance window", RiskClass.MAINTENANCE, "!");
  section("Safe", RiskClass.SAFE, "✓");
  if (r.upgrades.length) {
    lines.push("", "Upgrade checks");
    for (const u of r.upgrades) lines.push(`  ${u.class === RiskClass.BLOCKED ? "✗" : "!"} ${u.message}${allowHint(u)}`);
    lines.push(`  → ${PRE_UPGRADE_HINT}`);
  }
  if (r.drift.length) {
    lines.push("", "Drift (changed outside Terraform)");
    for (const d of r.drift) lines.push(`  ~ ${d.address}: ${d.attributes.join(", ") || "(no attribute differs)"}`);
  }
  // Addresses and attribute names come from the plan file: control characters are shown, never sent.
  return `${lines.map(visible).join("\n")}\n`;
}

/** Plain Markdown text in a table cell or list: no control characters, no cell break, no HTML. */
const md = (s: string) => visible(s).replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** A code span that stays one, whatever backticks the text holds. */
const code = (s: string) => {
  const t = visible(s).replace(/\|/g, "\\|");
  return t.includes("`") ? `\`\` ${t} \`\`` : `\`${t}\``;
};

export function formatMarkdown(r: PlanReport): string {
  const icon: Record<RiskClass, string> = { [RiskClass.NONE]: "", [RiskClass.SAFE]: "✅", [RiskClass.MAINTENANCE]: "⚠️", [RiskClass.BLOCKED]: "⛔" };
  const lines = [`### immich-iac plan: ${icon[r.class]} ${CLASS_NAMES[r.class]}`, "", md(summaryLine(r)), ""];
  const changed = r.resources.filter((x) => x.class !== RiskClass.NONE).sort((a, b) => b.class - a.class || a.address.localeCompare(b.address));
  if (changed.length) {
    lines.push("| | Resource | Service | What it means |", "|---|---|---|---|");
    for (const x of changed) lines.push(`| ${icon[x.class]} | ${code(x.address)} | ${md(x.component ?? "")} | ${md(x.message)}${md(allowHint(x))} |`);
    lines.push("");
  }
  if (r.upgrades.length) {
    lines.push("**Upgrade checks**", "", ...r.upgrades.map((u) => `- ${icon[u.class]} ${md(u.message)}${md(allowHint(u))}`), `- ${PRE_UPGRADE_HINT}`, "");
  }
  if (r.drift.length) {
    lines.push("**Drift** (changed outside Terraform)", "", ...r.drift.map((d) => `- ${code(d.address)}: ${md(d.attributes.join(", "))}`), "");
  }
  return `${lines.join("\n")}`;
}

export function formatJson(r: PlanReport): string {
  return `${JSON.stringify(
    {
      class: CLASS_NAMES[r.class],
      exitCode: r.exitCode,
      summary: summaryLine(r),
      counts: r.counts,
      downtime: r.downtime,
      accepted: r.accepted,
      resources: r.resources.map((x) => ({ ...x, class: CLASS_NAMES[x.class] })),
      upgrades: r.upgrades.map((u) => ({ ...u, class: CLASS_NAMES[u.class] })),
      drift: r.drift,
    },
    null,
    2,
  )}\n`;
}
