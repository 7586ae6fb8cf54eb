import { execa } from "execa";
import { preUpgradeBackupScript, resolveDeployment, withStack } from "../../../stacks/synth.js";
import { sshTarget } from "../../deployment/load-deployment.js";
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
  const ssh = sshTarget(deployment.dockerHost);
  const [cmd, args] = ssh ? ["ssh", sshArgs(ssh.host, ssh.port, deployment.host.deployUser.name, ["sudo", "-n", "bash", "-s", "--", label])] : ["sudo", ["-n", "bash", "-s", "--", label]];
  const r = await execa(cmd, args as string[], { input: script, reject: false });
  io.out(r.stdout ? `${r.stdout}\n` : "");
  if (r.stderr) io.err(`${r.stderr}\n`);
  return r.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
}

/**
 * ssh's arguments for running `command` as `user` on `host`. User and port are option values (`-l`, `-p`) and
 * the host comes after `--`, so that no part of a deployment file can be read by ssh as an option
 * (`-oProxyCommand=…`, `-F file`). The loader has already refused such values; this is the second fence.
 */
export function sshArgs(host: string, port: number, user: string, command: readonly string[]): string[] {
  return ["-p", String(port), "-l", user, "--", host, ...command];
}
