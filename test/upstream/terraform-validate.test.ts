import { execa } from "execa";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthesize } from "../../stacks/synth.js";
import { deploymentPath, SHIPPED_DEPLOYMENTS } from "../stack-util.js";

/**
 * Terraform (or OpenTofu) with the real providers judges every synthesized stack: `init` from the provider
 * mirror of scripts/tf-toolchain.sh (TF_CLI_CONFIG_FILE and TERRAFORM_BINARY, exported by .ci/run), then
 * `validate`. In CI a missing toolchain fails the suite; elsewhere it is skipped and says why.
 */
function toolchain(): { binary?: string; reason: string } {
  const binary = process.env.TERRAFORM_BINARY;
  const config = process.env.TF_CLI_CONFIG_FILE;
  if (binary && config && existsSync(config) && readFileSync(config, "utf8").includes("filesystem_mirror")) return { binary, reason: "" };
  const reason = "no provider mirror: eval \"$(bash scripts/tf-toolchain.sh)\" exports TERRAFORM_BINARY and TF_CLI_CONFIG_FILE";
  if (process.env.CI) throw new Error(`CI needs Terraform and the provider mirror: ${reason}`);
  return { reason };
}

const { binary, reason } = toolchain();

describe.skipIf(!binary)(`terraform validate with the real providers${binary ? "" : ` (skipped: ${reason})`}`, () => {
  it.each(SHIPPED_DEPLOYMENTS)("%s", async (name) => {
    const out = mkdtempSync(join(tmpdir(), "iac-validate-"));
    const [stack] = synthesize({ deployment: deploymentPath(name), outdir: out }).stacks;
    const cwd = join(out, "stacks", stack!);
    const init = await execa(binary!, ["init", "-backend=false", "-input=false", "-no-color"], { cwd, reject: false, all: true });
    expect(init.exitCode, init.all).toBe(0);
    const validate = await execa(binary!, ["validate", "-json", "-no-color"], { cwd, reject: false, all: true });
    const verdict = JSON.parse(validate.stdout);
    expect(verdict.diagnostics, validate.stdout).toEqual([]);
    expect(verdict.valid).toBe(true);
  }, 120_000);
});
