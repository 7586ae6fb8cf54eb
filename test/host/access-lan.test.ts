import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessFilter, HostPlan } from "../../src/host/host-plan.js";
import { accessAfterRulesBlock, accessRules } from "../../src/renderers/host/access-filter.js";
import { renderFirewall } from "../../src/renderers/host/firewall.js";
import { hostTestImage, results, TestHost } from "./container.js";

/**
 * Access mode lan's firewall on a real Debian 13 system (disposable container, real UFW and iptables): the script
 * converges the chain that admits only the listed networks to the proxy's ports, its jump from DOCKER-USER and
 * its after.rules block, twice, then again after the networks change. The packets themselves are the e2e's
 * (test/e2e/access-lan.test.ts): no Docker runs here to publish the proxy.
 */
const CHAIN = "IMMICH-ACCESS-0123abcd";
const FILTER: AccessFilter = {
  chain: CHAIN,
  addresses: ["192.168.10.20"],
  ports: [
    { port: 80, protocol: "tcp" },
    { port: 443, protocol: "tcp" },
    { port: 443, protocol: "udp" },
  ],
  allowFrom: ["192.168.10.0/24", "10.8.0.0/24"],
};
const OPERATOR_LINE = "# a line of the operator, kept";
const plan = (filter: AccessFilter) => ({ deploymentName: "t", firewall: { sshPort: 22, tcp: [], udp: [], access: filter } }) as unknown as HostPlan;
const chainRules = async (host: TestHost) => (await host.sh(`iptables -S ${CHAIN} | grep -v '^-N '`)).trim().split("\n");

describe("access mode lan: the firewall script on a real Debian 13 system (disposable container)", () => {
  let host: TestHost;
  let first: Awaited<ReturnType<TestHost["exec"]>>;
  let second: Awaited<ReturnType<TestHost["exec"]>>;

  beforeAll(async () => {
    host = await TestHost.start(hostTestImage());
    await host.sh(`printf '%s\\n' '${OPERATOR_LINE}' >>/etc/ufw/after.rules`);
    // What an earlier public deploy left: UFW's own allow rule for 80/tcp.
    await host.sh("ufw allow 80/tcp >/dev/null");
    first = await host.exec(renderFirewall(plan(FILTER), "deployment t"));
    second = await host.exec(renderFirewall(plan(FILTER), "deployment t"));
  }, 600_000);

  afterAll(async () => host?.remove());

  it("runs twice: the first run adds the chain, its jump and the after.rules block; the second changes nothing", () => {
    expect(first.exitCode, first.stderr).toBe(0);
    expect(second.exitCode, second.stderr).toBe(0);
    const a = results(first.stdout);
    expect(a.get(`firewall: chain ${CHAIN}`)).toBe("changed");
    expect(a.get(`firewall: DOCKER-USER jump to ${CHAIN}`)).toBe("changed");
    expect(a.get("firewall: /etc/ufw/after.rules access block")).toBe("changed");
    const b = results(second.stdout);
    expect(b.get(`firewall: chain ${CHAIN}`)).toBe("unchanged");
    for (const [item, status] of b) expect(`${item} ${status}`).not.toMatch(/ changed$/);
  });

  it("the live chain is exactly the rules the renderer compares with, and DOCKER-USER jumps to it first", async () => {
    expect(await chainRules(host)).toEqual(accessRules(FILTER));
    expect((await host.sh("iptables -S DOCKER-USER")).split("\n")[1]).toBe(`-A DOCKER-USER -j ${CHAIN}`);
  });

  it("UFW opens no proxy port itself; the allow 80/tcp an earlier deploy left is kept and reported", async () => {
    const status = await host.sh("ufw status");
    expect(status).toMatch(/^22\/tcp\s+ALLOW\s+Anywhere/m);
    expect(status).not.toMatch(/^443/m);
    expect(status).toMatch(/^80\/tcp\s+ALLOW\s+Anywhere/m);
    expect(results(second.stdout).get("firewall: allow 80/tcp (open to anyone)")).toBe("skipped");
    expect(second.stderr).toContain("ufw delete allow 80/tcp");
  });

  it("after.rules holds the block once and keeps the operator's lines; UFW's reload restores the chain and one jump", async () => {
    const rules = await host.sh("cat /etc/ufw/after.rules");
    expect(rules.split(accessAfterRulesBlock(FILTER)).length).toBe(2);
    expect(rules).toContain(OPERATOR_LINE);
    await host.sh(`iptables -F ${CHAIN}`);
    expect(await host.sh("ufw reload")).toContain("Firewall reloaded");
    expect(await chainRules(host)).toEqual(accessRules(FILTER));
    expect(await host.sh(`iptables -S DOCKER-USER | grep -c -- '-j ${CHAIN}'`)).toBe("1");
  });

  it("changed networks replace the chain's rules (none of the old ones stay) and the block, not a second one", async () => {
    const changed: AccessFilter = { ...FILTER, allowFrom: ["192.168.30.0/24"] };
    const r = await host.exec(renderFirewall(plan(changed), "deployment t"));
    expect(r.exitCode, r.stderr).toBe(0);
    expect(results(r.stdout).get(`firewall: chain ${CHAIN}`)).toBe("changed");
    expect(await chainRules(host)).toEqual(accessRules(changed));
    const rules = await host.sh("cat /etc/ufw/after.rules");
    expect(rules.match(/# BEGIN immich-iac access filter/g)).toHaveLength(1);
    expect(rules).toContain("-s 192.168.30.0/24 -j RETURN");
    expect(rules).not.toContain("192.168.10.0/24");
    expect(rules).toContain(OPERATOR_LINE);
    const again = await host.exec(renderFirewall(plan(changed), "deployment t"));
    for (const [item, status] of results(again.stdout)) expect(`${item} ${status}`).not.toMatch(/ changed$/);
  });
});
