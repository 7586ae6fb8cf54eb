import { Command, CommanderError, Option } from "commander";
import { formatProblem, InputError } from "../profile/problems.js";
import { explainCommand } from "./commands/explain.js";
import { hashPasswordCommand } from "./commands/hash-password.js";
import { schemaCommand } from "./commands/schema.js";
import { renderCommand } from "./commands/render.js";
import { synthCommand } from "./commands/synth.js";
import { validateCommand } from "./commands/validate.js";
import { EXIT_FAILURE, EXIT_INVALID_INPUT, processIo, type CliIo } from "./io.js";

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("immich-iac")
    .description("Tuned, complete Immich deployments from a hardware profile, as Terraform JSON (cdktf).")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  program
    .command("validate")
    .description("Validate hardware profiles and deployments; print every problem as file:line:col: path: message")
    .argument("<file...>", "YAML files to check")
    .action((files: string[]) => setExit(validateCommand(files, io)));

  program
    .command("explain")
    .description("Show every derived setting with its formula and source")
    .requiredOption("--profile <file>", "hardware profile YAML")
    .option("--json", "print one JSON object (totalMemoryMiB, memoryBudgetMiB, postgres, immichConfig, machineLearning, zfs, sysctl, …)")
    .action((opts: { profile: string; json?: boolean }) => setExit(explainCommand(opts, io)));

  program
    .command("schema")
    .description("Print the JSON Schema of the hardware-profile format")
    .action(() => setExit(schemaCommand(io)));

  program
    .command("synth")
    .description("Synthesize Terraform JSON to DIR/stacks/<stack>/cdk.tf.json")
    .option("--deployment <file>", "deployment YAML (default: the bundled example, deployments/example.yaml)")
    .option("--profile <file>", "hardware profile YAML: a deployment with defaults for it")
    .addOption(new Option("--out <dir>", "output directory").default("cdktf.out"))
    .action(async (opts: { deployment?: string; profile?: string; out: string }) => setExit(await synthCommand(opts, io)));

  program
    .command("render")
    .description("Write every config file the stack deploys (immich/, postgres/, redis/) for review")
    .option("--deployment <file>", "deployment YAML (default: the bundled example)")
    .option("--profile <file>", "hardware profile YAML: a deployment with defaults for it")
    .requiredOption("--out <dir>", "output directory")
    .action((opts: { deployment?: string; profile?: string; out: string }) => setExit(renderCommand(opts, io)));

  program
    .command("hash-password")
    .description("Print an argon2id hash for a user's passwordHash (reads the password from stdin, or asks twice)")
    .action(async () => setExit(await hashPasswordCommand(io)));

  return program;
}

/** Runs the CLI; returns the exit code. Input errors exit 2 with located messages, never a stack trace. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? 0 : EXIT_INVALID_INPUT;
    }
    if (e instanceof InputError) {
      for (const p of e.problems) io.err(`${formatProblem(p)}\n`);
      return EXIT_INVALID_INPUT;
    }
    io.err(`immich-iac: ${(e as Error).message}\n`);
    if (process.env.IMMICH_IAC_DEBUG) io.err(`${(e as Error).stack ?? ""}\n`);
    return EXIT_FAILURE;
  }
}
