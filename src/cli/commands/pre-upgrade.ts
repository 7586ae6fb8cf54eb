import { execa } from "execa";
import { App } from "cdktf";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { preUpgradeBackupScript, resolveDeployment } from "../../../stacks/synth.js";
import { ImmichDeploymentStack } from "../../../stacks/deployment-stack.js";
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
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), "immich-iac-")), skipBackendValidation: true });
  const script = preUpgradeBackupScript(new ImmichDeploymentStack(app, deployment.name, { deployment }));
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
  const [cmd, args] = ssh
    ? ["ssh", ["-p", String(ssh.port), `${deployment.host.deployUser.name}@${ssh.host}`, "sudo", "-n", "bash", "-s", "--", label]]
    : ["sudo", ["-n", "bash", "-s", "--", label]];
  const r = await execa(cmd, args as string[], { input: script, reject: false });
  io.out(r.stdout ? `${r.stdout}\n` : "");
  if (r.stderr) io.err(`${r.stderr}\n`);
  return r.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
}
