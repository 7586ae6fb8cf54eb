import { describe, type PolicyRule } from "../policy-rule.js";

/** `type.name` or `type.name.attribute…`: what Terraform's JSON syntax accepts in these two places. */
const BARE_REFERENCE = /^[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

export const BareLifecycleReferences: PolicyRule = {
  id: "IIAC009",
  name: "BareLifecycleReferences",
  description: "Every entry of lifecycle.replace_triggered_by and depends_on is a bare reference (`terraform_data.x`), not an interpolation.",
  rationale:
    "Terraform's JSON syntax reads these lists as references and rejects `${…}` with \"Invalid character\" before init installs a provider; cdktf 0.21 writes `${…}` for resource objects in replace_triggered_by.",
  check(r) {
    const lists: [string, unknown][] = [
      ["lifecycle.replace_triggered_by", r.config.lifecycle?.replace_triggered_by],
      ["depends_on", r.config.depends_on],
    ];
    const out: string[] = [];
    for (const [path, list] of lists) {
      for (const entry of (list ?? []) as unknown[]) {
        if (typeof entry !== "string" || !BARE_REFERENCE.test(entry)) {
          out.push(`${describe(r)}: ${path} entry ${JSON.stringify(entry)} must be a bare reference like "terraform_data.x"; use resourceAddress()`);
        }
      }
    }
    return out;
  },
};
