import { describe, type PolicyRule } from "../policy-rule.js";

/** Lowest versions a constraint string admits, roughly: enough to tell whether 3.6.x/3.7.x stay allowed. */
function allowsBelow380(constraint: string): boolean {
  const lower = /(>=|>|~>|=)?\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(constraint);
  if (!lower) return true;
  const [, op, maj, min] = lower;
  const major = Number(maj);
  const minor = Number(min);
  if (op === undefined || op === "=" || op === ">=" || op === "~>") return major < 3 || (major === 3 && minor < 8);
  return major < 3 || (major === 3 && minor < 7);
}

export const ProviderVersionForSystemPaths: PolicyRule = {
  id: "IIAC008",
  name: "ProviderVersionForSystemPaths",
  description: "A container with security_opts systempaths=unconfined (RKNN, RKMPP) needs a kreuzwerker/docker constraint of ≥ 3.8.0.",
  rationale: "3.6.2 and 3.7 fail at create with `invalid --security-opt 2` for systempaths=unconfined (#795, fixed in 3.8.0).",
  check(r, ctx) {
    if (r.type !== "docker_container") return [];
    const opts = (r.config.security_opts ?? []) as string[];
    if (!opts.includes("systempaths=unconfined")) return [];
    const constraint = String(ctx.terraform.required_providers?.docker?.version ?? "");
    return allowsBelow380(constraint)
      ? [`${describe(r)}: uses systempaths=unconfined, but the docker provider constraint "${constraint}" allows versions below 3.8.0`]
      : [];
  },
};
