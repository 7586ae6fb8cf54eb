import { classifyChange, ChangeKind, type ClassifiedChange } from "./classify.js";
import type { Plan } from "./plan-json.js";
import { AllowableRisk, checkImmichUpgrade, checkPostgresChange, RiskClass, type Finding } from "./upgrade-rules.js";
import { describeValue, MAX_COMPARED_DEPTH, obj, sameJson, shown, TooDeep } from "./plan-values.js";
import { splitImage } from "./versions.js";

export interface DriftEntry {
  readonly address: string;
  /** Top-level attributes whose value changed outside Terraform. */
  readonly attributes: readonly string[];
}

export interface PlanReport {
  readonly class: RiskClass;
  readonly exitCode: number;
  readonly resources: readonly ClassifiedChange[];
  readonly upgrades: readonly (Finding & { readonly accepted?: boolean })[];
  /** Service → why it goes down; `stack` when a network is recreated. */
  readonly downtime: Readonly<Record<string, string>>;
  readonly drift: readonly DriftEntry[];
  /** Resource changes and upgrade checks per class: the same findings the class (and exit code) is the worst of. */
  readonly counts: Readonly<Record<"none" | "safe" | "maintenance" | "blocked", number>>;
  readonly accepted: readonly AllowableRisk[];
}

const IMAGE_COMPONENT: Readonly<Record<string, string>> = {
  "ghcr.io/immich-app/immich-server": "server",
  "ghcr.io/immich-app/immich-machine-learning": "machine-learning",
  "ghcr.io/immich-app/postgres": "database",
};

const name = (v: unknown) => (v && typeof v === "object" ? (v as { name?: unknown }).name : undefined);

function upgradeFindings(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const afterTags = new Map<string, string>();
  for (const rc of plan.resource_changes) {
    if (rc.type !== "docker_image" || rc.mode === "data") continue;
    const b = name(rc.change.before);
    const a = name(rc.change.after);
    // A reference longer than any real one is no version: shown() keeps it out of messages whole.
    const after = typeof a === "string" ? splitImage(shown(a)) : undefined;
    const before = typeof b === "string" ? splitImage(shown(b)) : undefined;
    const repo = after?.repo ?? before?.repo;
    const component = repo ? IMAGE_COMPONENT[repo] : undefined;
    if (!component) continue;
    if (after) afterTags.set(component, after.tag);
    if (!before || !after || before.tag === after.tag) continue;
    findings.push(...(component === "database" ? checkPostgresChange(before.tag, after.tag) : checkImmichUpgrade(component, before.tag, after.tag)));
  }
  const server = afterTags.get("server");
  const ml = afterTags.get("machine-learning")?.replace(/-(cuda|openvino|rocm|rknn|armnn)$/, "");
  if (server && ml && server !== ml) {
    findings.push({
      class: RiskClass.BLOCKED,
      allow: AllowableRisk.VERSION_MISMATCH,
      message: `machine-learning ${ml} would run next to server ${server}: keep both on the same release`,
    });
  }
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.message) ? false : (seen.add(f.message), true)));
}

/**
 * A value with "unset" and the type's zero value made the same: refresh fills attributes absent from the
 * configuration (null → [], {}, "" or 0; seen with the docker provider 4.6 in the real-apply suite), which
 * is no change anyone made. Depth-bounded ({@link TooDeep}).
 */
function settled(v: unknown, depth = 0): unknown {
  if (v === null || v === undefined || v === "" || v === 0 || v === false) return null;
  if (typeof v !== "object") return v;
  if (depth > MAX_COMPARED_DEPTH) throw new TooDeep();
  if (Array.isArray(v)) {
    const items = v.map((x) => settled(x, depth + 1));
    return items.length === 0 ? null : items;
  }
  const entries = Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => [k, settled(x, depth + 1)] as const)
    .filter(([, x]) => x !== null);
  return entries.length === 0 ? null : Object.fromEntries(entries);
}

/** Whether an attribute moved outside Terraform; one nested too deep to compare is reported as moved. */
function drifted(before: unknown, after: unknown): boolean {
  try {
    return !sameJson(settled(before), settled(after));
  } catch (e) {
    if (e instanceof TooDeep) return true;
    throw e;
  }
}

function driftOf(plan: Plan): DriftEntry[] {
  const out: DriftEntry[] = [];
  for (const rc of plan.resource_drift) {
    if (rc.change.actions.includes("delete")) {
      out.push({ address: rc.address, attributes: ["(deleted outside Terraform)"] });
      continue;
    }
    const { before, after } = rc.change;
    const b = before === null || before === undefined ? {} : obj(before);
    const a = after === null || after === undefined ? {} : obj(after);
    // A state that is not a mapping (a plan file made by hand) is described, never enumerated or quoted.
    if (!b || !a) {
      out.push({ address: rc.address, attributes: [`(the whole resource: ${describeValue(before)} → ${describeValue(after)})`] });
      continue;
    }
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => drifted(b[k], a[k])).sort();
    if (keys.length > 0) out.push({ address: rc.address, attributes: keys });
  }
  return out;
}

const COUNT_KEY: Readonly<Record<RiskClass, "none" | "safe" | "maintenance" | "blocked">> = {
  [RiskClass.NONE]: "none",
  [RiskClass.SAFE]: "safe",
  [RiskClass.MAINTENANCE]: "maintenance",
  [RiskClass.BLOCKED]: "blocked",
};

/** The whole report: every change classified, upgrade gates, downtime per service, drift, the exit code. */
export function buildReport(plan: Plan, allow: readonly AllowableRisk[] = []): PlanReport {
  const accept = <T extends { class: RiskClass; allow?: AllowableRisk | undefined }>(x: T): T & { accepted?: boolean } =>
    x.class === RiskClass.BLOCKED && x.allow && allow.includes(x.allow) ? { ...x, class: RiskClass.MAINTENANCE, accepted: true } : x;
  const resources = plan.resource_changes.map((rc) => accept(classifyChange(rc)));
  const upgrades = upgradeFindings(plan).map(accept);
  const downtime: Record<string, string> = {};
  for (const r of resources) {
    if (r.kind === ChangeKind.NETWORK_RECREATED) downtime.stack = "network recreated";
    else if ((r.kind === ChangeKind.SERVICE_RECREATED || r.kind === ChangeKind.SERVICE_REMOVED) && r.component) {
      downtime[r.component] ??= r.kind === ChangeKind.SERVICE_REMOVED ? "removed" : r.cause ? `recreated (${r.cause})` : "recreated";
    }
  }
  // The verdict and the counts come from one list: every resource change and every upgrade check.
  const counts = { none: 0, safe: 0, maintenance: 0, blocked: 0 };
  let cls = RiskClass.NONE;
  for (const x of [resources, upgrades]) {
    for (const f of x) {
      counts[COUNT_KEY[f.class]]++;
      if (f.class > cls) cls = f.class;
    }
  }
  return { class: cls, exitCode: cls, resources, upgrades, downtime, drift: driftOf(plan), counts, accepted: [...allow] };
}
