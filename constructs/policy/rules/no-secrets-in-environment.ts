import { describe, type PolicyContext, type PolicyRule, type SynthResource } from "../policy-rule.js";

/** A container variable allowed to carry a secret, and why no file can do. */
export interface SecretEnvException {
  /** The container's name matches this (e.g. `/-backup$/`). */
  readonly container: RegExp;
  readonly variable: string;
  /** Why the program cannot read it from a file; shown in docs/operator-guide.md, "Secrets". */
  readonly reason: string;
}

/**
 * The variables that may carry a secret, each with its reason. None today: every program here reads its
 * secrets from files (Immich's and the postgres image's `*_FILE`, Authelia's `*_FILE` and template filter,
 * restic's RESTIC_PASSWORD_FILE and AWS_SHARED_CREDENTIALS_FILE, libpq's PGPASSFILE, postgres_exporter's
 * DATA_SOURCE_PASS_FILE, redis_exporter's --redis.password-file, Grafana's $__file{}). An entry needs a reason
 * docs/operator-guide.md ("Secrets") repeats.
 */
export const SECRET_ENV_EXCEPTIONS: readonly SecretEnvException[] = [];

/** Resource types whose attributes hold secrets generated at apply time. */
const SECRET_TYPES = ["random_password", "tls_private_key"];

/** What in a string references a secret: a secret resource, a sensitive variable, or data computed from either. */
function secretReferences(value: string, ctx: PolicyContext, derived: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const m of value.matchAll(/\b(random_password|tls_private_key|terraform_data)\.([A-Za-z0-9_-]+)/g)) {
    const address = `${m[1]}.${m[2]}`;
    if (SECRET_TYPES.includes(m[1]!) || derived.has(address)) found.add(address);
  }
  for (const m of value.matchAll(/\bvar\.([A-Za-z0-9_-]+)/g)) if (ctx.sensitiveVariables.has(m[1]!)) found.add(`var.${m[1]} (sensitive)`);
  return [...found];
}

/** terraform_data resources whose input is a secret (a bcrypt digest of a password is one). */
function secretDerivedData(ctx: PolicyContext): Set<string> {
  const out = new Set<string>();
  for (const r of ctx.resources) {
    if (r.type === "terraform_data" && secretReferences(JSON.stringify(r.config.input ?? ""), ctx, new Set()).length) out.add(r.address);
  }
  return out;
}

/** The rule, with a list of allowed exceptions (the project's is {@link SECRET_ENV_EXCEPTIONS}). */
export function noSecretsInEnvironment(exceptions: readonly SecretEnvException[]): PolicyRule {
  const cache = new WeakMap<PolicyContext, Set<string>>();
  return {
    id: "IIAC014",
    name: "NoSecretsInEnvironment",
    description:
      "No container's environment, command or entrypoint references a secret (random_password, tls_private_key, a sensitive variable, or terraform_data computed from one), except a variable on the documented exception list: secrets go in files (uploads with mode 0400, owned by the reader).",
    rationale:
      "Environment variables and arguments are shown by `docker inspect` to everyone in the docker group, exported by cAdvisor, inherited by every child process and written into crash reports; a file readable by one uid is not.",
    check(r: SynthResource, ctx: PolicyContext) {
      if (r.type !== "docker_container") return [];
      let derived = cache.get(ctx);
      if (!derived) cache.set(ctx, (derived = secretDerivedData(ctx)));
      const problems: string[] = [];
      const name = String(r.config.name ?? "");
      for (const entry of (r.config.env ?? []) as unknown[]) {
        const text = String(entry);
        const variable = text.split("=", 1)[0]!;
        const refs = secretReferences(text, ctx, derived);
        if (refs.length === 0) continue;
        if (exceptions.some((e) => e.variable === variable && e.container.test(name))) continue;
        problems.push(`${describe(r)}: env ${variable} carries ${refs.join(", ")}; deliver it as a file (the program's ${variable}_FILE or equivalent) or add a documented exception`);
      }
      for (const key of ["command", "entrypoint"] as const) {
        for (const arg of (r.config[key] ?? []) as unknown[]) {
          const refs = secretReferences(String(arg), ctx, derived);
          if (refs.length) problems.push(`${describe(r)}: ${key} argument carries ${refs.join(", ")} (every process list shows it); deliver it as a file`);
        }
      }
      return problems;
    },
  };
}

export const NoSecretsInEnvironment: PolicyRule = noSecretsInEnvironment(SECRET_ENV_EXCEPTIONS);
