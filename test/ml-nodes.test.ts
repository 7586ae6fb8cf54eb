import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadDeploymentFile, type Deployment } from "../src/deployment/load-deployment.js";
import { deploymentTuning } from "../src/deployment/deployment-tuning.js";
import { formatProblem, InputError } from "../src/profile/problems.js";
import { ImmichDeploymentStack } from "../stacks/deployment-stack.js";
import { REPO } from "./util.js";
import { SHELLCHECK } from "./tools.js";

const TEST_USER = {
  name: "alice",
  displayName: "Alice",
  email: "alice@example.com",
  groups: ["admins"],
  passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys",
};
const FIXTURES = join(REPO, "test", "fixtures", "ml-nodes");
const node = (name: string, i: number, over: Record<string, unknown> = {}) => ({
  name,
  dockerHost: `ssh://immich-deploy@${name}.lan`,
  address: `192.168.10.${20 + i}`,
  hardwareProfile: join(FIXTURES, `${name}.yaml`),
  ...over,
});
const FOUR = ["nvidia-node", "amd-node", "intel-node", "rk3588-node"].map((n, i) => node(n, i));

function write(machineLearning: Record<string, unknown>, spec: Record<string, unknown> = {}): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "iac-mlnodes-"));
  const file = join(dir, "d.yaml");
  const doc = {
    apiVersion: "immich-iac/v1",
    kind: "Deployment",
    metadata: { name: "t" },
    spec: { hardwareProfile: "homelab-minimal", domain: "photos.example.com", timezone: "Europe/Berlin", dockerHost: "ssh://immich-deploy@immich.lan", machineLearning, ...spec, auth: { users: [TEST_USER] } },
  };
  writeFileSync(file, stringify(doc));
  return { dir, file };
}
const load = (machineLearning: Record<string, unknown>, spec: Record<string, unknown> = {}): Deployment => loadDeploymentFile(write(machineLearning, spec).file);
function problems(machineLearning: Record<string, unknown>, spec: Record<string, unknown> = {}): string[] {
  const { dir, file } = write(machineLearning, spec);
  try {
    loadDeploymentFile(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => formatProblem(p).replace(dir + "/", "").replace(FIXTURES + "/", "fixtures/"));
  }
}
function synth(d: Deployment): any {
  const outdir = mkdtempSync(join(tmpdir(), "iac-mlnodes-synth-"));
  const app = new App({ outdir, skipBackendValidation: true });
  new ImmichDeploymentStack(app, d.name, { deployment: d });
  app.synth();
  return JSON.parse(readFileSync(join(outdir, "stacks", d.name, "cdk.tf.json"), "utf8"));
}
const containers = (json: any) => Object.values(json.resource.docker_container) as any[];
const byName = (json: any, name: string) => containers(json).find((c) => c.name === name);
const immichConfig = (json: any) => JSON.parse(byName(json, "immich-t-server").upload[0].content);

