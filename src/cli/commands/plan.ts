import { execa } from "execa";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { synthesize } from "../../../stacks/synth.js";
import { formatJson, formatMarkdown, formatTerminal } from "../../plan/format.js";
import { parsePlan } from "../../plan/plan-json.js";
import { buildReport } from "../../plan/report.js";
import type { AllowableRisk } from "../../plan/upgrade-rules.js";
import { EXIT_FAILURE, type CliIo } from "../io.js";

export interface PlanOptions {
  readonly deployment?: string;
  readonly out: string;
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly allow?: readonly string[];
}

/** `TERRAFORM_BINARY` (a path) or `TERRAFORM_BINARY_NAME` (terraform | tofu), as cdktf reads it. */
export function terraformBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.TERRAFORM_BINARY ?? env.TERRAFORM_BINARY_NAME ?? "terraform";
}

/** synth → init → plan -out → show -json → report. The saved plan holds secrets: it stays in the stack dir. */
export async function planCommand(opts: PlanOptions, io: CliIo): Promise<number> {
  const { stacks } = synthesize({ outdir: opts.out, ...(opts.deployment ? { deployment: opts.deployment } : {}) });
  const cwd = resolve(opts.out, "stacks", stacks[0]!);
  const bin = terraformBinary();
  const run = async (args: string[]) => {
    const r = await execa(bin, args, { cwd, reject: false, env: { TF_IN_AUTOMATION: "1" } });
    if (r.exitCode !== 0 && !(args[0] === "plan" && r.exitCode === 2)) {
      io.err(`immich-iac: ${bin} ${args[0]} failed (exit ${r.exitCode}):\n${r.stderr || r.stdout}\n`);
      return undefined;
    }
    return r.stdout;
  };
  if (!existsSync(join(cwd, ".terraform")) && (await run(["init", "-input=false", "-no-color"])) === undefined) return EXIT_FAILURE;
  if ((await run(["plan", "-input=false", "-no-color", "-out=tfplan"])) === undefined) return EXIT_FAILURE;
  const json = await run(["show", "-json", "tfplan"]);
  if (json === undefined) return EXIT_FAILURE;
  const report = buildReport(parsePlan(json, join(cwd, "tfplan (show -json)")), (opts.allow ?? []) as AllowableRisk[]);
  io.out(opts.json ? formatJson(report) : opts.markdown ? formatMarkdown(report) : formatTerminal(report));
  return report.exitCode;
}
