import { Command, CommanderError, Option } from "commander";
import { formatProblem, InputError, visible } from "../profile/problems.js";
import { IMMICH_IAC_VERSION } from "../versions.js";
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_VERDICT_INVALID_INPUT, processIo, VERDICT_COMMANDS, type CliIo } from "./io.js";

// Commands are loaded when they run: `plan-report` must start fast and never load cdktf.
const RISKS = ["data-loss", "downgrade", "skip-required-release", "major-skip", "version-mismatch", "postgres-migration", "secret-rotation"] as const;

function addAllowFlags(cmd: Command): Command {
  for (const risk of RISKS) cmd.option(`--allow-${risk}`, `accept the risk "${risk}" (blocked → maintenance window)`);
  return cmd;
}

function allowed(opts: Record<string, unknown>): string[] {
  return RISKS.filter((r) => opts[`allow${r.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase())}`] === true);
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("immich-iac")
    .description("Tuned, complete Immich deployments from a hardware profile, as Terraform JSON (cdktf).")
    .version(IMMICH_IAC_VERSION, "-V, --version", "print the version of immich-iac")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  program
    .command("validate")
    .description("Validate hardware profiles and deployments; print every problem as file:line:col: path: message")
    .argument("<file...>", "YAML files to check")
    .action(async (files: string[]) => setExit((await import("./commands/validate.js")).validateCommand(files, io)));

  program
    .command("explain")
    .description("Show every derived setting with its formula and source")
    .option("--profile <name|file>", "hardware profile: a shipped profile's name (homelab-minimal) or a YAML file")
    .option("--deployment <file>", "deployment YAML: its profile with its choices and extra ML nodes")
    .option("--json", "print one JSON object (totalMemoryMiB, memoryBudgetMiB, postgres, immichConfig, machineLearning, mlNodes, zfs, sysctl, …)")
    .action(async (opts: { profile?: string; deployment?: string; json?: boolean }) => setExit((await import("./commands/explain.js")).explainCommand(opts, io)));

  program
    .command("schema")
    .description("Print the JSON Schema of the hardware-profile format")
    .action(async () => setExit((await import("./commands/schema.js")).schemaCommand(io)));

  program
    .command("synth")
    .description("Synthesize Terraform JSON to DIR/stacks/<stack>/cdk.tf.json")
    .option("--deployment <file>", "deployment YAML (default: the bundled example, deployments/example.yaml)")
    .addOption(new Option("--profile <name|file>", "hardware profile (a shipped profile's name or a YAML file): a deployment with defaults for it").conflicts("deployment"))
    .addOption(new Option("--out <dir>", "output directory (created with its parents)").default("cdktf.out"))
    .option("--state <file>", "Terraform state file, which holds every secret (default: terraform.<name>.tfstate next to --out)")
    .action(async (opts: { deployment?: string; profile?: string; out: string; state?: string }) => setExit(await (await import("./commands/synth.js")).synthCommand(opts, io)));

  program
    .command("render")
    .description(
        "Write every config file the stack deploys, for review: immich/, postgres/, redis/, caddy/, authelia/, host/, maintenance/; with backups backup/, with monitoring monitoring/, with extra ML nodes ml-nodes/<node>/host/",
      )
    .option("--deployment <file>", "deployment YAML (default: the bundled example)")
    .addOption(new Option("--profile <name|file>", "hardware profile (a shipped profile's name or a YAML file): a deployment with defaults for it").conflicts("deployment"))
    .requiredOption("--out <dir>", "output directory")
    .action(async (opts: { deployment?: string; profile?: string; out: string }) => setExit((await import("./commands/render.js")).renderCommand(opts, io)));

  program
    .command("access")
    .description("Remote access (spec.access)")
    .command("peer <name>")
    .description("Print a WireGuard peer's client configuration (and a QR code with --qr); it holds no key of the server's but its public one")
    .requiredOption("--deployment <file>", "the deployment file")
    .requiredOption("--server-public-key <key>", "the server's public key, as the host's wireguard script printed it (sudo wg show wg-immich public-key)")
    .option("--peer-private-key-file <file>", "the device's private key (wg genkey), put in the configuration and the QR code")
    .option("--qr", "also print the configuration as a QR code for the WireGuard app")
    .action(async (name: string, opts: { deployment: string; serverPublicKey: string; peerPrivateKeyFile?: string; qr?: boolean }) =>
      setExit((await import("./commands/access-peer.js")).accessPeerCommand(name, opts, io)),
    );

  program
    .command("versions")
    .description("List every image the stack deploys: tag, digest, floor (the oldest release accepted, and why) and source")
    .option("--json", "print the table as JSON (id → image, tag, version, digest, floor, floorReason, source, checked)")
    .option("--markdown", "print the table as Markdown (the one in docs/versions.md)")
    .action(async (opts: { json?: boolean; markdown?: boolean }) => setExit((await import("./commands/versions.js")).versionsCommand(opts, io)));

  program
    .command("hash-password")
    .description("Print an argon2id hash for a user's passwordHash (reads the password from stdin, or asks twice)")
    .action(async () => setExit(await (await import("./commands/hash-password.js")).hashPasswordCommand(io)));

  addAllowFlags(
    program
      .command("plan")
      .description("synth, then terraform/tofu init, plan -out, show -json, and the risk report (exit 0 none, 2 safe, 3 maintenance, 4 blocked; 5 invalid input, 1 failure)")
      .option("--deployment <file>", "deployment YAML (default: the bundled example)")
      .addOption(new Option("--out <dir>", "synth output directory").default("cdktf.out"))
      .option("--state <file>", "Terraform state file, which holds every secret (default: terraform.<name>.tfstate next to --out)")
      .option("--json", "report as JSON")
      .option("--markdown", "report as Markdown (for a pull-request comment)"),
  ).action(async (opts: Record<string, unknown>) =>
    setExit(await (await import("./commands/plan.js")).planCommand({ ...(opts as { out: string }), allow: allowed(opts) }, io)),
  );

  addAllowFlags(
    program
      .command("plan-report")
      .description("Report a JSON plan made elsewhere (terraform show -json tfplan): exit 0 none, 2 safe, 3 maintenance, 4 blocked; 5 invalid input")
      .argument("<plan.json>", "the JSON plan")
      .option("--json", "report as JSON")
      .option("--markdown", "report as Markdown (for a pull-request comment)"),
  ).action(async (file: string, opts: Record<string, unknown>) =>
    setExit((await import("./commands/plan-report.js")).planReportCommand(file, { ...opts, allow: allowed(opts) }, io)),
  );

  program
    .command("pre-upgrade")
    .description("Before an upgrade: dump the database and snapshot the database and library datasets on the host")
    .option("--deployment <file>", "deployment YAML (default: the bundled example)")
    .option("--label <name>", "name of the dump and snapshots (default: <immichVersion>-<UTC time>)")
    .option("--print", "print the script instead of running it")
    .action(async (opts: { deployment?: string; label?: string; print?: boolean }) => setExit(await (await import("./commands/pre-upgrade.js")).preUpgradeCommand(opts, io)));

  const backup = program.command("backup").description("Backups on the deployment's host: status, a run now, a restore drill");
  const backupOptions = (c: ReturnType<typeof program.command>) =>
    c.option("--deployment <file>", "deployment YAML (default: the bundled example)").option("--json", "machine-readable output").option("--print", "print the host script instead of running it");
  backupOptions(backup.command("status").description("Newest local and off-site copies, their age, the last run (exit 1 when late or failed)")).action(
    async (opts) => setExit(await (await import("./commands/backup.js")).backupCommand("status", opts, io)),
  );
  backupOptions(backup.command("run").description("A base backup and an off-site copy now (e.g. before a risky change)")).action(async (opts) =>
    setExit(await (await import("./commands/backup.js")).backupCommand("run", opts, io)),
  );
  backupOptions(backup.command("restore-drill").description("Restore the newest off-site copy into a throwaway PostgreSQL and compare a sample of library files"))
    .option("--target-time <utc>", "recover to this UTC time, e.g. 2026-11-30T08:15:00Z (default: the end of the archived WAL)")
    .option("--sample <n>", "library files to restore and compare by SHA-256", "20")
    .option("--keep", "leave the recovered database running (no network) to copy rows out of it; prints how to remove it")
    .action(async (opts) => setExit(await (await import("./commands/backup.js")).backupCommand("restore-drill", opts, io)));

  const libraries = program.command("libraries").description("External libraries: make Immich's match the deployment");
  libraries
    .command("sync")
    .description(
      "Create missing libraries, update changed import paths and exclusions, scan them; delete only what --delete names. The key is IMMICH_API_KEY (an admin's). Exit 0 nothing to do, 2 safe, 3 maintenance, 4 blocked; 5 invalid input, 1 failure",
    )
    .requiredOption("--deployment <file>", "deployment YAML")
    .option("--url <url>", "Immich's URL (default: https://<the deployment's domain>)")
    .option("--dry-run", "print what it would do, change nothing")
    .option("--delete <name>", "delete this library, not in the deployment, even with assets (repeatable)", (v: string, acc: string[] = []) => [...acc, v])
    .option("--scan-all", "scan every declared library, not only those created or changed")
    .option("--json", "machine-readable output")
    .action(async (opts) => setExit(await (await import("./commands/libraries.js")).librariesSyncCommand(opts, io)));

  program
    .command("import")
    .description(
      "Upload folders of photos with Immich's CLI (@immich/cli, Node >= 22) in batches, pausing while the host's I/O stall or temperatures are above the profile's thresholds; resumable (journal). The key is IMMICH_API_KEY",
    )
    .argument("<dir...>", "folders to import")
    .requiredOption("--deployment <file>", "deployment YAML")
    .option("--url <url>", "Immich's URL (default: https://<the deployment's domain>)")
    .option("--prometheus <url>", "read pressure from this Prometheus (monitoring on) instead of the host over SSH")
    .option("--journal <file>", "the journal for resuming (default: ~/.local/state/immich-iac/import-<deployment>-<folders>.jsonl)")
    .option("--poll-seconds <n>", "seconds between readings while waiting", "30")
    .action(async (dirs: string[], opts) => setExit(await (await import("./commands/import.js")).importCommand(dirs, opts, io)));

  return program;
}

/** Runs the CLI; returns the exit code. Input errors exit 2 with located messages, never a stack trace. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const invalidInput = VERDICT_COMMANDS.has(argv.find((a) => !a.startsWith("-")) ?? "") ? EXIT_VERDICT_INVALID_INPUT : EXIT_INVALID_INPUT;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? 0 : invalidInput;
    }
    if (e instanceof InputError) {
      for (const p of e.problems) io.err(`${formatProblem(p)}\n`);
      return invalidInput;
    }
    io.err(`immich-iac: ${visible((e as Error).message)}\n`);
    if (process.env.IMMICH_IAC_DEBUG) io.err(`${(e as Error).stack ?? ""}\n`);
    return EXIT_FAILURE;
  }
}
