import { join } from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { deploymentTuning } from "../../src/deployment/deployment-tuning.js";
import { deriveNodeHostPlan } from "../../src/host/derive-host-plan.js";
import type { HostPlan } from "../../src/host/host-plan.js";
import { renderHostScripts } from "../../src/renderers/host/index.js";
import { REPO } from "../util.js";
import { aBlockDevice, CREATE_TEST_POOLS, hostTestImage, results, TestHost, zfsFusePlan } from "./container.js";

/** A deployment of the homelab with one CPU node; the node's host plan, as the stack renders its scripts. */
function nodePlan(): HostPlan {
  const dir = mkdtempSync(join(tmpdir(), "iac-node-host-"));
  const file = join(dir, "d.yaml");
  writeFileSync(
    file,
    stringify({
      apiVersion: "immich-iac/v1",
      kind: "Deployment",
      metadata: { name: "t" },
      spec: {
        hardwareProfile: "homelab-minimal",
        domain: "photos.example.com",
        timezone: "UTC",
        dockerHost: "ssh://immich-deploy@immich.lan",
        machineLearning: {
          nodes: [{ name: "node1", dockerHost: "ssh://immich-deploy@node1.lan", address: "192.168.10.20", hardwareProfile: join(REPO, "test", "fixtures", "ml-nodes", "cpu-node.yaml") }],
        },
        auth: { users: [{ name: "alice", displayName: "Alice", email: "alice@example.com", groups: ["admins"], passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys" }] },
      },
    }),
  );
  const d = loadDeploymentFile(file);
  const t = deploymentTuning(d);
  return deriveNodeHostPlan(d, d.mlNodes[0]!, t.mlNodes[0]!);
}

describe("an ML node's host scripts on a real Debian 13 system (disposable container)", () => {
  let host: TestHost;
  const runs: Awaited<ReturnType<TestHost["exec"]>>[][] = [];
  const device = aBlockDevice();

  beforeAll(async () => {
    host = await TestHost.start(hostTestImage(), ["--device", `${device.path}:${device.path}:r`]);
    await host.sh(CREATE_TEST_POOLS);
    const plan = zfsFusePlan(nodePlan(), device);
    for (let i = 0; i < 2; i++) {
      const out = [];
      // Preflight checks this machine's Docker Engine through DOCKER_HOST; none is mounted here, so it is skipped.
      for (const s of renderHostScripts(plan).filter((x) => x.file !== "00-preflight.sh")) out.push(await host.exec(s.content, { IMMICH_IAC_SYSCTL_MODE: "persist-only" }));
      runs.push(out);
    }
  }, 900_000);

  afterAll(async () => host?.remove());

  it("every script succeeds twice, and the second run changes nothing", () => {
    for (const r of runs.flat()) expect(r.exitCode, r.stderr).toBe(0);
    for (const r of runs[1]!) for (const [item, status] of results(r.stdout)) expect(`${item} ${status}`).not.toMatch(/ changed$/);
  });

  it("the node's model cache is a dataset of its own pool, and nothing of the Immich host's is made there", async () => {
    expect(await host.sh("zfs list -H -o name,mountpoint -r fast")).toBe(["fast\t/fast", "fast/immich\t/fast/immich", "fast/immich/docker\t/srv/immich/docker", "fast/immich/ml-cache\t/srv/immich/ml-cache"].join("\n"));
    expect(await host.sh("stat -c '%u:%g %a' /srv/immich/ml-cache")).toBe("0:0 750");
    expect(await host.sh("ls /srv/immich | sort | tr '\\n' ' '")).toBe("docker ml-cache ");
  });

  it("the firewall lets only the node's /24 reach the ML port, SSH through UFW", async () => {
    expect(await host.sh("iptables -S DOCKER-USER")).toContain("! -s 192.168.10.0/24 -p tcp -m conntrack --ctorigdst 192.168.10.20 --ctorigdstport 3003 --ctdir ORIGINAL -j DROP");
    expect(await host.sh("ufw status")).toMatch(/^22\/tcp\s+ALLOW\s+Anywhere/m);
    expect(await host.sh("ufw status")).not.toMatch(/^(80|443)\//m);
  });
});
