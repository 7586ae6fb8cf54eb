import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostPlan } from "../../src/host/host-plan.js";
import { renderDeployUser } from "../../src/renderers/host/deploy-user.js";
import { renderPreflight } from "../../src/renderers/host/preflight.js";
import { hostTestImage, KEY, results, TestHost } from "./container.js";

/**
 * Issue 20 item 5 on a real Debian 13 system: an existing system account (uid below UID_MIN, or a shell that
 * refuses logins) named as the deploy user is refused by preflight and by the deploy-user script, before the
 * latter changes anything: no docker group, no sudoers file, the password as it was.
 */
const plan = (name: string) =>
  ({
    deploymentName: "system-account",
    pools: [],
    deployUser: { name, authorizedKeys: [KEY] },
    preflight: { minDockerVersion: "20.10", nvidiaRuntime: false, devices: [], x86_64_v2: false },
  }) as unknown as HostPlan;

/** What the deploy-user script would change, as the host shows it. */
async function footprint(host: TestHost, name: string): Promise<string> {
  return host.sh(
    [
      `printf 'groups=%s\\n' "$(id -nG ${name})"`,
      "printf 'docker-group=%s\\n' \"$(getent group docker | cut -d: -f1)\"",
      "printf 'sudoers=%s\\n' \"$(ls /etc/sudoers.d/immich-iac-deploy 2>/dev/null)\"",
      `printf 'passwd=%s\\n' "$(passwd -S ${name} | cut -d' ' -f2)"`,
      `printf 'keys=%s\\n' "$(ls "$(getent passwd ${name} | cut -d: -f6)/.ssh/authorized_keys" 2>/dev/null)"`,
    ].join("\n"),
  );
}

describe("a system account as the deploy user, on a real Debian 13 system (disposable container)", () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await TestHost.start(hostTestImage());
    // A person's account (uid >= 1000, a login shell), a service account with a regular uid and nologin.
    await host.sh("useradd --create-home --shell /bin/bash pi && useradd --create-home --shell /usr/sbin/nologin photo-svc && useradd --create-home --shell /bin/false old-svc");
  }, 600_000);
  afterAll(async () => host?.remove());

  it.each([
    ["www-data", "www-data is a system account (uid 33, below UID_MIN 1000)"],
    ["nobody", 'nobody has the shell "/usr/sbin/nologin", which refuses logins (a service account)'],
    ["photo-svc", 'photo-svc has the shell "/usr/sbin/nologin", which refuses logins (a service account)'],
    ["old-svc", 'old-svc has the shell "/bin/false", which refuses logins (a service account)'],
  ])("refuses %s in preflight and in the deploy-user script, which changes nothing", async (name, why) => {
    const before = await footprint(host, name);
    const pre = await host.exec(renderPreflight(plan(name), "test"));
    expect(pre.exitCode).toBe(1);
    expect(results(pre.stdout).get(`preflight: deploy user ${name}`)).toBe("failed");
    expect(pre.stderr).toContain(why);
    const r = await host.exec(renderDeployUser(plan(name), "test"));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`immich-iac: deploy-user: ${why}`);
    expect(r.stderr).toContain("(nothing was changed)");
    expect(results(r.stdout).size).toBe(0);
    expect(await footprint(host, name)).toBe(before);
  });

  it("reads UID_MIN from /etc/login.defs: raised to 2000, an account with uid 1500 is a system account there", async () => {
    await host.sh("useradd --create-home --shell /bin/bash --uid 1500 legacy && cp /etc/login.defs /etc/login.defs.orig && sed -i 's/^UID_MIN.*/UID_MIN\t\t\t 2000/' /etc/login.defs");
    try {
      const pre = await host.exec(renderPreflight(plan("legacy"), "test"));
      expect(results(pre.stdout).get("preflight: deploy user legacy")).toBe("failed");
      expect(pre.stderr).toContain("legacy is a system account (uid 1500, below UID_MIN 2000)");
      const r = await host.exec(renderDeployUser(plan("legacy"), "test"));
      expect(r.exitCode).toBe(1);
    } finally {
      await host.sh("mv /etc/login.defs.orig /etc/login.defs");
    }
    const pre = await host.exec(renderPreflight(plan("legacy"), "test"));
    expect(results(pre.stdout).get("preflight: deploy user legacy")).toBe("unchanged");
  });

  it("a person's account (pi, uid >= 1000, bash) passes preflight and becomes the deploy user: the default from ssh://pi@… that validate describes", async () => {
    const pre = await host.exec(renderPreflight(plan("pi"), "test"));
    expect(results(pre.stdout).get("preflight: deploy user pi")).toBe("unchanged");
    const r = await host.exec(renderDeployUser(plan("pi"), "test"));
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await footprint(host, "pi")).toBe("groups=pi docker\ndocker-group=docker\nsudoers=/etc/sudoers.d/immich-iac-deploy\npasswd=L\nkeys=/home/pi/.ssh/authorized_keys");
  });

  it("an account that does not exist yet passes preflight; the deploy-user script creates it above UID_MIN", async () => {
    const pre = await host.exec(renderPreflight(plan("immich-deploy"), "test"));
    expect(results(pre.stdout).get("preflight: deploy user immich-deploy")).toBe("unchanged");
    const r = await host.exec(renderDeployUser(plan("immich-deploy"), "test"));
    expect(r.exitCode, r.stderr).toBe(0);
    expect(Number((await host.sh("id -u immich-deploy")).trim())).toBeGreaterThanOrEqual(1000);
  });
});
