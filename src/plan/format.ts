import { visible } from "../profile/problems.js";
import { shown } from "./plan-values.js";
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

/** Plan-supplied text on a terminal line: control characters shown, never sent; long text described. */
const term = (s: string) => visible(shown(s));

function* terminalLines(r: PlanReport): Generator<string> {
  yield `immich-iac plan report: ${visible(summaryLine(r))}`;
  // One pass per section instead of a copy per section: a plan may hold a million changes.
  for (const [title, cls, mark] of [["Blocked", RiskClass.BLOCKED, "✗"], ["Maintenance window", RiskClass.MAINTENANCE, "!"], ["Safe", RiskClass.SAFE, "✓"]] as const) {
    let first = true;
    for (const x of r.resources) {
      if (x.class !== cls) continue;
      if (first) yield* ["", title];
      first = false;
      yield `  ${mark} ${term(x.address)}${x.component ? ` [${visible(x.component)}]` : ""}: ${visible(x.message)}${allowHint(x)}`;
    }
  }
  if (r.upgrades.length) {
    yield* ["", "Upgrade checks"];
    for (const u of r.upgrades) yield `  ${u.class === RiskClass.BLOCKED ? "✗" : "!"} ${visible(u.message)}${allowHint(u)}`;
    yield `  → ${PRE_UPGRADE_HINT}`;
  }
  if (r.drift.length) {
    yield* ["", "Drift (changed outside Terraform)"];
    for (const d of r.drift) yield `  ~ ${term(d.address)}: ${d.attributes.map(term).join(", ") || "(no attribute differs)"}`;
  }
  yield "";
}

export const formatTerminal = (r: PlanReport): string => [...terminalLines(r)].join("\n");

/**
 * Plain Markdown text: every character that can start inline markup backslash-escaped (CommonMark allows it
 * for any ASCII punctuation), so no text from the plan opens a link, an image, a code span, emphasis, a table
 * cell or an autolink (`:`, `.` and `@` break `http://`, `www.` and e-mail); `<`, `>` and `&` as entities, so
 * no HTML and no entity; control characters and line breaks shown. The text never starts a line (no
 * heading or list marker to escape).
 */
export const md = (s: string) =>
  visible(s).replace(/[\\`*_[\]!<>&|~:.@]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`));

/**
 * A code span that stays one: fenced by one backtick more than the longest run inside (CommonMark), padded
 * so a backtick at either end cannot join the fence. In a table cell `|` is escaped too (GFM splits cells
 * before it reads code spans, and shows `\|` as `|`).
 */
export const code = (s: string, inTable = true) => {
  const t = inTable ? visible(shown(s)).replace(/\|/g, "\\|") : visible(shown(s));
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return longest ? `${fence} ${t} ${fence}` : `${fence}${t}${fence}`;
};

function* markdownLines(r: PlanReport): Generator<string> {
  const icon: Record<RiskClass, string> = { [RiskClass.NONE]: "", [RiskClass.SAFE]: "✅", [RiskClass.MAINTENANCE]: "⚠️", [RiskClass.BLOCKED]: "⛔" };
  yield* [`### immich-iac plan: ${icon[r.class]} ${CLASS_NAMES[r.class]}`, "", md(summaryLine(r)), ""];
  const changed = r.resources.filter((x) => x.class !== RiskClass.NONE).sort((a, b) => b.class - a.class || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  if (changed.length) {
    yield* ["| | Resource | Service | What it means |", "|---|---|---|---|"];
    for (const x of changed) yield `| ${icon[x.class]} | ${code(x.address)} | ${md(x.component ?? "")} | ${md(x.message)}${md(allowHint(x))} |`;
    yield "";
  }
  if (r.upgrades.length) {
    yield* ["**Upgrade checks**", "", ...r.upgrades.map((u) => `- ${icon[u.class]} ${md(u.message)}${md(allowHint(u))}`), `- ${md(PRE_UPGRADE_HINT)}`, ""];
  }
  if (r.drift.length) {
    yield* ["**Drift** (changed outside Terraform)", "", ...r.drift.map((d) => `- ${code(d.address, false)}: ${d.attributes.map((a) => md(shown(a))).join(", ")}`), ""];
  }
}

export const formatMarkdown = (r: PlanReport): string => [...markdownLines(r)].join("\n");

/** Pretty JSON of an object's members, without its braces: `\n  "key": value,…`. */
const members = (o: Record<string, unknown>) => JSON.stringify(o, null, 2).slice(1, -2);

/** The report as JSON; each resource on one line, so a plan of a million changes stays small. */
function* jsonLines(r: PlanReport): Generator<string> {
  const head = { class: CLASS_NAMES[r.class], exitCode: r.exitCode, summary: summaryLine(r), counts: r.counts, downtime: r.downtime, accepted: r.accepted };
  const tail = { upgrades: r.upgrades.map((u) => ({ ...u, class: CLASS_NAMES[u.class] })), drift: r.drift };
  yield `{${members(head)},`;
  if (!r.resources.length) yield `  "resources": [],`;
  else {
    yield `  "resources": [`;
    const last = r.resources.length - 1;
    for (let i = 0; i <= last; i++) yield `    ${JSON.stringify({ ...r.resources[i]!, class: CLASS_NAMES[r.resources[i]!.class] })}${i < last ? "," : ""}`;
    yield "  ],";
  }
  yield `${members(tail).slice(1)}\n}`;
  yield "";
}

export const formatJson = (r: PlanReport): string => [...jsonLines(r)].join("\n");

/**
 * Writes the report in the chosen format a few thousand lines at a time: the same text as the format…
 * functions, without holding all of it (and its UTF-8 copy) at once.
 */
export function writeReport(r: PlanReport, format: { readonly json?: boolean | undefined; readonly markdown?: boolean | undefined }, out: (text: string) => void): void {
  const lines = format.json ? jsonLines(r) : format.markdown ? markdownLines(r) : terminalLines(r);
  let batch: string[] = [];
  let first = true;
  for (const line of lines) {
    batch.push(line);
    if (batch.length === 4096) {
      out(`${first ? "" : "\n"}${batch.join("\n")}`);
      first = false;
      batch = [];
    }
  }
  if (batch.length) out(`${first ? "" : "\n"}${batch.join("\n")}`);
}
