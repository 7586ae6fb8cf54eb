import { execa } from "execa";
import { ROOT_BASH } from "../../constructs/host-resources.js";
import { mkdtempSync, readFileSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HostPlan } from "../../src/host/host-plan.js";
import { renderDeployUser } from "../../src/renderers/host/deploy-user.js";
import { TestHost } from "./container.js";

/**
 * A real OpenSSH server in the disposable host, and the real OpenSSH client of this machine: what the operator
 * and Terraform's provisioner use. Nothing here stands in for either; UFW and iptables are the host's own.
 */

export const DEPLOY_USER = "immich-deploy";

/**
 * How the provisioner runs a host script, the construct's own line (constructs/host-resources.ts): `sudo` drops
 * SSH_CONNECTION, so the login shell passes it on as IMMICH_IAC_SSH_CONNECTION; the script comes on stdin.
 */
export const PROVISIONER_SUDO = ROOT_BASH;
/** The invocation before issue 20 item 4: the script cannot see the connection it runs over. */
export const PLAIN_SUDO = "sudo -n /bin/bash -s";

/** A throwaway key pair for one test file. */
export async function throwawayKey(): Promise<{ file: string; publicKey: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "iac-ssh-"));
  const file = join(dir, "id_ed25519");
  await execa("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "immich-iac host test", "-f", file]);
  return { file, publicKey: readFileSync(`${file}.pub`, "utf8").trim(), dir };
}

/** The container's address on Docker's bridge, reachable from this machine. */
export async function addressOf(host: TestHost): Promise<string> {
  const r = await execa("docker", ["inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", host.name]);
  const ip = r.stdout.trim();
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) throw new Error(`no bridge address for ${host.name}: ${JSON.stringify(ip)}`);
  return ip;
}

/** The deploy user as the product creates it (the rendered deploy-user script, with the throwaway key). */
export async function createDeployUser(host: TestHost, publicKey: string): Promise<void> {
  const plan = { deploymentName: "ssh-access", deployUser: { name: DEPLOY_USER, authorizedKeys: [publicKey] } } as unknown as HostPlan;
  const r = await host.exec(renderDeployUser(plan, "deployment ssh-access"));
  if (r.exitCode !== 0) throw new Error(`deploy-user failed: ${r.stderr}`);
}

/** Debian's sshd (its packaged config: UsePAM, key login for a locked password) listening on each port. */
export async function startSshd(host: TestHost, ports: readonly number[]): Promise<void> {
  await host.sh(["mkdir -p /run/sshd", "ssh-keygen -A >/dev/null", ...ports.map((p) => `/usr/sbin/sshd -p ${p} -E /var/log/sshd-${p}.log`)].join("\n"));
  for (const p of ports) await host.sh(`for i in $(seq 1 50); do ss -ltn "sport = :${p}" | grep -q LISTEN && exit 0; sleep 0.1; done; exit 1`);
}

/** One SSH connection kept open (ControlMaster), through which commands run; and fresh logins beside it. */
export class SshSession {
  private constructor(
    private readonly base: readonly string[],
    private readonly target: string,
    private readonly control: string,
  ) {}

  static options(keyFile: string, port: number): string[] {
    return ["-i", keyFile, "-p", String(port), "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=5"];
  }

  /** Opens the held connection; every `run` goes through it, never through a new one (ControlMaster=no). */
  static async open(keyFile: string, ip: string, port: number, dir: string): Promise<SshSession> {
    const control = join(dir, `control-${port}-${Date.now()}`);
    const base = SshSession.options(keyFile, port);
    const target = `${DEPLOY_USER}@${ip}`;
    // -f: back to us once authenticated; the master keeps the TCP connection. stdio ignored: the master keeps it open.
    await execa("ssh", [...base, "-o", "ControlMaster=yes", "-o", `ControlPath=${control}`, "-o", "ControlPersist=600", "-f", "-N", target], { stdio: "ignore", timeout: 30_000 });
    return new SshSession(base, target, control);
  }

  /** A command over the held connection. ssh falls back to a new connection if the master is gone: see `clientPort`. */
  run(command: string, input = ""): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    return execa("ssh", [...this.base, "-o", "ControlMaster=no", "-o", `ControlPath=${this.control}`, this.target, command], { input, reject: false, timeout: 60_000 }).then((r) => ({
      exitCode: r.exitCode ?? -1,
      stdout: r.stdout,
      stderr: r.stderr,
    }));
  }

  /** Is the master's TCP connection still the one it opened? (`ssh -O check` asks the master process itself.) */
  async masterAlive(): Promise<boolean> {
    const r = await execa("ssh", ["-o", `ControlPath=${this.control}`, "-O", "check", this.target], { reject: false, timeout: 10_000 });
    return r.exitCode === 0;
  }

  /** A new login beside the held one: no control socket, its own TCP connection. */
  fresh(command: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    return execa("ssh", [...this.base, "-o", "ControlPath=none", this.target, command], { reject: false, timeout: 30_000 }).then((r) => ({
      exitCode: r.exitCode ?? -1,
      stdout: r.stdout,
      stderr: r.stderr,
    }));
  }

  async close(): Promise<void> {
    await execa("ssh", ["-o", `ControlPath=${this.control}`, "-O", "exit", this.target], { reject: false, timeout: 10_000 });
  }
}

/** The client port of `$SSH_CONNECTION`: the same number before and after means the same TCP connection. */
export function clientPort(sshConnection: string): string {
  const fields = sshConnection.trim().split(" ");
  if (fields.length !== 4) throw new Error(`not an SSH_CONNECTION: ${JSON.stringify(sshConnection)}`);
  return fields[1]!;
}

/**
 * What a TCP connect from this machine meets: `connected`, `refused` (RST: nothing listens, or a REJECT rule), or
 * `dropped` (no answer within the timeout: UFW's default deny).
 */
export function probe(ip: string, port: number, timeoutMs = 3000): Promise<"connected" | "refused" | "dropped"> {
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (r: "connected" | "refused" | "dropped") => {
      s.destroy();
      resolve(r);
    };
    s.setTimeout(timeoutMs, () => done("dropped"));
    s.once("connect", () => done("connected"));
    s.once("error", (e: NodeJS.ErrnoException) => done(e.code === "ECONNREFUSED" ? "refused" : "dropped"));
    s.connect(port, ip);
  });
}
