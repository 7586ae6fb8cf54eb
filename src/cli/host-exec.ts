import { execa } from "execa";
import { sshTarget, type Deployment } from "../deployment/load-deployment.js";

/**
 * ssh's arguments for running `command` as `user` on `host`. User and port are option values (`-l`, `-p`) and
 * the host comes after `--`, so that no part of a deployment file can be read by ssh as an option
 * (`-oProxyCommand=…`, `-F file`). The loader has already refused such values; this is the second fence.
 */
export function sshArgs(host: string, port: number, user: string, command: readonly string[]): string[] {
  return ["-p", String(port), "-l", user, "--", host, ...command];
}

/**
 * Runs a generated bash script as root on the deployment's Docker host: over SSH as the deploy user with
 * `sudo -n`, or locally (directly when already root, else with `sudo -n`). The script comes on stdin.
 */
export async function runOnHost(deployment: Deployment, script: string, args: readonly string[], stderr: "pipe" | "inherit" = "pipe") {
  const ssh = sshTarget(deployment.dockerHost);
  const bash = ["bash", "-s", "--", ...args];
  const [cmd, cmdArgs] = ssh
    ? ["ssh", sshArgs(ssh.host, ssh.port, deployment.host.deployUser.name, ["sudo", "-n", ...bash])]
    : process.getuid?.() === 0
      ? [bash[0]!, bash.slice(1)]
      : ["sudo", ["-n", ...bash]];
  return execa(cmd, cmdArgs as string[], { input: script, reject: false, stderr });
}
