import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostPlan } from "../../src/host/host-plan.js";
import { AFTER_RULES, afterRulesBlock, renderFirewall } from "../../src/renderers/host/firewall.js";
import { hostTestImage, results, TestHost } from "./container.js";

const PUBLISHED = [{ address: "192.168.10.20", port: 3003, from: "192.168.10.5" }];
const OPERATOR_LINE = "# a line of the operator, kept";

/** The firewall of an extra ML node: SSH through UFW, the ML port only from the Immich host in DOCKER-USER. */
const plan = (published = PUBLISHED) =>
  ({ deploymentName: "t (ML node gpu)", firewall: { sshPort: 22, tcp: [], udp: [], publishedOnlyFrom: published } }) as unknown as HostPlan;

describe("an ML node's firewall script on a real Debian 13 system (disposable container)", () => {
  let host: TestHost;
  let first: Awaited<ReturnType<TestHost["exec"]>>;
  let second: Awaited<ReturnType<TestHost["exec"]>>;

  beforeAll(async () => {
    host = await TestHost.start(hostTestImage());
    await host.sh(`printf '%s\\n' '${OPERATOR_LINE}' >>${AFTER_RULES}`);
    first = await host.exec(renderFirewall(plan(), "deployment t (ML node gpu)"));
    second = await host.exec(renderFirewall(plan(), "deployment t (ML node gpu)"));
  }, 600_000);

  afterAll(async () => host?.remove());

  it("runs twice: the first run adds the DOCKER-USER rule and the after.rules block, the second changes nothing", () => {
    expect(first.exitCode, first.stderr).toBe(0);
    expect(second.exitCode, second.stderr).toBe(0);
    const a = results(first.stdout);
    expect(a.get("firewall: DOCKER-USER 192.168.10.20:3003 only from 192.168.10.5")).toBe("changed");
    expect(a.get(`firewall: ${AFTER_RULES} block`)).toBe("changed");
    for (const [item, status] of results(second.stdout)) expect(`${item} ${status}`).not.toMatch(/ changed$/);
  });

  it("the live rule drops other sources in the original direction only; SSH stays open through UFW", async () => {
    expect(await host.sh("iptables -S DOCKER-USER")).toMatch(/^-A DOCKER-USER ! -s 192\.168\.10\.5\/32 -p tcp -m conntrack --ctorigdst 192\.168\.10\.20 --ctorigdstport 3003 --ctdir ORIGINAL -j DROP$/m);
    expect(await host.sh("ufw status")).toMatch(/^22\/tcp\s+ALLOW\s+Anywhere/m);
  });

  it("after.rules holds the block once, keeps the operator's lines, and UFW loads it (the rule survives a reload)", async () => {
    const rules = await host.sh(`cat ${AFTER_RULES}`);
    expect(rules.split(afterRulesBlock(PUBLISHED)).length).toBe(2);
    expect(rules).toContain(OPERATOR_LINE);
    expect(await host.sh("ufw reload")).toContain("Firewall reloaded");
    expect(await host.sh("iptables -S DOCKER-USER | grep -c -- '--ctorigdstport 3003'")).toBe("1");
  });

  it("a changed source replaces the block, not a second one", async () => {
    const changed = await host.exec(renderFirewall(plan([{ ...PUBLISHED[0]!, from: "192.168.10.0/24" }]), "deployment t (ML node gpu)"));
    expect(changed.exitCode, changed.stderr).toBe(0);
    const rules = await host.sh(`cat ${AFTER_RULES}`);
    expect(rules.match(/# BEGIN immich-iac published-port filter/g)).toHaveLength(1);
    expect(rules).toContain("! -s 192.168.10.0/24");
    expect(rules).toContain(OPERATOR_LINE);
    const live = await host.sh("iptables -S DOCKER-USER | grep -- '--ctorigdstport 3003'");
    expect(live.split("\n")).toEqual(["-A DOCKER-USER ! -s 192.168.10.0/24 -p tcp -m conntrack --ctorigdst 192.168.10.20 --ctorigdstport 3003 --ctdir ORIGINAL -j DROP"]);
    expect(results(changed.stdout).get("firewall: DOCKER-USER 192.168.10.20:3003 stale rule (-A DOCKER-USER ! -s 192.168.10.5/32 -p tcp -m conntrack --ctorigdst 192.168.10.20 --ctorigdstport 3003 --ctdir ORIGINAL -j DROP)")).toBe("changed");
  });
});
