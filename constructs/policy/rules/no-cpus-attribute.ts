import { describe, type PolicyRule } from "../policy-rule.js";

export const NoCpusAttribute: PolicyRule = {
  id: "IIAC003",
  name: "NoCpusAttribute",
  description: "No docker_container sets `cpus`.",
  rationale: "Setting `cpus` panics provider 3.6.2 (#759); use cpu_shares or cpu_set, which also update in place.",
  check(r) {
    if (r.type !== "docker_container" || r.config.cpus === undefined) return [];
    return [`${describe(r)}: remove cpus (${String(r.config.cpus)}); use cpu_shares or cpu_set`];
  },
};
