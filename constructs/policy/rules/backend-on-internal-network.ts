import { BACKEND_COMPONENTS, LABEL_COMPONENT } from "../../labels.js";
import { describe, labelOf, type PolicyRule } from "../policy-rule.js";

export const BackendOnInternalNetwork: PolicyRule = {
  id: "IIAC007",
  name: "BackendOnInternalNetwork",
  description: `Containers of ${BACKEND_COMPONENTS.join(" and ")} attach only to docker_networks with internal = true.`,
  rationale: "The database and Redis have no business talking to the outside; an internal network gives them no route out and no way in.",
  check(r, ctx) {
    if (r.type !== "docker_container") return [];
    const component = labelOf(r.config, LABEL_COMPONENT);
    if (!BACKEND_COMPONENTS.includes(component as never)) return [];
    const nets = (r.config.networks_advanced ?? []) as { name: string }[];
    if (r.config.network_mode && r.config.network_mode !== "bridge") {
      return [`${describe(r)}: ${component} must not use network_mode "${String(r.config.network_mode)}"`];
    }
    if (nets.length === 0) return [`${describe(r)}: ${component} must attach to an internal network (it would sit on the default bridge)`];
    const internalRefs = new Set(
      ctx.resources.filter((n) => n.type === "docker_network" && n.config.internal === true).flatMap((n) => [`\${${n.address}.name}`, String(n.config.name)]),
    );
    return nets.filter((n) => !internalRefs.has(n.name)).map((n) => `${describe(r)}: ${component} is attached to non-internal network ${n.name}`);
  },
};
