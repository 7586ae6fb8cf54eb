import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { renderFiles, synthesizeDeployment } from "../stacks/synth.js";
import { containerTails, MAX_DEPLOYMENT_NAME, MAX_DNS_LABEL, maxMlNodeName } from "../src/contract/container-names.js";
import { loadDeploymentFile } from "../src/deployment/load-deployment.js";
import { formatProblem, InputError } from "../src/profile/problems.js";
import { REPO } from "./util.js";

/** issue 20 item 10: every name the stack derives and looks up by DNS stays one label of at most 63 characters. */

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const NAME = `longest-${"n".repeat(MAX_DEPLOYMENT_NAME - "longest-".length)}`;
const NODE_PROFILE = join(REPO, "test", "fixtures", "ml-nodes", "cpu-node.yaml");
const HASH = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys";

/** A deployment with everything that adds a container: monitoring with SMART and Grafana, 8 job handlers, WAL and off-site backups, two ML nodes. */
function everythingOn(name: string, nodeName: string): Record<string, unknown> {
  return {
    apiVersion: "immich-iac/v1",
    kind: "Deployment",
    metadata: { name },
    spec: {
      hardwareProfile: "epyc-4004-prosumer",
      domain: "photos.example.com",
      timezone: "UTC",
      jobHandler: { replicas: 8 },
      monitoring: { enabled: true },
      backup: { continuousWal: true, offsite: { endpoint: "https://s3.example.com", bucket: "photos-1", region: "r" } },
      machineLearning: {
        nodes: [
          { name: nodeName, dockerHost: "ssh://immich-deploy@node-a.lan", address: "192.168.1.21", hardwareProfile: NODE_PROFILE },
          { name: `${nodeName.slice(0, -1)}2`, dockerHost: "ssh://immich-deploy@node-b.lan", address: "192.168.1.22", hardwareProfile: NODE_PROFILE },
        ],
      },
      auth: { users: [{ name: "alice", displayName: "Alice", email: "alice@example.com", groups: ["admins"], passwordHash: HASH }] },
    },
  };
}

function write(doc: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "iac-names-"));
  writeFileSync(join(dir, "d.yaml"), stringify(doc));
  return join(dir, "d.yaml");
}

function problemsOf(doc: unknown): string[] {
  const file = write(doc);
  try {
    loadDeploymentFile(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => formatProblem(p).replace(file, "d.yaml"));
  }
}

/** The host part of `host:port`, `host:port/path` or `scheme://host:port/path`. */
const hostOf = (target: string) => target.replace(/^[a-z]+:\/\//, "").replace(/[:/].*$/, "");

describe("the longest deployment name, with everything on", () => {
  const longestNode = "m".repeat(maxMlNodeName(NAME));
  const deployment = loadDeploymentFile(write(everythingOn(NAME, longestNode)));
  const files = renderFiles(deployment);
  const outdir = mkdtempSync(join(tmpdir(), "iac-names-out-"));
  synthesizeDeployment(deployment, { outdir });
  const json = JSON.parse(readFileSync(join(outdir, "stacks", NAME, "cdk.tf.json"), "utf8"));
  const containers = Object.values(json.resource.docker_container as Record<string, { name: string }>).map((c) => c.name);

  it("is derived from the longest container name: 63 less `immich-`, `-` and monitoring-smartctl-exporter", () => {
    expect(MAX_DEPLOYMENT_NAME).toBe(27);
    expect(Math.max(...containerTails().map((t) => t.length))).toBe("monitoring-smartctl-exporter".length);
    expect(NAME).toHaveLength(MAX_DEPLOYMENT_NAME);
  });

  it("runs every kind of container", () => {
    expect(containers).toEqual(
      expect.arrayContaining([`immich-${NAME}-monitoring-smartctl-exporter`, `immich-${NAME}-job-handler-8`, `immich-${NAME}-backup-wal`, `immich-${NAME}-machine-learning-${longestNode}`]),
    );
  });

  it("every container name is a DNS label of at most 63 characters, and the longest is exactly 63", () => {
    for (const c of containers) expect(c, c).toMatch(DNS_LABEL);
    expect(Math.max(...containers.map((c) => c.length))).toBe(MAX_DNS_LABEL);
  });

  it("every Prometheus target host is made of DNS labels of at most 63 characters", () => {
    const config = parse(files["monitoring/prometheus/prometheus.yml"]!) as any;
    const targets: string[] = [
      ...config.alerting.alertmanagers.flatMap((a: any) => a.static_configs.flatMap((s: any) => s.targets)),
      ...config.scrape_configs.flatMap((j: any) => j.static_configs.flatMap((s: any) => s.targets)),
      ...config.scrape_configs.flatMap((j: any) => (j.relabel_configs ?? []).filter((r: any) => r.target_label === "__address__").map((r: any) => r.replacement)),
    ];
    expect(targets).toContain(`immich-${NAME}-monitoring-smartctl-exporter:9633`);
    for (const t of targets) for (const label of hostOf(t).split(".")) expect(label, t).toMatch(DNS_LABEL);
  });

  it("every Caddy upstream host is a DNS label of at most 63 characters", () => {
    const upstreams = [...files["caddy/Caddyfile"]!.matchAll(/reverse_proxy\s+(\S+)/g)].map((m) => m[1]!);
    expect(upstreams).toContain(`immich-${NAME}-monitoring-grafana:3000`);
    for (const u of upstreams) expect(hostOf(u), u).toMatch(DNS_LABEL);
  });
});

describe("names one character too long", () => {
  it("a deployment name of MAX_DEPLOYMENT_NAME + 1 characters is refused at metadata.name", () => {
    const [p] = problemsOf(everythingOn(`${NAME}x`, "gpu"));
    expect(p).toBe(
      `d.yaml:4:9: metadata.name: invalid format (expected a deployment name: lowercase letters, digits and '-', 1-27 characters, starting and ending with a letter or digit, got "${NAME}x")`,
    );
  });

  it("an ML node name that would make its container longer than 63 is refused at the node's name", () => {
    const node = "m".repeat(maxMlNodeName(NAME) + 1);
    // Both nodes: the second is named like the first with its last character changed.
    const message = (n: string) =>
      `too long for this deployment (expected at most 11 characters, got 12): the node's container immich-${NAME}-machine-learning-${n} must stay a host name of at most 63 characters; shorten the node or the deployment name`;
    expect(problemsOf(everythingOn(NAME, node))).toEqual([
      `d.yaml:21:15: spec.machineLearning.nodes[0].name: ${message(node)}`,
      `d.yaml:25:15: spec.machineLearning.nodes[1].name: ${message(`${node.slice(0, -1)}2`)}`,
    ]);
  });

  it("a short deployment name leaves an ML node its full 20 characters", () => {
    expect(problemsOf(everythingOn("home", "m".repeat(20)))).toEqual([]);
  });
});
