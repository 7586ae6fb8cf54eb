import { describe, type PolicyRule } from "../policy-rule.js";

export const ExplicitLogging: PolicyRule = {
  id: "IIAC002",
  name: "ExplicitLogging",
  description: "Every docker_container sets log_driver and a non-empty log_opts.",
  rationale: "With implicit logging, 3.6.2 reads the daemon's log-opts back and plans a replacement on every run (#473); json-file also never rotates unless told to.",
  check(r) {
    if (r.type !== "docker_container") return [];
    const out: string[] = [];
    if (!r.config.log_driver) out.push(`${describe(r)}: set log_driver (e.g. "json-file")`);
    if (!r.config.log_opts || Object.keys(r.config.log_opts).length === 0) out.push(`${describe(r)}: set log_opts (e.g. max-size and max-file)`);
    return out;
  },
};
