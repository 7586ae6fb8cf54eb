/** A resource as it will be synthesized (snake_case, overrides merged, tokens resolved to `${…}`). */
export interface SynthResource {
  readonly type: string;
  /** `docker_container.immich_Server_…` */
  readonly address: string;
  readonly config: Readonly<Record<string, any>>;
}

/** Everything a rule may look at besides the resource itself. */
export interface PolicyContext {
  readonly resources: readonly SynthResource[];
  /** The stack's `terraform` block (required_providers, backend). */
  readonly terraform: Readonly<Record<string, any>>;
  /** Names of the stack's variables declared `sensitive`. */
  readonly sensitiveVariables: ReadonlySet<string>;
}

/**
 * One policy rule: a pure check over the synthesized resources. A rule returns one message per violation
 * (empty when compliant); a rule that throws counts as a violation.
 */
export interface PolicyRule {
  /** Stable id, `IIAC` + 3 digits. */
  readonly id: string;
  readonly name: string;
  /** What it checks. */
  readonly description: string;
  /** Why it matters: the failure it prevents. */
  readonly rationale: string;
  check(resource: SynthResource, context: PolicyContext): readonly string[];
}

/** The value of a label in a `labels` block list. */
export function labelOf(config: Readonly<Record<string, any>>, label: string): string | undefined {
  const labels = (config.labels ?? []) as { label: string; value: string }[];
  return labels.find((l) => l.label === label)?.value;
}

/** A readable name for messages: the container or volume name when known. */
export function describe(r: SynthResource): string {
  return r.config.name ? `${r.address} ("${r.config.name}")` : r.address;
}
