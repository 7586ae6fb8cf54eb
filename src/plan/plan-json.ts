import { z } from "zod";
import { describeIssue, parseYaml } from "../profile/load-yaml.js";
import { formatPath, InputError } from "../profile/problems.js";
import { lineCol, MAX_PLAN_BYTES, readInputFile } from "../profile/read-input.js";

/**
 * The parts of Terraform's machine-readable plan (`terraform show -json`, format_version 1.x) the report
 * reads. Unknown keys pass: the format grows.
 */
const ChangeSchema = z.looseObject({
  actions: z.array(z.enum(["no-op", "create", "read", "update", "delete", "forget"])).min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
});

const ResourceChangeSchema = z.looseObject({
  address: z.string().min(1),
  mode: z.enum(["managed", "data"]).optional(),
  type: z.string().min(1),
  name: z.string().optional(),
  change: ChangeSchema,
  action_reason: z.string().optional(),
  previous_address: z.string().optional(),
});

export const PlanSchema = z.looseObject({
  format_version: z.string().regex(/^1\.\d+$/, { error: "expected a Terraform JSON plan, format_version 1.x (terraform show -json tfplan)" }),
  terraform_version: z.string().optional(),
  resource_changes: z.array(ResourceChangeSchema).default([]),
  resource_drift: z.array(ResourceChangeSchema).default([]),
});

export type Plan = z.output<typeof PlanSchema>;

/** The plan without its resource lists' items, which are checked one at a time (see {@link checkPlan}). */
const PlanShellSchema = PlanSchema.extend({ resource_changes: z.array(z.unknown()).default([]), resource_drift: z.array(z.unknown()).default([]) });

/**
 * The plan checked by {@link PlanSchema}, keeping the parsed items themselves: the schema passes them through
 * unchanged, and a copy of a million resource changes would double the memory a large plan takes.
 */
function checkPlan(data: unknown): { plan: Plan } | { issues: z.core.$ZodIssue[] } {
  const shell = PlanShellSchema.safeParse(data);
  if (!shell.success) return { issues: shell.error.issues };
  const issues: z.core.$ZodIssue[] = [];
  for (const key of ["resource_changes", "resource_drift"] as const) {
    const items = shell.data[key];
    for (let i = 0; i < items.length && issues.length < 100; i++) {
      const r = ResourceChangeSchema.safeParse(items[i]);
      if (!r.success) issues.push(...r.error.issues.map((x) => ({ ...x, path: [key, i, ...x.path] })));
    }
  }
  return issues.length ? { issues } : { plan: shell.data as Plan };
}
export type ResourceChange = z.output<typeof ResourceChangeSchema>;

/** Reads a JSON plan file (bounded size, regular files only). */
export function loadPlanFile(file: string): Plan {
  return parsePlan(readInputFile(file, MAX_PLAN_BYTES), file);
}

/**
 * Parses a JSON plan. Only JSON is accepted: a YAML file or any other text is refused with the line and
 * column JSON.parse stopped at (never a quote of the file). When the JSON is well-formed but not a plan, the
 * text is read once more, as JSON, by the YAML parser only to point at the offending field.
 */
export function parsePlan(text: string, file = "<plan>"): Plan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const [line, col] = jsonErrorPosition(text, (e as Error).message);
    throw new InputError([{ file, line, col, path: "(json)", message: "not valid JSON (expected the output of terraform show -json tfplan)" }]);
  }
  const quick = checkPlan(data);
  if ("plan" in quick) return quick.plan;
  // JSON is YAML: the same checks, now located. A large plan is not re-read (memory); its problems point at 1:1.
  if (text.length <= MAX_LOCATED_PLAN_CHARS) return parseYaml(text, file, PlanSchema);
  throw new InputError(
    quick.issues.slice(0, 100).map((i) => ({ file, line: 1, col: 1, path: formatPath(i.path), message: describeIssue(i) })),
  );
}

/** Plans up to this size are re-read to locate a schema problem by line and column. */
const MAX_LOCATED_PLAN_CHARS = 4 * 1024 * 1024;

/** Where JSON.parse stopped: V8 says "at position N" (Node 20) or "(line L column C)" (Node 22). */
function jsonErrorPosition(text: string, message: string): [number, number] {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return [Number(lc[1]), Number(lc[2])];
  const pos = /at position (\d+)/.exec(message);
  return lineCol(text, pos ? Number(pos[1]) : /end of JSON input/.test(message) ? text.length : 0);
}
