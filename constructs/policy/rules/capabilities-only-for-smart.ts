import { SMART_CAPABILITIES } from "../../../src/monitoring/monitoring-settings.js";
import { Component, LABEL_COMPONENT } from "../../labels.js";
import { describe, labelOf, type PolicyRule } from "../policy-rule.js";

const SMART_NAME = /-monitoring-smartctl-exporter$/;
const SMART_ALLOWED: ReadonlySet<string> = new Set([...SMART_CAPABILITIES.always, ...SMART_CAPABILITIES.nvme]);

export const CapabilitiesOnlyForSmart: PolicyRule = {
  id: "IIAC012",
  name: "CapabilitiesOnlyForSmart",
  description:
    "No container adds Linux capabilities or runs privileged, except the SMART exporter (monitoring, …-monitoring-smartctl-exporter): it may add CAP_SYS_RAWIO and CAP_SYS_ADMIN, with every device it maps read-only (\"r\").",
  rationale:
    "An added capability is a way out of the container onto the host. Reading SMART data is the one job here that needs raw disk commands; read-only device access keeps it from writing a disk even then.",
  check(r) {
    if (r.type !== "docker_container") return [];
    const problems: string[] = [];
    if (r.config.privileged === true) problems.push(`${describe(r)}: runs privileged (every host device and capability); map the devices it needs instead`);
    const added = ((r.config.capabilities?.add ?? []) as string[]).map(String);
    if (added.length === 0) return problems;
    const smart = labelOf(r.config, LABEL_COMPONENT) === Component.MONITORING && SMART_NAME.test(String(r.config.name ?? ""));
    if (!smart) return [...problems, `${describe(r)}: adds capabilities ${added.join(", ")}; only the SMART exporter may`];
    const other = added.filter((c) => !SMART_ALLOWED.has(c));
    if (other.length) problems.push(`${describe(r)}: adds ${other.join(", ")}; the SMART exporter needs only ${[...SMART_ALLOWED].join(" and ")}`);
    for (const d of (r.config.devices ?? []) as { host_path?: string; permissions?: string }[]) {
      if (d.permissions !== "r") problems.push(`${describe(r)}: device ${String(d.host_path)} is mapped "${String(d.permissions)}"; with raw disk commands it must be read-only ("r")`);
    }
    return problems;
  },
};
