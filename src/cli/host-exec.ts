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
 * `sudo -n`, or locally (directly when already root, else with `sudo -n`). The script comes on stdin, so nothing
 * is written to the host's disk; the SSH connection it runs over goes through sudo as IMMICH_IAC_SSH_CONNECTION.
 * A `tcp://` host has no shell to run it in: HostUnreachable before anything runs (refuseUnreachable says so).
 */
export async function runOnHost(deployment: Deployment, script: string, args: readonly string[], stderr: "pipe" | "inherit" = "pipe") {
  const [cmd, cmdArgs] = hostCommand(deployment, args, process.getuid?.() === 0, process.env.SSH_CONNECTION);
  return execa(cmd, cmdArgs, { input: script, reject: false, stderr });
}

/** The program and arguments runOnHost starts (see there); `root` when this process already is. */
export function hostCommand(deployment: Deployment, args: readonly string[], root: boolean, sshConnection: string | undefined): [string, string[]] {
  const ssh = sshTarget(deployment.dockerHost);
  if (!ssh && !deployment.dockerHost.startsWith("unix://")) throw new HostUnreachable(deployment.dockerHost);
  const bash = ["bash", "-s", "--", ...args];
  if (ssh) {
    // ssh joins its arguments into one command line for the host's shell, which expands ${SSH_CONNECTION:-} there.
    return ["ssh", sshArgs(ssh.host, ssh.port, deployment.host.deployUser.name, ["sudo", "-n", "env", '"IMMICH_IAC_SSH_CONNECTION=${SSH_CONNECTION:-}"', ...bash])];
  }
  const local = ["env", `IMMICH_IAC_SSH_CONNECTION=${sshConnection ?? ""}`, ...bash];
  return root ? [local[0]!, local.slice(1)] : ["sudo", ["-n", ...local]];
}

/** The deployment's Docker host is `tcp://`: no shell there to run a host script in. */
export class HostUnreachable extends Error {
  constructor(public readonly dockerHost: string) {
    super(
      `the Docker host ${dockerHost} is reached over tcp://, where no shell runs: host commands need dockerHost ssh://user@host (or unix:// on the host itself); run the script by hand with --print`,
    );
  }
}

/** Runs `run`; a tcp:// host is said on stderr (the caller exits with invalid input) instead of a stack trace. */
export async function refuseUnreachable<T>(io: { err(text: string): void }, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof HostUnreachable)) throw e;
    io.err(`immich-iac: ${e.message}\n`);
    return undefined;
  }
}
