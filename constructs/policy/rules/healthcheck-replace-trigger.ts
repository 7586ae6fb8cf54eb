import { isGoDuration } from "../../go-duration.js";
import { describe, type PolicyRule } from "../policy-rule.js";

const DURATIONS = ["interval", "timeout", "start_period", "start_interval"];

export const HealthcheckReplaceTrigger: PolicyRule = {
  id: "IIAC005",
  name: "HealthcheckReplaceTrigger",
  description:
    "A docker_container with a healthcheck is replaced when it changes (replace_triggered_by a terraform_data), and its durations use Go's canonical form.",
  rationale:
    "3.6.2 plans healthcheck edits as updates that never reach the container (#988), and reads durations back as Go prints them (1m → 1m0s), which diffs forever.",
  check(r) {
    if (r.type !== "docker_container" || !r.config.healthcheck) return [];
    const out: string[] = [];
    const triggers = ((r.config.lifecycle?.replace_triggered_by ?? []) as string[]).filter((t) => /^terraform_data\./.test(t));
    if (triggers.length === 0) out.push(`${describe(r)}: has a healthcheck but no lifecycle.replace_triggered_by on a terraform_data holding its hash`);
    const hc = Array.isArray(r.config.healthcheck) ? r.config.healthcheck[0] : r.config.healthcheck;
    for (const key of DURATIONS) {
      const v = hc?.[key];
      if (v !== undefined && !isGoDuration(String(v))) out.push(`${describe(r)}: healthcheck.${key} "${String(v)}" is not in Go's form (e.g. "30s", "5m0s")`);
    }
    return out;
  },
};
