import { Container, type ContainerConfig } from "../../providers/docker/container/index.js";
import { Network } from "../../providers/docker/network/index.js";
import { DockerProvider } from "../../providers/docker/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { evaluatePolicy, HostAccessOnExporterNetwork } from "../../constructs/policy/index.js";
import { COMPLIANT } from "./policy-util.js";

const MONITORING = [{ label: "io.immich-iac.component", value: "monitoring" }];
const SOCKET = [{ hostPath: "/var/run/docker.sock", containerPath: "/var/run/docker.sock", readOnly: true }];
const EXPORTER_LABEL = [{ label: "io.immich-iac.exporter-network", value: "cadvisor" }];

/**
 * A stack with an exporter network `x` (internal, labelled unless told) and a plain network `n`; `containers`
 * name the networks they join by those letters. Returns what IIAC013 reports.
 */
function check(containers: Record<string, Partial<ContainerConfig> & { on: string[] }>, exporter: { internal?: boolean; labelled?: boolean } = {}): string[] {
  const app = new App({ outdir: "/tmp/iac-policy-unused" });
  const stack = new TerraformStack(app, "s");
  new DockerProvider(stack, "docker", {});
  const nets: Record<string, Network> = {
    x: new Network(stack, "x", { name: "x", internal: exporter.internal ?? true, ...(exporter.labelled === false ? {} : { labels: EXPORTER_LABEL }) }),
    n: new Network(stack, "n", { name: "n", internal: true }),
  };
  for (const [id, { on, ...c }] of Object.entries(containers)) {
    new Container(stack, id, { ...COMPLIANT, name: id, networksAdvanced: on.map((k) => ({ name: nets[k]!.name })), ...c });
  }
  return evaluatePolicy(stack, [HostAccessOnExporterNetwork]).map((v) => v.message);
}

const cadvisor = { labels: MONITORING, volumes: SOCKET };
const prometheus = { labels: MONITORING };

describe("IIAC013 HostAccessOnExporterNetwork", () => {
  it("passes a container with no host access anywhere, and one with host access alone with Prometheus on an exporter network", () => {
    expect(check({ c: { on: ["n"] } })).toEqual([]);
    expect(check({ "immich-t-monitoring-cadvisor": { ...cadvisor, on: ["x"] }, "immich-t-monitoring-prometheus": { ...prometheus, on: ["x", "n"] } })).toEqual([]);
  });

  it("refuses the Docker socket on a network that is not an exporter network", () => {
    expect(check({ c: { volumes: SOCKET, on: ["n"] } })).toEqual(['docker_container.c ("c"): binds the host\'s /var/run/docker.sock and is on ${docker_network.n.name}, not an internal network labelled io.immich-iac.exporter-network']);
  });

  it("refuses added capabilities on two networks, the exporter's among them", () => {
    expect(check({ c: { capabilities: { add: ["CAP_SYS_RAWIO"] }, on: ["x", "n"] } })).toEqual([
      'docker_container.c ("c"): adds CAP_SYS_RAWIO and is on 2 networks (${docker_network.x.name}, ${docker_network.n.name}); it must be on its own exporter network only',
    ]);
  });

  it("refuses the host's root on an exporter network that has a way out", () => {
    expect(check({ c: { volumes: [{ hostPath: "/", containerPath: "/host", readOnly: true }], on: ["x"] } }, { internal: false })).toEqual([
      'docker_container.c ("c"): binds the host\'s / and is on ${docker_network.x.name}, not an internal network labelled io.immich-iac.exporter-network',
    ]);
  });

  it("refuses an unlabelled internal network", () => {
    expect(check({ c: { volumes: SOCKET, on: ["x"] } }, { labelled: false })).toEqual([
      'docker_container.c ("c"): binds the host\'s /var/run/docker.sock and is on ${docker_network.x.name}, not an internal network labelled io.immich-iac.exporter-network',
    ]);
  });

  it("refuses another container on the exporter network, also one merely named like Prometheus outside monitoring", () => {
    expect(check({ c: { volumes: SOCKET, on: ["x"] }, "immich-t-server": { on: ["x", "n"] }, "immich-t-monitoring-prometheus": { on: ["x"] } })).toEqual([
      'docker_container.c ("c"): binds the host\'s /var/run/docker.sock, and docker_container.immich-t-server ("immich-t-server") shares its network x; only Prometheus may',
      'docker_container.c ("c"): binds the host\'s /var/run/docker.sock, and docker_container.immich-t-monitoring-prometheus ("immich-t-monitoring-prometheus") shares its network x; only Prometheus may',
    ]);
  });
});