describe("extra ML nodes: the deployment format", () => {
  it("loads each node with its own profile", () => {
    const d = load({ nodes: FOUR });
    expect(d.mlNodes.map((n) => [n.name, n.address, n.profile.metadata.name])).toEqual([
      ["nvidia-node", "192.168.10.20", "nvidia-node"],
      ["amd-node", "192.168.10.21", "amd-node"],
      ["intel-node", "192.168.10.22", "intel-node"],
      ["rk3588-node", "192.168.10.23", "rk3588-node"],
    ]);
    expect(load({}).mlNodes).toEqual([]);
  });

  it("refuses duplicate names, addresses and hosts, the Immich host's Docker, and a public address", () => {
    expect(problems({ nodes: [node("nvidia-node", 0), node("nvidia-node", 0)] })).toEqual([
      'd.yaml:16:15: spec.machineLearning.nodes[1].name: must be unique among the nodes (expected another name than node 0\'s, got "nvidia-node")',
      'd.yaml:18:18: spec.machineLearning.nodes[1].address: must be unique among the nodes (expected another address than node 0\'s, got "192.168.10.20")',
      'd.yaml:17:21: spec.machineLearning.nodes[1].dockerHost: one machine, one host plan: this node and spec.machineLearning.nodes[0].dockerHost ("ssh://immich-deploy@nvidia-node.lan") are both on machine nvidia-node.lan, whose host files (sudoers, sysctl, datasets, daemon.json) both host plans would rewrite (expected a machine of its own; host names compare without case, ssh\'s port 22 is the default and the user does not count; got "ssh://immich-deploy@nvidia-node.lan")',
    ]);
    expect(problems({ nodes: [node("nvidia-node", 0, { dockerHost: "ssh://immich-deploy@immich.lan" })] })).toEqual([
      'd.yaml:13:21: spec.machineLearning.nodes[0].dockerHost: one machine, one host plan: this node and spec.dockerHost ("ssh://immich-deploy@immich.lan") are both on machine immich.lan, whose host files (sudoers, sysctl, datasets, daemon.json) both host plans would rewrite (expected a machine other than the Immich host\'s; host names compare without case, ssh\'s port 22 is the default and the user does not count; got "ssh://immich-deploy@immich.lan")',
    ]);
    expect(problems({ nodes: [node("nvidia-node", 0, { address: "8.8.8.8" })] })).toEqual([
      "d.yaml:14:18: spec.machineLearning.nodes[0].address: expected a private address (10/8, 172.16/12 or 192.168/16): Immich's ML API has no authentication (got 8.8.8.8)",
    ]);
    expect(problems({ immichHostAddress: "192.168.10.20", nodes: [node("nvidia-node", 0)] })).toEqual([
      'd.yaml:15:18: spec.machineLearning.nodes[0].address: the node\'s address must not be the Immich host\'s (expected another address than spec.machineLearning.immichHostAddress, got "192.168.10.20")',
    ]);
  });

  it("a forced backend needs the node's own accelerator and architecture", () => {
    expect(problems({ nodes: [node("nvidia-node", 0, { backend: "openvino" })] })).toEqual([
      'd.yaml:16:18: spec.machineLearning.nodes[0].backend: the openvino backend needs a intel-gpu in hardware profile "nvidia-node" (expected an accelerator of kind "intel-gpu", got "nvidia-gpu")',
    ]);
    expect(problems({ nodes: [node("rk3588-node", 0, { backend: "cuda" })] })).toEqual([
      'd.yaml:16:18: spec.machineLearning.nodes[0].backend: Immich has no arm64 image for the cuda backend (expected "cpu", "rknn" or "armnn" on arm64, got "cuda")',
    ]);
    expect(load({ nodes: [node("nvidia-node", 0, { backend: "cpu" })] }).mlNodes[0]!.mlBackend).toBe("cpu");
  });

  it("reports a node profile's own problems at that profile's file positions, with the deployment's", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-mlnodes-bad-"));
    const bad = join(dir, "bad-node.yaml");
    writeFileSync(bad, readFileSync(join(FIXTURES, "nvidia-node.yaml"), "utf8").replace("threads: 32", "threads: 0").replace("roles: [ml-cache, docker]", "roles: [docker]"));
    const found = problems({ nodes: [node("nvidia-node", 0, { hardwareProfile: bad }), node("amd-node", 1, { address: "1.2.3.4" })] }).map((p) => p.replace(dir + "/", ""));
    expect(found).toEqual([
      "d.yaml:18:18: spec.machineLearning.nodes[1].address: expected a private address (10/8, 172.16/12 or 192.168/16): Immich's ML API has no authentication (got 1.2.3.4)",
      "bad-node.yaml:12:14: spec.cpu.threads: too small (expected ≥ 1, got 0)",
      'bad-node.yaml:18:7: spec.storage.pools: role "ml-cache" is not placed on any pool (expected "ml-cache" on a pool (an ML node keeps its models there))',
    ]);
  });

  it("refuses an ML node's profile for the Immich host", () => {
    expect(problems({}, { hardwareProfile: join(FIXTURES, "amd-node.yaml") })).toEqual([
      'd.yaml:6:20: spec.hardwareProfile: hardware profile "amd-node" describes an ML node (expected a profile with purpose immich-host for the Immich host, got "ml-node"): list it under spec.machineLearning.nodes',
    ]);
  });
});

