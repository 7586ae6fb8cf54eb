import { describe, type PolicyRule } from "../policy-rule.js";

export const DevicesFullySpecified: PolicyRule = {
  id: "IIAC001",
  name: "DevicesFullySpecified",
  description: "Every `devices` entry of a docker_container sets host_path, container_path and permissions.",
  rationale: "Provider 3.6.2 reads defaults back for omitted fields and replaces the container on every plan (#603).",
  check(r) {
    if (r.type !== "docker_container") return [];
    return ((r.config.devices ?? []) as Record<string, unknown>[])
      .filter((d) => !d.container_path || !d.permissions)
      .map((d) => `${describe(r)}: device ${String(d.host_path)} needs container_path and permissions (e.g. "rwm")`);
  },
};
