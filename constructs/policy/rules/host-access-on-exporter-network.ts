import { Component, LABEL_COMPONENT, LABEL_EXPORTER_NETWORK } from "../../labels.js";
import { describe, labelOf, type PolicyRule, type SynthResource } from "../policy-rule.js";

/** Host paths that hand a container the host: the Docker socket (root through the API), the root file system. */
const HOST_ACCESS_PATHS: ReadonlySet<string> = new Set(["/var/run/docker.sock", "/run/docker.sock", "/"]);
const PROMETHEUS_NAME = /-monitoring-prometheus$/;

/** Why a container has host access, or undefined. */
function hostAccess(c: Readonly<Record<string, any>>): string | undefined {
  const added = ((c.capabilities?.add ?? []) as unknown[]).map(String);
  if (added.length) return `adds ${added.join(", ")}`;
  const bind = ((c.volumes ?? []) as { host_path?: string }[]).find((v) => v.host_path !== undefined && HOST_ACCESS_PATHS.has(v.host_path));
  return bind ? `binds the host's ${bind.host_path}` : undefined;
}

const networkRefs = (n: SynthResource) => [`\${${n.address}.name}`, String(n.config.name)];
const networksOf = (c: Readonly<Record<string, any>>) => ((c.networks_advanced ?? []) as { name: string }[]).map((n) => n.name);

export const HostAccessOnExporterNetwork: PolicyRule = {
  id: "IIAC013",
  name: "HostAccessOnExporterNetwork",
  description: `A container that adds capabilities or binds the Docker socket or the host's root sits on one network only: an internal docker_network labelled ${LABEL_EXPORTER_NETWORK}, which no container joins but it and Prometheus (…-monitoring-prometheus).`,
  rationale:
    "Such a container is the host to whoever controls it: cAdvisor answers on :8080 without credentials with the Docker socket behind it, the SMART exporter sends raw disk commands. Alone with Prometheus on a network without a route out, no other container can call it and it can call no one.",
  check(r, ctx) {
    if (r.type !== "docker_container") return [];
    const why = hostAccess(r.config);
    if (why === undefined) return [];
    const nets = networksOf(r.config);
    if (r.config.network_mode && r.config.network_mode !== "bridge") return [`${describe(r)}: ${why} and uses network_mode "${String(r.config.network_mode)}"; give it its own exporter network`];
    if (nets.length !== 1) return [`${describe(r)}: ${why} and is on ${nets.length} networks (${nets.join(", ") || "the default bridge"}); it must be on its own exporter network only`];
    const net = ctx.resources.find((n) => n.type === "docker_network" && networkRefs(n).includes(nets[0]!));
    if (!net || net.config.internal !== true || labelOf(net.config, LABEL_EXPORTER_NETWORK) === undefined) {
      return [`${describe(r)}: ${why} and is on ${nets[0]}, not an internal network labelled ${LABEL_EXPORTER_NETWORK}`];
    }
    const refs = networkRefs(net);
    const others = ctx.resources.filter(
      (c) =>
        c.type === "docker_container" &&
        c.address !== r.address &&
        networksOf(c.config).some((n) => refs.includes(n)) &&
        !(labelOf(c.config, LABEL_COMPONENT) === Component.MONITORING && PROMETHEUS_NAME.test(String(c.config.name ?? ""))),
    );
    return others.map((c) => `${describe(r)}: ${why}, and ${describe(c)} shares its network ${String(net.config.name)}; only Prometheus may`);
  },
};
