import { LABEL_COMPONENT, STATEFUL_COMPONENTS } from "../../labels.js";
import { describe, labelOf, type PolicyRule } from "../policy-rule.js";

export const StatefulStopGrace: PolicyRule = {
  id: "IIAC004",
  name: "StatefulStopGrace",
  description: `Containers of stateful components (${STATEFUL_COMPONENTS.join(", ")}) set destroy_grace_seconds > 0.`,
  rationale: "Unset means 0: every replace or destroy SIGKILLs at once, cutting a database checkpoint, an AOF write or a transcode.",
  check(r) {
    if (r.type !== "docker_container") return [];
    const component = labelOf(r.config, LABEL_COMPONENT);
    if (!STATEFUL_COMPONENTS.includes(component as never)) return [];
    const grace = Number(r.config.destroy_grace_seconds ?? 0);
    return grace > 0 ? [] : [`${describe(r)}: ${component} needs destroy_grace_seconds > 0 (got ${grace})`];
  },
};