describe("extra ML nodes: tuned from their own profiles and synthesized on their own hosts", () => {
  const d = load({ nodes: FOUR });
  const json = synth(d);

  it.each([
    ["nvidia-node", "cuda", "v3.2.2-cuda"],
    ["amd-node", "rocm", "v3.2.2-rocm"],
    ["intel-node", "openvino", "v3.2.2-openvino"],
    ["rk3588-node", "rknn", "v3.2.2-rknn"],
  ])("%s: backend %s, image %s, on its own provider, published on its address only", (name, backend, tag) => {
    const c = byName(json, `immich-t-machine-learning-${name}`);
    const n = d.mlNodes.find((x) => x.name === name)!;
    expect(c.provider).toBe(`docker.ml_${name.replace(/-/g, "_")}`);
    expect(c.ports).toEqual([{ internal: 3003, external: 3003, ip: n.address, protocol: "tcp" }]);
    const image = json.resource.docker_image[/^\$\{docker_image\.([^.]+)\.image_id\}$/.exec(c.image)![1]!];
    expect(image.name).toBe(`ghcr.io/immich-app/immich-machine-learning:${tag}`);
    expect(image.provider).toBe(c.provider);
    expect(c.env).toContain("MACHINE_LEARNING_CACHE_FOLDER=/cache");
    expect(c.env).toEqual(expect.arrayContaining([expect.stringMatching(/^MACHINE_LEARNING_REQUEST_THREADS=\d+$/)]));
    expect(deploymentTuning(d).mlNodes.find((x) => x.name === name)!.machineLearning.backend.value).toBe(backend);
  });

  it("one aliased docker provider per node host, besides the Immich host's", () => {
    expect(json.provider.docker).toEqual([
      { host: "ssh://immich-deploy@immich.lan" },
      ...["nvidia-node", "amd-node", "intel-node", "rk3588-node"].map((n) => ({ alias: `ml_${n.replace(/-/g, "_")}`, host: `ssh://immich-deploy@${n}.lan` })),
    ]);
  });

  it("each node's model cache and network live on the node", () => {
    const vol = Object.values(json.resource.docker_volume as Record<string, any>).find((v) => v.name === "immich-t-model-cache-rk3588-node");
    expect(vol).toMatchObject({ provider: "docker.ml_rk3588_node", driver_opts: { device: "/srv/immich/ml-cache", o: "bind", type: "none" } });
    const net = Object.values(json.resource.docker_network as Record<string, any>).find((v) => v.name === "immich-t-ml-rk3588-node");
    expect(net).toMatchObject({ provider: "docker.ml_rk3588_node" });
  });

  it("machineLearning.urls: GPUs first by capacity, then the NPU, the Immich host's container last", () => {
    expect(immichConfig(json).machineLearning.urls).toEqual([
      "http://192.168.10.21:3003",
      "http://192.168.10.20:3003",
      "http://192.168.10.22:3003",
      "http://192.168.10.23:3003",
      "http://immich-t-machine-learning:3003",
    ]);
  });

  it("the ML queues are sized for the node that serves them (the first URL), not the local CPU", () => {
    const job = immichConfig(json).job;
    expect(job.smartSearch.concurrency).toBe(12);
    expect(job.faceDetection.concurrency).toBe(12);
    const alone = immichConfig(synth(load({})));
    expect(alone.job.smartSearch.concurrency).toBe(2);
  });
});

