import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dockerUserRule } from "../../src/renderers/host/firewall.js";
import { deploymentPath } from "../stack-util.js";
import { REPO } from "../util.js";
import {
  createVolumeDirectories,
  destroyDeployment,
  provideDiskDevices,
  docker,
  e2eCopyOf,
  ensureDockerEngine,
  provideImages,
  removeLeftovers,
  resynth,
  tf,
  toolchain,
  waitHealthy,
  type E2eDeployment,
  type Toolchain,
} from "./harness.js";
import { startNodeEngine, type NodeEngine } from "./node-engine.js";
import { ALERTS_TO, AlertReceivers } from "./alert-receivers.js";

/** MlNodeDown must arrive (and resolve) within this: probe and evaluation every 30 s, for capped at 20 s, group 5/15 s. */
const ARRIVAL_MS = 300_000;

/**
 * An extra ML node for real: a second Docker Engine in its own network namespace plays the node's host. Apply
 * puts the node's ML container on that engine, published on the node's address only; the server stand-in
 * reaches it there, and when the node's container stops, the Immich host's own container answers instead, and
 * MlNodeDown reaches the operator by mail and webhook (the receivers of alert-receivers.ts), then "resolved" once
 * the node's container runs again.
 */
describe("an extra ML node on a second Docker host", () => {
  let t: Toolchain;
  let d: E2eDeployment;
  let node: NodeEngine;
  let json: any;
  const receivers = new AlertReceivers("mlnodes");
  const env = receivers.env;
  const nodeContainer = () => `immich-${d.name}-machine-learning-node1`;
  const server = () => `immich-${d.name}-server`;
  const mlStatus = async () => JSON.parse((await execIn(server(), ["immich-standin", "ml"])).stdout) as { urls: { url: string; ok: boolean }[]; serving: string | null };
  const execIn = async (container: string, args: string[]) => {
    const { execa } = await import("execa");
    return execa("docker", ["exec", container, ...args], { reject: false });
  };

  /** probe_success of the node's /ping as Prometheus last scraped it, waiting (up to 2 minutes) for `want`. */
  const nodeProbe = async (want = "1"): Promise<string | undefined> => {
    const query = encodeURIComponent('probe_success{job="ml-nodes"}');
    let value: string | undefined;
    for (let i = 0; i < 60; i++) {
      const out = await docker(["exec", `immich-${d.name}-monitoring-prometheus`, "wget", "-q", "-O", "-", `http://127.0.0.1:9090/api/v1/query?query=${query}`]);
      value = JSON.parse(out).data.result[0]?.value?.[1];
      if (value === want) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    return value;
  };

  beforeAll(async () => {
    t = await toolchain();
    await ensureDockerEngine();
    node = await startNodeEngine(1);
    await receivers.prepare();
    d = e2eCopyOf(deploymentPath("homelab"), "mlnodes", (doc) => {
      // Monitoring on, to see Prometheus probe the node through the blackbox exporter, with alerts to the receivers.
      doc.spec.monitoring = { enabled: true };
      receivers.configure(doc);
      doc.spec.machineLearning = {
        immichHostAddress: node.hostAddress,
        nodes: [{ name: "node1", dockerHost: node.dockerHost, address: node.address, hardwareProfile: join(REPO, "test", "fixtures", "ml-nodes", "cpu-node.yaml") }],
      };
    });
    await removeLeftovers(d.name);
    json = resynth(d);
    createVolumeDirectories(json, d.dataRoot);
    await provideDiskDevices(json, d.work);
    await provideImages(json);
    for (const image of Object.values(json.resource.docker_image as Record<string, any>).filter((i) => i.provider === "docker.ml_node1")) await node.loadImage(image.name);
    const init = await tf(t, d, ["init", "-input=false", "-no-color"], env);
    expect(init.exitCode, init.all).toBe(0);
  }, 1_800_000);

  afterAll(async () => {
    if (d) await destroyDeployment(t, d, env);
    await node?.stop();
    await receivers.stop();
  }, 900_000);

  it("applies: the node's ML container runs on the node's engine, published on its address only; the second plan is empty", async () => {
    const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"], env);
    expect(apply.exitCode, apply.all).toBe(0);
    await waitHealthy(d.name);
    await receivers.start(`immich-${d.name}-front`);
    const onNode = await node.docker(["ps", "--filter", `label=io.immich-iac.deployment=${d.name}`, "--format", "{{.Names}} {{.Status}}"]);
    expect(onNode).toMatch(new RegExp(`^${nodeContainer()} Up .*\\(healthy\\)$`));
    const here = await docker(["ps", "--filter", `label=io.immich-iac.deployment=${d.name}`, "--format", "{{.Names}}"]);
    expect(here.split("\n")).not.toContain(nodeContainer());
    const ports = JSON.parse(await node.docker(["inspect", "-f", "{{json .HostConfig.PortBindings}}", nodeContainer()]));
    expect(ports).toEqual({ "3003/tcp": [{ HostIp: node.address, HostPort: "3003" }] });
    const second = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"], env);
    expect(second.exitCode, second.all).toBe(0);
  }, 900_000);

  it("the server reaches the node through its address, first in machineLearning.urls, the local container last", async () => {
    const status = await mlStatus();
    expect(status.urls.map((u) => u.url)).toEqual([`http://${node.address}:3003`, `http://immich-${d.name}-machine-learning:3003`]);
    expect(status.urls.every((u) => u.ok)).toBe(true);
    expect(status.serving).toBe(`http://${node.address}:3003`);
  });

  it("the node's DOCKER-USER rule (as its firewall script writes it) admits the Immich host and no one else", async () => {
    const rule = (from: string) => dockerUserRule({ address: node.address, port: 3003, from });
    const insert = await node.inNetns(["iptables", "-I", "DOCKER-USER", "1", ...rule(node.hostAddress)]);
    expect(insert.exitCode, insert.all).toBe(0);
    expect((await mlStatus()).serving).toBe(`http://${node.address}:3003`);
    const replace = await node.inNetns(["iptables", "-R", "DOCKER-USER", "1", ...rule("192.168.239.9")]);
    expect(replace.exitCode, replace.all).toBe(0);
    const blocked = await mlStatus();
    expect(blocked.urls[0]).toMatchObject({ ok: false });
    expect(blocked.serving).toBe(`http://immich-${d.name}-machine-learning:3003`);
    await node.inNetns(["iptables", "-D", "DOCKER-USER", "1"]);
    expect((await mlStatus()).serving).toBe(`http://${node.address}:3003`);
  });

  it("Prometheus probes the node through the blackbox exporter and finds it answering", async () => {
    expect(await nodeProbe()).toBe("1");
  }, 300_000);

  it("with the node's container stopped, the configured fallback answers, Immich stays healthy, the probe says the node is down and MlNodeDown arrives by mail and webhook, then resolved", async () => {
    const diagnose = async () => {
      const alerts = await docker(["exec", `immich-${d.name}-monitoring-prometheus`, "wget", "-q", "-O", "-", "http://127.0.0.1:9090/api/v1/alerts"]).catch((e) => String(e));
      return `prometheus alerts: ${alerts.slice(0, 3000)}`;
    };
    const before = receivers.newest();
    await node.docker(["stop", nodeContainer()]);
    let restarted = false;
    try {
      const status = await mlStatus();
      expect(status.urls[0]).toMatchObject({ url: `http://${node.address}:3003`, ok: false });
      expect(status.serving).toBe(`http://immich-${d.name}-machine-learning:3003`);
      await waitHealthy(d.name, 60);
      expect(await nodeProbe("0")).toBe("0");
      const firing = await receivers.arrival("MlNodeDown", "firing", before, d.name, ARRIVAL_MS, diagnose);
      expect(firing.hook.body.alerts.find((a) => a.status === "firing")!.labels).toMatchObject({
        alertname: "MlNodeDown",
        severity: "warning",
        job: "ml-nodes",
        instance: `http://${node.address}:3003/ping`,
        deployment: d.name,
      });
      expect(firing.mail.to).toBe(ALERTS_TO);
      console.log(`e2e: MlNodeDown arrived after ${Math.round(firing.seconds)} s`);
      await node.docker(["start", nodeContainer()]);
      restarted = true;
      const resolved = await receivers.arrival("MlNodeDown", "resolved", firing.hook.n, d.name, ARRIVAL_MS, diagnose);
      console.log(`e2e: MlNodeDown resolved after ${Math.round(resolved.seconds)} s`);
      expect(receivers.events()).toBe("");
    } finally {
      if (!restarted) await node.docker(["start", nodeContainer()]);
    }
  }, 900_000);
});
