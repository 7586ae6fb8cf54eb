import { describe, type PolicyRule } from "../policy-rule.js";

export const ExplicitMemorySwap: PolicyRule = {
  id: "IIAC010",
  name: "ExplicitMemorySwap",
  description: "A docker_container with a memory limit sets memory_swap too.",
  rationale:
    "With memory set and memory_swap unset, Docker allows twice the limit as memory+swap and the provider reads that back, so every plan shows an update (seen in the real-apply suite).",
  check(r) {
    if (r.type !== "docker_container" || r.config.memory === undefined || r.config.memory_swap !== undefined) return [];
    return [`${describe(r)}: memory is ${String(r.config.memory)} MiB but memory_swap is unset; set it (equal to memory for no swap)`];
  },
};
