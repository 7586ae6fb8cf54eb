import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import type { HostPlan } from "../../src/host/host-plan.js";
import { renderFirewall } from "../../src/renderers/host/firewall.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { deploymentPath } from "../stack-util.js";
import { hostTestImage, results, TestHost } from "./container.js";
import { addressOf, clientPort, createDeployUser, PLAIN_SUDO, probe, PROVISIONER_SUDO, SshSession, startSshd, throwawayKey } from "./ssh.js";

/**
 * Issue 21 "the operator keeps access", issue 20 item 4: an OpenSSH server in the disposable Debian host, the
 * firewall script run by the deploy user with sudo through a held SSH connection from this machine, as the
 * provisioner runs it. Observed from outside: the held connection still answers after `ufw enable`, a new login
 * works, and a port nobody allowed (a second sshd on 2223, reachable before the run) is dropped.
 */

/** Listens in the host on a port no deployment allows: reachable before the firewall runs, dropped after. */
const UNALLOWED_PORT = 2223;

const example = loadDeploymentFile(deploymentPath("example"));
const examplePlan = deriveHostPlan(example, computeTuning(example.profile));
const firewallFor = (sshPort: number): string => renderFirewall({ ...examplePlan, firewall: { ...examplePlan.firewall, sshPort } } as HostPlan, "deployment ssh-access");

interface Observed {
  readonly before: { readonly unallowed: string; readonly clientPort: string };
  readonly run: { readonly exitCode: number; readonly stdout: string; readonly stderr: string };
  readonly held: { readonly alive: boolean; readonly exitCode: number; readonly clientPort: string; readonly ufw: string };
  readonly fresh: { readonly exitCode: number; readonly clientPort: string; readonly stderr: string };
  readonly unallowed: string;
  readonly second: { readonly exitCode: number; readonly stdout: string; readonly stderr: string };
}

/**
 * Starts a host with sshd on `sshdPort` (and the unallowed listener), optionally with UFW already active and
 * admitting everything, then runs the firewall for `planSshPort` through a held connection and looks from outside.
 */
async function scenario(opts: { sshdPort: number; planSshPort: number; ufwActive: boolean; sudo?: string }): Promise<{ host: TestHost; observed: Observed; cleanup: () => Promise<void> }> {
  const key = await throwawayKey();
  const host = await TestHost.start(hostTestImage());
  let session: SshSession | undefined;
  const cleanup = async () => {
    await session?.close();
    await host.remove();
    rmSync(key.dir, { recursive: true, force: true });
  };
  try {
    await createDeployUser(host, key.publicKey);
    await startSshd(host, [opts.sshdPort, UNALLOWED_PORT]);
    // An operator's host where UFW already runs, admitting everything: the script's `default deny` applies at once.
    if (opts.ufwActive) await host.sh("ufw default allow incoming >/dev/null && ufw --force enable >/dev/null");
    const ip = await addressOf(host);
    const unallowedBefore = await probe(ip, UNALLOWED_PORT);
    session = await SshSession.open(key.file, ip, opts.sshdPort, key.dir);
    const first = await session.run("echo $SSH_CONNECTION");
    const script = firewallFor(opts.planSshPort);
    const run = await session.run(opts.sudo ?? PROVISIONER_SUDO, script);
    const alive = await session.masterAlive();
    const after = await session.run("echo $SSH_CONNECTION; sudo -n ufw status | head -1");
    const fresh = await session.fresh("echo $SSH_CONNECTION");
    const unallowed = await probe(ip, UNALLOWED_PORT);
    const second = await session.run(opts.sudo ?? PROVISIONER_SUDO, script);
    const [afterConnection = "", ufw = ""] = after.stdout.split("\n");
    return {
      host,
      cleanup,
      observed: {
        before: { unallowed: unallowedBefore, clientPort: clientPort(first.stdout) },
        run,
        held: { alive, exitCode: after.exitCode, clientPort: after.exitCode === 0 ? clientPort(afterConnection) : "", ufw },
        fresh: { exitCode: fresh.exitCode, clientPort: fresh.exitCode === 0 ? clientPort(fresh.stdout) : "", stderr: fresh.stderr },
        unallowed,
        second,
      },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

describe.each([
  { sshdPort: 22, ufwActive: false },
  { sshdPort: 2222, ufwActive: false },
  { sshdPort: 22, ufwActive: true },
  { sshdPort: 2222, ufwActive: true },
])("sshd on $sshdPort, UFW active before the run: $ufwActive; the firewall runs through a held SSH connection", ({ sshdPort, ufwActive }) => {
  let o: Observed;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ observed: o, cleanup } = await scenario({ sshdPort, planSshPort: sshdPort, ufwActive }));
  }, 600_000);
  afterAll(async () => cleanup?.());

  it("the port we will not allow answers before the run (the drop below is the firewall's doing)", () => {
    expect(o.before.unallowed).toBe("connected");
  });

  it("the script succeeds over SSH and enables UFW (or finds it enabled)", () => {
    expect(o.run.exitCode, o.run.stderr).toBe(0);
    const r = results(o.run.stdout);
    expect(r.get("firewall: ufw enabled")).toBe(ufwActive ? "unchanged" : "changed");
    expect(r.get("firewall: default incoming deny")).toBe("changed");
    expect(r.get(`firewall: allow ${sshdPort}/tcp`)).toBe("changed");
    expect(r.has("firewall: current SSH port")).toBe(false);
  });

  it("the held connection still answers after the firewall, on the same TCP connection", () => {
    expect(o.held.alive).toBe(true);
    expect(o.held.exitCode).toBe(0);
    expect(o.held.clientPort).toBe(o.before.clientPort);
    expect(o.held.ufw).toBe("Status: active");
  });

  it("a new login works afterwards (its own TCP connection)", () => {
    expect(o.fresh.exitCode, o.fresh.stderr).toBe(0);
    expect(o.fresh.clientPort).not.toBe(o.before.clientPort);
  });

  it(`a port nobody allowed (${UNALLOWED_PORT}) is dropped from outside`, () => {
    expect(o.unallowed).toBe("dropped");
  });

  it("a second run through the same connection changes nothing", () => {
    expect(o.second.exitCode, o.second.stderr).toBe(0);
    for (const [item, status] of results(o.second.stdout)) expect(`${item} ${status}`).not.toMatch(/ changed$/);
  });
});

