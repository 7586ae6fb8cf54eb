import { tfToolchain } from "./tf-toolchain.js";
import { execa } from "execa";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthesize } from "../../stacks/synth.js";
import { deploymentPath, SHIPPED_DEPLOYMENTS } from "../stack-util.js";
import { REPO } from "../util.js";

/**
 * Terraform (or OpenTofu) with the real providers judges every synthesized stack: `init` from the provider
 * mirror of scripts/tf-toolchain.sh (TF_CLI_CONFIG_FILE and TERRAFORM_BINARY, exported by .ci/run), then
 * `validate`. In CI a missing toolchain fails the suite; elsewhere it is skipped and says why.
 */

const { binary, reason } = tfToolchain();

/**
 * Issue 20 item 1: a tcp:// Immich host with TLS from a certificate directory (`cert_path`) and a tcp:// ML node
 * with TLS material from sensitive variables (`ca_material`, `cert_material`, `key_material`), no host management.
 */
function tlsDeployment(): string {
  const dir = mkdtempSync(join(tmpdir(), "iac-validate-tls-"));
  const file = join(dir, "tls.yaml");
  const example = readFileSync(deploymentPath("example"), "utf8");
  const doc = example
    .replace(/^ {2}dockerHost: .*$/m, "  dockerHost: tcp://10.0.0.5:2376\n  dockerTls:\n    certPath: /etc/immich-iac/docker-tls")
    .replace(/^spec:$/m, `spec:\n  host:\n    manage: false\n  machineLearning:\n    nodes:\n      - name: gpu\n        dockerHost: tcp://10.0.0.9:2376\n        dockerTls:\n          materialFromVariables: true\n        address: 192.168.10.20\n        hardwareProfile: ${join(REPO, "test", "fixtures", "ml-nodes", "cpu-node.yaml")}`);
  writeFileSync(file, doc);
  return file;
}

describe.skipIf(!binary)(`terraform validate with the real providers${binary ? "" : ` (skipped: ${reason})`}`, () => {
  it.each([...SHIPPED_DEPLOYMENTS, "tcp-with-tls"])("%s", async (name) => {
    const out = mkdtempSync(join(tmpdir(), "iac-validate-"));
    const [stack] = synthesize({ deployment: name === "tcp-with-tls" ? tlsDeployment() : deploymentPath(name), outdir: out }).stacks;
    if (name === "tcp-with-tls") {
      const json = JSON.parse(readFileSync(join(out, "stacks", stack!, "cdk.tf.json"), "utf8"));
      expect(json.provider.docker.map((p: any) => Object.keys(p).sort())).toEqual([
        ["cert_path", "host"],
        ["alias", "ca_material", "cert_material", "host", "key_material"],
      ]);
    }
    const json = JSON.parse(readFileSync(join(out, "stacks", stack!, "cdk.tf.json"), "utf8"));
    const ml = Object.values(json.resource.docker_container as Record<string, any>).find((c) => c.name.endsWith("-machine-learning"));
    // What the judge sees: the OpenVINO node's cgroup rule and USB bus (xeon-enterprise, an Arc GPU) and the CUDA
    // node's one-GPU request (example, an NVIDIA GPU), as Immich's hwaccel.ml.yml has them.
    if (name === "xeon-enterprise") expect(ml.device_cgroup_rules).toEqual(["c 189:* rmw"]);
    if (name === "example") expect([ml.device_requests, ml.gpus]).toEqual([[{ driver: "nvidia", count: 1, capabilities: ["gpu"] }], undefined]);
    const cwd = join(out, "stacks", stack!);
    const init = await execa(binary!, ["init", "-backend=false", "-input=false", "-no-color"], { cwd, reject: false, all: true });
    expect(init.exitCode, init.all).toBe(0);
    const validate = await execa(binary!, ["validate", "-json", "-no-color"], { cwd, reject: false, all: true });
    const verdict = JSON.parse(validate.stdout);
    expect(verdict.diagnostics, validate.stdout).toEqual([]);
    expect(verdict.valid).toBe(true);
  }, 120_000);
});
