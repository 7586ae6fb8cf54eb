import { existsSync, readFileSync } from "node:fs";

/**
 * Terraform (or OpenTofu) and the provider mirror of scripts/tf-toolchain.sh (TERRAFORM_BINARY and
 * TF_CLI_CONFIG_FILE, exported by .ci/run). In CI a missing toolchain fails the suite; elsewhere the suites that
 * need it are skipped and say why.
 */
export function tfToolchain(): { binary?: string; reason: string } {
  const binary = process.env.TERRAFORM_BINARY;
  const config = process.env.TF_CLI_CONFIG_FILE;
  if (binary && config && existsSync(config) && readFileSync(config, "utf8").includes("filesystem_mirror")) return { binary, reason: "" };
  const reason = "no provider mirror: eval \"$(bash scripts/tf-toolchain.sh)\" exports TERRAFORM_BINARY and TF_CLI_CONFIG_FILE";
  if (process.env.CI) throw new Error(`CI needs Terraform and the provider mirror: ${reason}`);
  return { reason };
}
