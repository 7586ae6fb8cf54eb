import { tfToolchain } from "./tf-toolchain.js";
import { App, TerraformStack } from "cdktf";
import { execa } from "execa";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Container } from "../../providers/docker/container/index.js";
import { DockerProvider } from "../../providers/docker/provider/index.js";
import { regenerateAndDiff } from "../provider-bindings.js";

/**
 * The committed bindings against the providers scripts/tf-toolchain.sh builds (its mirror, TF_CLI_CONFIG_FILE
 * and TERRAFORM_BINARY as exported by .ci/run): generated afresh from the schema Terraform reports for those
 * binaries, they are the committed ones; and what they type for 4.x is accepted by the real provider 4.6.0.
 * In CI a missing toolchain fails the suite; elsewhere it is skipped and says why.
 */

const { binary, reason } = tfToolchain();

describe.skipIf(!binary)(`provider bindings against the built providers${binary ? "" : ` (skipped: ${reason})`}`, () => {
  it("regenerated from `terraform providers schema -json` of the mirror, equal the committed providers/", async () => {
    const { differences, fileCount } = await regenerateAndDiff();
    expect(differences).toEqual([]);
    expect(fileCount).toBeGreaterThan(40);
  }, 180_000);

  async function validate(build: (stack: TerraformStack) => void): Promise<{ valid: boolean; diagnostics: { summary: string; detail: string }[]; lock: string }> {
    const outdir = mkdtempSync(join(tmpdir(), "iac-bindings-validate-"));
    const app = new App({ outdir, skipBackendValidation: true });
    const stack = new TerraformStack(app, "bindings");
    new DockerProvider(stack, "docker", {});
    build(stack);
    app.synth();
    const cwd = join(outdir, "stacks", "bindings");
    const init = await execa(binary!, ["init", "-backend=false", "-input=false", "-no-color"], { cwd, reject: false, all: true });
    expect(init.exitCode, init.all).toBe(0);
    const run = await execa(binary!, ["validate", "-json", "-no-color"], { cwd, reject: false, all: true });
    return { ...JSON.parse(run.stdout), lock: readFileSync(join(cwd, ".terraform.lock.hcl"), "utf8") };
  }

  it("type what docker 4.6.0 validates: device cgroup rules, gpus, device requests", async () => {
    const verdict = await validate((stack) => {
      new Container(stack, "openvino", { name: "openvino", image: "busybox:1", deviceCgroupRules: ["c 226:* rmw"] });
      new Container(stack, "cuda", { name: "cuda", image: "busybox:1", gpus: "all" });
      new Container(stack, "cuda_requests", { name: "cuda-requests", image: "busybox:1", deviceRequests: [{ driver: "nvidia", count: -1, capabilities: ["gpu"] }] });
    });
    expect(verdict.diagnostics).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.lock).toMatch(/provider "registry.terraform.io\/kreuzwerker\/docker" \{\n\s+version\s+= "4.6.0"/);
  }, 120_000);

  it("the judge is not blind: a misspelt attribute is refused, and so is gpus beside device_requests", async () => {
    const misspelt = await validate((stack) => {
      new Container(stack, "ml", { name: "ml", image: "busybox:1" }).addOverride("device_cgroup_rulez", ["c 226:* rmw"]);
    });
    expect(misspelt.valid).toBe(false);
    expect(misspelt.diagnostics.map((d) => [d.summary, d.detail])).toEqual([["Extraneous JSON object property", 'No argument or block type is named "device_cgroup_rulez". Did you mean "device_cgroup_rules"?']]);
    const conflicting = await validate((stack) => {
      new Container(stack, "ml", { name: "ml", image: "busybox:1", gpus: "all", deviceRequests: [{ driver: "nvidia", count: -1 }] });
    });
    expect(conflicting.valid).toBe(false);
    expect(conflicting.diagnostics.map((d) => d.detail).sort()).toEqual(['"device_requests": conflicts with gpus']);
  }, 120_000);
});
