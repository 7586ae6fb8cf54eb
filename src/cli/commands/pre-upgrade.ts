import { preUpgradeBackupScript, resolveDeployment, withStack } from "../../../stacks/synth.js";
import { refuseUnreachable, runOnHost } from "../host-exec.js";
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from "../io.js";

export interface PreUpgradeOptions {
  readonly deployment?: string;
  readonly label?: string;
  /** Print the script instead of running it. */
  readonly print?: boolean;
}

/** Dump + ZFS snapshots on the deployment's host before an upgrade, over SSH or locally with sudo. */
export async function preUpgradeCommand(opts: PreUpgradeOptions, io: CliIo): Promise<number> {
  const deployment = resolveDeployment(opts.deployment ? { deployment: opts.deployment } : {});
  const script = withStack(deployment, preUpgradeBackupScript);
  if (opts.print) {
    io.out(script);
    return EXIT_OK;
  }
  const label = opts.label ?? `${deployment.immichVersion}-${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "Z")}`;
  if (!/^[A-Za-z0-9._-]+$/.test(label)) {
    io.err(`immich-iac: --label must be letters, digits, dot, dash or underscore (got ${label})\n`);
    return EXIT_INVALID_INPUT;
  }
  const r = await refuseUnreachable(io, () => runOnHost(deployment, script, [label]));
  if (r === undefined) return EXIT_INVALID_INPUT;
  io.out(r.stdout ? `${r.stdout}\n` : "");
  if (r.stderr) io.err(`${r.stderr}\n`);
  return r.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
}

export { sshArgs } from "../host-exec.js";
