import { resolveDeployment, withStack } from "../../../stacks/synth.js";
import { judgeDrill, judgeStatus, type RawDrill, type RawStatus, type Verdict } from "../../backup/judge.js";
import { refuseUnreachable, runOnHost } from "../host-exec.js";
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from "../io.js";

export interface BackupOptions {
  readonly deployment?: string;
  readonly json?: boolean;
  /** Print the operations script instead of running it. */
  readonly print?: boolean;
  /** restore-drill: UTC time to recover to (`2026-11-30T08:15:00Z`); default the end of the archived WAL. */
  readonly targetTime?: string;
  /** restore-drill: library files to restore and compare. */
  readonly sample?: string;
  /** restore-drill: leave the recovered database running (no network) to copy rows out of it. */
  readonly keep?: boolean;
}

const TARGET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * `backup status | run | restore-drill` on the deployment's host (over SSH or locally, like pre-upgrade).
 * Exit 0 when all is well, 1 when the backups are late, failed or the drill found a problem, 2 on bad options.
 */
export async function backupCommand(action: "status" | "run" | "restore-drill", opts: BackupOptions, io: CliIo): Promise<number> {
  const deployment = resolveDeployment(opts.deployment ? { deployment: opts.deployment } : {});
  const script = withStack(deployment, (stack) => stack.immich.backupFiles["backup-operations.sh"]!);
  if (opts.print) {
    io.out(script);
    return EXIT_OK;
  }
  const args: string[] = [action];
  if (action === "restore-drill") {
    if (opts.targetTime !== undefined && !TARGET_TIME.test(opts.targetTime)) {
      io.err(`immich-iac: --target-time must be a UTC time like 2026-11-30T08:15:00Z (got ${JSON.stringify(opts.targetTime.slice(0, 64))})\n`);
      return EXIT_INVALID_INPUT;
    }
    if (opts.sample !== undefined && !/^\d{1,4}$/.test(opts.sample)) {
      io.err(`immich-iac: --sample must be a number of files, 0–9999 (got ${JSON.stringify(opts.sample.slice(0, 64))})\n`);
      return EXIT_INVALID_INPUT;
    }
    args.push(opts.targetTime ?? "latest", opts.sample ?? "20", opts.keep ? "keep" : "discard");
  }
  // Progress (restic, pg_basebackup) goes straight to the terminal; stdout is the script's JSON.
  const r = await refuseUnreachable(io, () => runOnHost(deployment, script, args, opts.json ? "pipe" : "inherit"));
  if (r === undefined) return EXIT_INVALID_INPUT;
  if (r.exitCode !== 0) {
    if (opts.json && r.stderr) io.err(`${r.stderr}\n`);
    io.err(`immich-iac: backup ${action} failed on the host (exit ${r.exitCode})\n`);
    return EXIT_FAILURE;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(r.stdout.trim().split("\n").pop() ?? "");
  } catch {
    io.err(`immich-iac: backup ${action}: the host script printed no JSON result\n`);
    return EXIT_FAILURE;
  }
  if (action === "run") {
    io.out(opts.json ? `${JSON.stringify({ ok: true })}\n` : "backup run: base backup and off-site copy done\n");
    return EXIT_OK;
  }
  const verdict: Verdict = action === "status" ? judgeStatus(raw as RawStatus, deployment.backup) : judgeDrill(raw as RawDrill);
  if (opts.json) {
    io.out(`${JSON.stringify({ ok: verdict.ok, problems: verdict.problems, lines: verdict.lines, [action === "status" ? "status" : "drill"]: raw }, null, 2)}\n`);
  } else {
    io.out(`${verdict.lines.join("\n")}\n${verdict.ok ? "OK" : verdict.problems.map((p) => `PROBLEM: ${p}`).join("\n")}\n`);
  }
  return verdict.ok ? EXIT_OK : EXIT_FAILURE;
}
