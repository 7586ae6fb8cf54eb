import { Testing } from "cdktf";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HostResources, type HostConnection } from "../../constructs/host-resources.js";
import { hostTestImage, TestHost } from "./container.js";

/**
 * Issue 20 items 1 and 2 on real machines: two disposable Debian 13 containers, one the machine that runs
 * Terraform ("runner"), one the Docker host ("host", with a real sshd and sudo). The command HostResources
 * synthesizes is run the way Terraform's local-exec runs it — its `interpreter` with the command as the last
 * argument — as an unprivileged user of the runner. What stands in for Terraform is only the evaluation of the
 * command's template escapes (`$${` → `${`, `%%{` → `%{`), which are Terraform's own syntax: the test undoes
 * exactly what escapeTerraformTemplate did. Everything else (ssh, sshd, the host's login shell, sudo, bash) is
 * the real program.
 */

const PROBE = [
  "#!/usr/bin/env bash",
  "# What the host scripts see: who runs them, where their text comes from, the SSH connection through sudo.",
  'printf "%s\\n%s\\n%s\\n" "$(id -u)" "$(readlink /proc/$$/fd/0)" "${IMMICH_IAC_SSH_CONNECTION:-unset}" >/root/probe.out',
  "",
].join("\n");

/** The resource's local-exec as Terraform runs it: interpreter, then the command with Terraform's escapes evaluated. */
function localExec(connection: HostConnection): string[] {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      new HostResources(scope, "host", { scripts: [{ file: "00-probe.sh", content: PROBE }], connection });
    }),
  );
  const [step] = Object.values(json.resource.terraform_data) as any[];
  expect(step.provisioner).toHaveLength(1);
  const exec = step.provisioner[0]["local-exec"];
  expect(exec, "a local-exec that streams the script").toBeDefined();
  return [...exec.interpreter, exec.command.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{")];
}

async function asUser(host: TestHost, user: string, argv: string[]) {
  const r = await execa("docker", ["exec", "-u", user, "-w", `/home/${user}`, host.name, ...argv], { reject: false, all: true });
  return { exitCode: r.exitCode ?? -1, all: r.all ?? "" };
}

describe("host scripts reach their host over SSH and are never a file (issue 20 items 1, 2)", () => {
  let runner: TestHost;
  let host: TestHost;
  let hostAddress: string;

  beforeAll(async () => {
    const image = hostTestImage();
    host = await TestHost.start(image);
    runner = await TestHost.start(image);
    hostAddress = (await execa("docker", ["inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", host.name])).stdout.trim();
    // The runner: an operator's account with a key, and a second one that has never seen the host's key.
    await runner.sh(
      [
        "set -e",
        "for u in tfrunner stranger; do useradd --create-home --shell /bin/bash $u; install -d -m 700 -o $u -g $u /home/$u/.ssh; done",
        "runuser -u tfrunner -- ssh-keygen -q -t ed25519 -N '' -f /home/tfrunner/.ssh/id_ed25519",
        "cp /home/tfrunner/.ssh/id_ed25519 /home/stranger/.ssh/ && chown stranger: /home/stranger/.ssh/id_ed25519",
      ].join("\n"),
    );
    const publicKey = (await runner.sh("cat /home/tfrunner/.ssh/id_ed25519.pub")).trim();
    // The host: sshd, the deploy user with the key and sudo (what 10-deploy-user.sh sets up), and another local user.
    await host.sh(
      [
        "set -e",
        "ssh-keygen -A >/dev/null && install -d -m 755 /run/sshd && /usr/sbin/sshd",
        "useradd --create-home --shell /bin/bash immich-deploy && usermod -p '*' immich-deploy",
        "install -d -m 700 -o immich-deploy -g immich-deploy /home/immich-deploy/.ssh",
        `printf '%s\\n' '${publicKey}' >/home/immich-deploy/.ssh/authorized_keys && chown immich-deploy: /home/immich-deploy/.ssh/authorized_keys`,
        "echo 'immich-deploy ALL=(ALL) NOPASSWD: ALL' >/etc/sudoers.d/immich-iac-deploy && chmod 440 /etc/sudoers.d/immich-iac-deploy",
        "useradd --create-home --shell /bin/bash mallory",
      ].join("\n"),
    );
    await runner.sh(`ssh-keyscan -t ed25519 ${hostAddress} 2>/dev/null >/home/tfrunner/.ssh/known_hosts && chown tfrunner: /home/tfrunner/.ssh/known_hosts && test -s /home/tfrunner/.ssh/known_hosts`);
  }, 600_000);

  afterAll(async () => {
    await host?.remove();
    await runner?.remove();
  });

  it("1 and 2: the script runs as root on the host it is for, from a pipe, with the SSH connection; nothing is written where another user could reach it", async () => {
    // Another local user plants what the old upload path would have run, and a trap at Terraform's default script_path.
    await host.sh(
      [
        "set -e",
        "runuser -u mallory -- bash -c 'printf \"#!/bin/bash\\ntouch /tmp/pwned\\n\" >/tmp/immich-iac-00-probe.sh; chmod 777 /tmp/immich-iac-00-probe.sh'",
        "runuser -u mallory -- ln -s /tmp/immich-iac-00-probe.sh /tmp/terraform_1.sh",
        "touch /tmp/.marker && sleep 1",
      ].join("\n"),
    );
    const run = await asUser(runner, "tfrunner", localExec({ type: "ssh", host: hostAddress, user: "immich-deploy", port: 22 }));
    expect(run.exitCode, run.all).toBe(0);

    const [uid, stdin, connection] = (await host.sh("cat /root/probe.out")).split("\n");
    expect(uid).toBe("0");
    expect(stdin).toMatch(/^pipe:\[\d+\]$/);
    const runnerAddress = (await execa("docker", ["inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", runner.name])).stdout.trim();
    expect(connection).toMatch(new RegExp(`^${runnerAddress.replace(/\./g, "\\.")} \\d+ ${hostAddress.replace(/\./g, "\\.")} 22$`));
    // Not on the runner.
    expect(await runner.sh("test -e /root/probe.out && echo present || echo absent")).toBe("absent");
    // Nothing new in a place another user can write or read into, the planted files untouched and never run.
    expect(await host.sh("find /tmp /var/tmp /dev/shm /home/immich-deploy -newer /tmp/.marker -not -path /tmp/.marker")).toBe("");
    expect(await host.sh("test -e /tmp/pwned && echo pwned || echo clean")).toBe("clean");
    expect(await host.sh("stat -c '%U %a' /tmp/immich-iac-00-probe.sh")).toBe("mallory 777");
  });

  it("1: a host whose key the runner does not know is refused before anything runs (BatchMode, no prompt)", async () => {
    await host.sh("rm -f /root/probe.out");
    const run = await asUser(runner, "stranger", localExec({ type: "ssh", host: hostAddress, user: "immich-deploy", port: 22 }));
    expect(run.exitCode).toBe(255);
    expect(run.all).toMatch(/Host key verification failed/);
    expect(await host.sh("test -e /root/probe.out && echo ran || echo not-run")).toBe("not-run");
  });

  it("1: on the machine itself (unix://) the script runs locally as root, the operator's SSH connection passed through sudo", async () => {
    const run = await execa("docker", ["exec", "-u", "immich-deploy", "-e", "SSH_CONNECTION=192.0.2.7 50000 192.0.2.1 2222", host.name, ...localExec({ type: "local" })], {
      reject: false,
      all: true,
    });
    expect(run.exitCode, run.all).toBe(0);
    expect((await host.sh("cat /root/probe.out")).split("\n").slice(0, 3)).toEqual(["0", expect.stringMatching(/^pipe:\[\d+\]$/), "192.0.2.7 50000 192.0.2.1 2222"]);
  });
});