describe("host.sshPort says 22, the connection is on 2222 (issue 20 item 4: the contradiction the schema refuses, reached anyway)", () => {
  let kept: Observed;
  let cut: Observed;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const a = await scenario({ sshdPort: 2222, planSshPort: 22, ufwActive: false });
    cleanups.push(a.cleanup);
    kept = a.observed;
    // The fault this guards against: the same script run without the connection (sudo drops SSH_CONNECTION).
    const b = await scenario({ sshdPort: 2222, planSshPort: 22, ufwActive: false, sudo: PLAIN_SUDO });
    cleanups.push(b.cleanup);
    cut = b.observed;
  }, 600_000);
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("the firewall keeps the current connection's port open besides host.sshPort, and says so", () => {
    expect(kept.run.exitCode, kept.run.stderr).toBe(0);
    const r = results(kept.run.stdout);
    expect(r.get("firewall: allow 2222/tcp")).toBe("changed");
    expect(r.get("firewall: allow 22/tcp")).toBe("changed");
    expect(kept.run.stderr).toContain("immich-iac: firewall: this runs over SSH port 2222, not host.sshPort 22: port 2222 stays open too");
    expect(results(kept.second.stdout).get("firewall: allow 2222/tcp")).toBe("unchanged");
  });

  it("a new login on 2222 works afterwards; the held connection too; 2223 is dropped", () => {
    expect(kept.fresh.exitCode, kept.fresh.stderr).toBe(0);
    expect(kept.held.clientPort).toBe(kept.before.clientPort);
    expect(kept.unallowed).toBe("dropped");
  });

  it("without the connection passed through sudo, the script cannot see it and 2222 is cut for every new login", () => {
    expect(cut.run.exitCode, cut.run.stderr).toBe(0);
    expect(results(cut.run.stdout).get("firewall: current SSH port")).toBe("skipped");
    expect(cut.fresh.exitCode).not.toBe(0);
    // The held connection survives (conntrack's established rule), which is all that is left to repair it.
    expect(cut.held.clientPort).toBe(cut.before.clientPort);
  });
});

describe("the connection's description is checked before the firewall changes anything", () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await TestHost.start(hostTestImage());
  }, 600_000);
  afterAll(async () => host?.remove());

  it.each([
    ["three fields", "10.0.0.1 50000 10.0.0.2"],
    ["a port above 65535", "10.0.0.1 50000 10.0.0.2 70000"],
    ["port 0", "10.0.0.1 50000 10.0.0.2 0"],
    ["a second line", "10.0.0.1 50000 10.0.0.2 22\n10.0.0.1 50000 10.0.0.2 2222"],
    ["a command after the port", "10.0.0.1 50000 10.0.0.2 22; touch /tmp/PWNED"],
  ])("refuses %s: exit 1, UFW untouched", async (_, value) => {
    const r = await host.exec(firewallFor(22), { IMMICH_IAC_SSH_CONNECTION: value });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('immich-iac: firewall: the SSH connection (IMMICH_IAC_SSH_CONNECTION, else SSH_CONNECTION) is not "client-address client-port server-address server-port" with a port of 1-65535');
    expect(results(r.stdout).size).toBe(0);
    expect((await host.sh("ufw status")).trim()).toBe("Status: inactive");
    expect(await host.sh("ufw show added")).not.toContain("ufw allow");
    expect(await host.sh("test ! -e /tmp/PWNED && echo absent")).toBe("absent");
  });

  it("IMMICH_IAC_SSH_CONNECTION wins over SSH_CONNECTION; without it, SSH_CONNECTION (run by hand as root over SSH) is read", async () => {
    const both = await host.exec(firewallFor(22), { IMMICH_IAC_SSH_CONNECTION: "10.0.0.1 50000 10.0.0.2 2201", SSH_CONNECTION: "10.0.0.1 50000 10.0.0.2 2202" });
    expect(both.exitCode, both.stderr).toBe(0);
    expect(results(both.stdout).get("firewall: allow 2201/tcp")).toBe("changed");
    expect(results(both.stdout).has("firewall: allow 2202/tcp")).toBe(false);
    const fallback = await host.exec(firewallFor(22), { SSH_CONNECTION: "10.0.0.1 50000 10.0.0.2 2202" });
    expect(fallback.exitCode, fallback.stderr).toBe(0);
    expect(results(fallback.stdout).get("firewall: allow 2202/tcp")).toBe("changed");
    expect(results(fallback.stdout).get("firewall: allow 2201/tcp")).toBeUndefined();
  });
});
