import { z } from "zod";
import { parseYaml, readInputFile } from "../profile/load-yaml.js";

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
export type ResourceChange = z.output<typeof ResourceChangeSchema>;

/**
 * Reads a plan file. JSON.parse keeps large plans fast; only when the plan is malformed is it parsed
 * again with the YAML parser (JSON is YAML) to point at the line and column.
 */
export function loadPlanFile(file: string): Plan {
  return parsePlan(readInputFile(file), file);
}

export function parsePlan(text: string, file = "<plan>"): Plan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return parseYaml(text, file, PlanSchema); // reports the syntax error with line:col
  }
  const quick = PlanSchema.safeParse(data);
  if (quick.success) return quick.data;
  return parseYaml(text, file, PlanSchema);
}
