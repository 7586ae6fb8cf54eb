import { execa } from "execa";
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { resolveDeployment, stackDir, statePathOf, synthesizeDeployment } from "../../../stacks/synth.js";
import { writeReport } from "../../plan/format.js";
import { parsePlan } from "../../plan/plan-json.js";
import { buildReport } from "../../plan/report.js";
import type { AllowableRisk } from "../../plan/upgrade-rules.js";
import { visible } from "../../profile/problems.js";
import { EXIT_FAILURE, type CliIo } from "../io.js";
import { planPathOf, preparePlanFile, prepareSynthOutput } from "../state-location.js";

export interface PlanOptions {
  readonly deployment?: string;
  readonly out: string;
  readonly state?: string;
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly allow?: readonly string[];
}

/** `TERRAFORM_BINARY` (a path) or `TERRAFORM_BINARY_NAME` (terraform | tofu), as cdktf reads it. */
export function terraformBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.TERRAFORM_BINARY ?? env.TERRAFORM_BINARY_NAME ?? "terraform";
}

/**
 * synth → init → plan -out → show -json → report, each step announced on stderr. `init` runs every time:
 * it is idempotent, and a failed one is then simply tried again. The saved plan holds every secret: it is
 * written next to the state, in the directory checked private for it, as a file only its owner reads.
 */
export async function planCommand(opts: PlanOptions, io: CliIo): Promise<number> {
  const deployment = resolveDeployment(opts.deployment ? { deployment: opts.deployment } : {});
  const output = prepareSynthOutput(deployment.name, opts, io);
  io.err(`immich-iac: synth ${deployment.name} → ${join(opts.out, "stacks", deployment.name)}\n`);
  const { stacks } = synthesizeDeployment(deployment, output);
  const cwd = stackDir(opts.out, stacks[0]!);
  const bin = terraformBinary();
  const run = async (args: string[]): Promise<string | undefined> => {
    io.err(`immich-iac: ${bin} ${args.join(" ")}\n`);
    const r = await execa(bin, args, { cwd, reject: false, env: { TF_IN_AUTOMATION: "1" } });
    if (r.exitCode === undefined) {
      const missing = (r as { code?: string }).code === "ENOENT";
      io.err(
        missing
          ? `immich-iac: ${bin} was not found (install Terraform or OpenTofu, or set TERRAFORM_BINARY to its path)\n`
          : `immich-iac: ${bin} ${args[0]} did not run: ${visible(r.shortMessage ?? "unknown error")}\n`,
      );
      return undefined;
    }
    if (r.exitCode !== 0) {
      io.err(`immich-iac: ${bin} ${args[0]} failed (exit ${r.exitCode}):\n${r.stderr || r.stdout}\n`);
      return undefined;
    }
    return r.stdout;
  };
  if ((await run(["init", "-input=false", "-no-color"])) === undefined) return EXIT_FAILURE;
  const planFile = planPathOf(statePathOf(opts.out, deployment.name, opts.state));
  preparePlanFile(planFile);
  if ((await run(["plan", "-input=false", "-no-color", `-out=${planFile}`])) === undefined) return EXIT_FAILURE;
  // Whatever Terraform did to the file meanwhile, it stays private.
  chmodSync(planFile, 0o600);
  io.err(`immich-iac: saved plan: ${planFile} (holds every secret, like the state)\n`);
  const json = await run(["show", "-json", planFile]);
  if (json === undefined) return EXIT_FAILURE;
  const report = buildReport(parsePlan(json, `${planFile} (show -json)`), (opts.allow ?? []) as AllowableRisk[]);
  writeReport(report, opts, io.out);
  return report.exitCode;
}
