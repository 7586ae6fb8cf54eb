import { Annotations, TerraformResource, TerraformStack, type IAspect } from "cdktf";
import { resolve } from "cdktf/lib/_tokens.js";
import type { IConstruct } from "constructs";
import type { PolicyContext, PolicyRule, SynthResource } from "./policy-rule.js";

/** One violation, as reported. */
export interface PolicyViolation {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly address: string;
  readonly message: string;
}

/** The resources of a stack as they will be synthesized, with the construct behind each. */
export function synthResources(stack: TerraformStack): { resource: SynthResource; node: TerraformResource }[] {
  const out: { resource: SynthResource; node: TerraformResource }[] = [];
  for (const node of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(node)) continue;
    const tf = resolve(stack, node.toTerraform()) as { resource?: Record<string, Record<string, Record<string, any>>> };
    for (const [type, byName] of Object.entries(tf.resource ?? {})) {
      for (const [name, config] of Object.entries(byName)) {
        out.push({ resource: { type, address: `${type}.${name}`, config }, node });
      }
    }
  }
  return out;
}

/** Runs every rule over a stack; pure, for tests and for the aspect. */
export function evaluatePolicy(
  stack: TerraformStack,
  rules: readonly PolicyRule[],
  entries: readonly { resource: SynthResource }[] = synthResources(stack),
): PolicyViolation[] {
  let whole: { terraform?: Record<string, any>; variable?: Record<string, { sensitive?: boolean }> } | undefined;
  // Resolving the whole stack is costly; only rules that read the terraform block or the variables pay for it.
  const resolved = () => (whole ??= resolve(stack, stack.toTerraform()) as NonNullable<typeof whole>);
  let sensitive: ReadonlySet<string> | undefined;
  const context: PolicyContext = {
    resources: entries.map((e) => e.resource),
    get terraform() {
      return resolved().terraform ?? {};
    },
    get sensitiveVariables() {
      sensitive ??= new Set(Object.entries(resolved().variable ?? {}).filter(([, v]) => v.sensitive === true).map(([k]) => k));
      return sensitive;
    },
  };
  const violations: PolicyViolation[] = [];
  for (const { resource } of entries) {
    for (const rule of rules) {
      let messages: readonly string[];
      try {
        messages = rule.check(resource, context);
      } catch (e) {
        messages = [`rule crashed: ${(e as Error).message}`];
      }
      for (const message of messages) violations.push({ ruleId: rule.id, ruleName: rule.name, address: resource.address, message });
    }
  }
  return violations;
}

export function formatViolation(v: PolicyViolation, rules: readonly PolicyRule[]): string {
  const rule = rules.find((r) => r.id === v.ruleId);
  return `[${v.ruleId} ${v.ruleName}] ${v.message}${rule ? ` — ${rule.rationale}` : ""}`;
}

/**
 * Fails synth on any violation: each becomes an error annotation on the offending resource, and cdktf
 * refuses to write the stack.
 */
export class PolicyAspect implements IAspect {
  constructor(private readonly rules: readonly PolicyRule[]) {}

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const entries = synthResources(node);
    const byAddress = new Map(entries.map((e) => [e.resource.address, e.node]));
    for (const v of evaluatePolicy(node, this.rules, entries)) {
      Annotations.of(byAddress.get(v.address) ?? node).addError(formatViolation(v, this.rules));
    }
  }
}