describe("extra ML nodes: Docker hosts compared as machines (issue 20 item 3)", () => {
  const onMachine = (dockerHost: string, spec: Record<string, unknown> = {}) =>
    problems({ nodes: [node("nvidia-node", 0, { dockerHost })] }, spec).filter((p) => p.includes("nodes[0].dockerHost"));

  it.each([
    ["the default port spelled out", "ssh://immich-deploy@immich.lan:22"],
    ["an upper-case host name", "ssh://immich-deploy@IMMICH.LAN"],
    ["another user on the same host", "ssh://ml@immich.lan"],
  ])("refuses a node on the Immich host's machine: %s", (_, dockerHost) => {
    expect(onMachine(dockerHost)).toEqual([
      `d.yaml:13:21: spec.machineLearning.nodes[0].dockerHost: one machine, one host plan: this node and spec.dockerHost ("ssh://immich-deploy@immich.lan") are both on machine immich.lan, whose host files (sudoers, sysctl, datasets, daemon.json) both host plans would rewrite (expected a machine other than the Immich host's; host names compare without case, ssh's port 22 is the default and the user does not count; got "${dockerHost}")`,
    ]);
  });

  it("a loopback address is the local socket's machine (the Immich host on unix://)", () => {
    expect(onMachine("ssh://ml@127.0.0.1", { dockerHost: "unix:///var/run/docker.sock" })[0]).toMatch(
      /spec\.machineLearning\.nodes\[0\]\.dockerHost: one machine, one host plan: this node and spec\.dockerHost \("unix:\/\/\/var\/run\/docker\.sock"\) are both on the machine that runs Terraform/,
    );
  });

  it("refuses two nodes on one machine, naming both fields", () => {
    const p = problems({ nodes: [node("nvidia-node", 0, { dockerHost: "ssh://a@gpu.lan" }), node("amd-node", 1, { dockerHost: "ssh://b@GPU.lan:22" })] });
    expect(p).toEqual([
      'd.yaml:17:21: spec.machineLearning.nodes[1].dockerHost: one machine, one host plan: this node and spec.machineLearning.nodes[0].dockerHost ("ssh://a@gpu.lan") are both on machine gpu.lan, whose host files (sudoers, sysctl, datasets, daemon.json) both host plans would rewrite (expected a machine of its own; host names compare without case, ssh\'s port 22 is the default and the user does not count; got "ssh://b@GPU.lan:22")',
    ]);
  });

  it("another SSH port on one address may be another machine (port forwarding): accepted", () => {
    expect(onMachine("ssh://immich-deploy@immich.lan:2222")).toEqual([]);
  });

  it("without host management, two local sockets are two engines (a test engine beside the system's); the same socket is refused", () => {
    const local = { dockerHost: "unix:///var/run/docker.sock", host: { manage: false } };
    expect(onMachine("unix:///run/immich-iac-e2e-node1/docker.sock", local)).toEqual([]);
    expect(onMachine("unix:///var/run/docker.sock", local)[0]).toMatch(/one machine, one Docker host: this node and spec\.dockerHost .* are both on the machine that runs Terraform \(expected/);
  });
});

describe("extra ML nodes: where their host scripts run (issue 20 item 1)", () => {
  it.each(["unix:///run/node.sock", "tcp://10.0.0.9:2376"])("refuses host management for a node on %s: its scripts would run on the Terraform machine", (dockerHost) => {
    const tls = dockerHost.startsWith("tcp") ? { dockerTls: { materialFromVariables: true } } : {};
    expect(problems({ nodes: [node("nvidia-node", 0, { dockerHost, ...tls })] })).toContain(
      `d.yaml:13:21: spec.machineLearning.nodes[0].dockerHost: a node's host scripts run over SSH on the node; with ${dockerHost.split(":")[0]}:// they would run on the machine that runs Terraform (expected ssh://user@host, or spec.host.manage: false to converge the nodes yourself, got "${dockerHost}")`,
    );
  });

  it("a tcp:// node needs its own TLS; with it and no host management it loads", () => {
    expect(problems({ nodes: [node("nvidia-node", 0, { dockerHost: "tcp://10.0.0.9:2376" })] }, { host: { manage: false } })).toEqual([
      'd.yaml:13:21: spec.machineLearning.nodes[0].dockerHost: a tcp:// Docker host needs TLS: every secret of the stack travels in its API calls (expected the node\'s dockerTls with certPath or materialFromVariables: true, or ssh://user@host, got "tcp://10.0.0.9:2376")',
    ]);
    const d = load({ nodes: [node("nvidia-node", 0, { dockerHost: "tcp://10.0.0.9:2376", dockerTls: { certPath: "/etc/immich-iac/gpu-tls" } })] }, { host: { manage: false } });
    expect(d.mlNodes[0]!.dockerTls).toEqual({ certPath: "/etc/immich-iac/gpu-tls" });
  });
});

describe("Docker TLS in the synthesized providers (issue 20 item 1)", () => {
  it("certPath is the provider's cert_path; material comes from sensitive variables, never from cdk.tf.json", () => {
    const d = load(
      { nodes: [node("nvidia-node", 0, { dockerHost: "tcp://10.0.0.9:2376", dockerTls: { materialFromVariables: true } })] },
      { dockerHost: "tcp://10.0.0.5:2376", dockerTls: { certPath: "/etc/immich-iac/docker-tls" }, host: { manage: false } },
    );
    const json = synth(d);
    const [main, ml] = json.provider.docker as any[];
    expect(main).toEqual({ host: "tcp://10.0.0.5:2376", cert_path: "/etc/immich-iac/docker-tls" });
    expect(ml).toEqual({
      alias: "ml_nvidia_node",
      host: "tcp://10.0.0.9:2376",
      ca_material: "${var.docker_ml_nvidia_node_ca_material}",
      cert_material: "${var.docker_ml_nvidia_node_cert_material}",
      key_material: "${var.docker_ml_nvidia_node_key_material}",
    });
    for (const part of ["ca", "cert", "key"]) expect(json.variable[`docker_ml_nvidia_node_${part}_material`]).toMatchObject({ type: "string", sensitive: true, nullable: false });
    expect(json.variable.docker_ca_material).toBeUndefined();
    expect(json.resource.terraform_data ? Object.keys(json.resource.terraform_data).filter((k) => k.startsWith("host_")) : []).toEqual([]);
  });
});

describe("extra ML nodes: their hosts", () => {
  it("each node's host scripts run on that node as its SSH user; its container waits for them", () => {
    const d = load({ nodes: [FOUR[3]] });
    const json = synth(d);
    const steps = Object.entries(json.resource.terraform_data as Record<string, any>).filter(([id]) => id.startsWith("host_ml_rk3588_node_"));
    expect(steps.map(([id]) => id.replace(/_[0-9A-F]{8}$/, ""))).toEqual([
      "host_ml_rk3588_node_00-preflight",
      "host_ml_rk3588_node_10-deploy-user",
      "host_ml_rk3588_node_20-zfs",
      "host_ml_rk3588_node_30-directories",
      "host_ml_rk3588_node_40-sysctl",
      "host_ml_rk3588_node_50-firewall",
      "host_ml_rk3588_node_60-docker-daemon",
    ]);
    for (const [id, s] of steps) {
      expect(s.connection, id).toBeUndefined();
      expect(s.provisioner[0]["local-exec"].command, id).toMatch(/^ssh -T -o BatchMode=yes -p 22 -l immich-deploy -- rk3588-node\.lan 'sudo -n env /);
    }
    const last = steps[steps.length - 1]![0];
    expect(byName(json, "immich-t-machine-learning-rk3588-node").depends_on).toContain(`terraform_data.${last}`);
  });

  it("the firewall lets only the Immich host reach the ML port, in DOCKER-USER (Docker's NAT bypasses UFW)", async () => {
    const { deriveNodeHostPlan } = await import("../src/host/derive-host-plan.js");
    const { computeTuning } = await import("../src/tuning/tuning.js");
    const plan = (ml: Record<string, unknown>) => {
      const d = load(ml);
      const t = computeTuning(d.profile, { mlNodes: d.mlNodes });
      return deriveNodeHostPlan(d, d.mlNodes[0]!, t.mlNodes[0]!);
    };
    expect(plan({ nodes: [FOUR[0]] }).firewall).toEqual({ sshPort: 22, tcp: [], udp: [], publishedOnlyFrom: [{ address: "192.168.10.20", port: 3003, from: "192.168.10.0/24" }] });
    expect(plan({ nodes: [FOUR[0]], immichHostAddress: "192.168.10.5" }).firewall.publishedOnlyFrom).toEqual([{ address: "192.168.10.20", port: 3003, from: "192.168.10.5" }]);
    const p = plan({ nodes: [FOUR[0]] });
    expect(p.datasets.map((x) => x.dataset)).toEqual(["fast/immich/ml-cache", "fast/immich/docker"]);
    expect(p.directories).toContainEqual({ path: "/srv/immich/ml-cache", owner: "0:0", mode: "0750" });
    expect(p.dockerDaemon).toMatchObject({ "data-root": "/srv/immich/docker", "live-restore": true });
    expect(p.preflight).toMatchObject({ nvidiaRuntime: true, devices: [], x86_64_v2: true });
    expect(plan({ nodes: [FOUR[3]] }).preflight).toMatchObject({ nvidiaRuntime: false, devices: ["/dev/dri"], x86_64_v2: false });
  });

  it.skipIf(!SHELLCHECK.ok)(`render writes each node's host scripts under ml-nodes/<node>/host/, checked by shellcheck${SHELLCHECK.ok ? "" : ` (skipped: ${SHELLCHECK.reason})`}`, async () => {
    const { renderFiles } = await import("../stacks/synth.js");
    const { execa } = await import("execa");
    const files = renderFiles(load({ nodes: [FOUR[1]] }));
    const node = Object.keys(files).filter((f) => f.startsWith("ml-nodes/"));
    expect(node).toEqual([
      "ml-nodes/amd-node/host/00-preflight.sh",
      "ml-nodes/amd-node/host/10-deploy-user.sh",
      "ml-nodes/amd-node/host/20-zfs.sh",
      "ml-nodes/amd-node/host/30-directories.sh",
      "ml-nodes/amd-node/host/40-sysctl.sh",
      "ml-nodes/amd-node/host/50-firewall.sh",
      "ml-nodes/amd-node/host/60-docker-daemon.sh",
    ]);
    expect(files["ml-nodes/amd-node/host/00-preflight.sh"]).toContain("/dev/kfd");
    for (const f of node) {
      const r = await execa("shellcheck", ["-s", "bash", "-"], { input: files[f]!, reject: false });
      expect(r.exitCode, `${f}\n${r.stdout}`).toBe(0);
    }
  });

  it("refuses root as a node's SSH user: its host scripts would own root's keys", () => {
    expect(problems({ nodes: [node("amd-node", 0, { dockerHost: "ssh://root@amd-node.lan" })] })).toEqual([
      'd.yaml:13:21: spec.machineLearning.nodes[0].dockerHost: the node\'s host scripts run as its SSH user, which must not be root (expected ssh://<a machine account like immich-deploy>@host, got "root")',
    ]);
  });

  it("validate's notes: a node's deploy user is its SSH user, and what that account gets; none with host.manage: false", async () => {
    const { deployUserNotes } = await import("../src/cli/commands/validate.js");
    const d = load({ nodes: [node("amd-node", 0, { dockerHost: "ssh://pi@amd-node.lan" })] });
    expect(deployUserNotes(d)).toEqual([
      'the deploy user is "immich-deploy", the SSH user of spec.dockerHost (spec.host.deployUser.name is not set): the host scripts add "immich-deploy" to the docker group (root-equivalent), give it passwordless sudo (NOPASSWD: ALL) and lock its password (key login only). If "immich-deploy" is a person\'s account, set spec.host.deployUser.name to a machine account like immich-deploy and connect as that one',
      'ML node amd-node: its deploy user is its SSH user "pi": the host scripts add "pi" to the docker group (root-equivalent), give it passwordless sudo (NOPASSWD: ALL) and lock its password (key login only). If "pi" is a person\'s account, connect as a machine account like immich-deploy',
    ]);
    expect(deployUserNotes(load({ nodes: [node("amd-node", 0)] }, { host: { manage: false } }))).toEqual([]);
  });

  it("refuses a system account as a node's SSH user: it would get the docker group and NOPASSWD sudo", () => {
    expect(problems({ nodes: [node("amd-node", 0, { dockerHost: "ssh://www-data@amd-node.lan" })] })).toEqual([
      'd.yaml:13:21: spec.machineLearning.nodes[0].dockerHost: the node\'s SSH user (its deploy user) is a system account, which must not become the deploy user: the host scripts give the deploy user the docker group, passwordless sudo (NOPASSWD: ALL) and a locked password (expected a machine account the stack creates, like immich-deploy, got "www-data")',
    ]);
  });
});

describe("extra ML nodes: the tuning engine", () => {
  it("computeTuning refuses an ML node's profile, naming what to use instead", async () => {
    const { computeTuning } = await import("../src/tuning/tuning.js");
    const { loadProfileFile } = await import("../src/profile/load-profile.js");
    expect(() => computeTuning(loadProfileFile(join(FIXTURES, "amd-node.yaml")))).toThrow(
      'computeTuning: hardware profile "amd-node" describes an ML node (purpose ml-node): tune it with tuneMlNode, or list it under a deployment\'s machineLearning.nodes',
    );
  });

  it("a node's memory limit stays inside its RAM and says so when the models want more", async () => {
    const { tuneMlNode } = await import("../src/tuning/ml-nodes.js");
    const { loadProfileFile } = await import("../src/profile/load-profile.js");
    const small = loadProfileFile(join(FIXTURES, "rk3588-node.yaml"));
    const tiny = { ...small, spec: { ...small.spec, memory: { ...small.spec.memory, totalGiB: 4 } } };
    const n = tuneMlNode({ name: "pi", address: "192.168.10.9", profile: tiny });
    expect(n.memoryMiB.value).toBe(2048);
    expect(n.warnings).toEqual(["ML node \"pi\": 2048 MiB left after the OS is less than the 4096 MiB its models want; expect out-of-memory restarts with the default models"]);
  });
});
