import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploymentTuning } from "../../src/deployment/deployment-tuning.js";
import { accessChain } from "../../src/host/access-plan.js";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import { renderFirewall } from "../../src/renderers/host/firewall.js";
import { accessDeployment, load } from "../access/access-util.js";
import { hostTestImage, results, TestHost } from "./container.js";

/**
 * Switching a deployment from access mode lan or wireguard back to public (the default), on a real Debian 13
 * system (disposable container, real UFW, iptables and nftables): the firewall scripts the host plan renders for
 * the same deployment in each mode, each converged twice, then public again. What the public script must leave is
 * exactly what a public deploy had before the switch: no chain, jump, after.rules block or UFW rule of the access
 * mode, seen by iptables-save, nft and `ufw show added`. Docker does not run here; DOCKER-USER is created first,
 * as Docker would have.
 */
const PEER = { name: "phone", publicKey: "dcO5FSdeI30zhCrj7d931nRVUoy2oZFDk3CcKP+E0CM=", address: "10.8.0.2" };
const MODES = {
  public: {},
  lan: { access: { mode: "lan", listen: ["192.168.10.20"], allowFrom: ["192.168.10.0/24"] } },
  wireguard: { access: { mode: "wireguard", address: "10.8.0.1/24", endpoint: "vpn.example.com", peers: [PEER] } },
} as const;
const script = (mode: keyof typeof MODES) => {
  const d = load(accessDeployment(MODES[mode]));
  return renderFirewall(deriveHostPlan(d, deploymentTuning(d)), "deployment t");
};
const CHAIN = accessChain("t");
const OPERATOR_LINE = "# a line of the operator, kept";

describe("access mode lan or wireguard, then public again: nothing of the access mode stays (disposable Debian 13)", () => {
  let host: TestHost;
  /** What a public deploy leaves: the filter table (without counters), the nftables ruleset, UFW's rules, after.rules. */
  const snapshot = async () => ({
    iptables: (await host.sh("iptables-save -t filter | grep -v '^#' | sed 's/ \\[[0-9]*:[0-9]*\\]$//'")).trim(),
    nft: (await host.sh("nft list ruleset | sed -E 's/counter packets [0-9]+ bytes [0-9]+/counter/'")).trim(),
    ufw: (await host.sh("ufw show added")).trim(),
    afterRules: await host.sh("cat /etc/ufw/after.rules"),
  });
  let publicState: Awaited<ReturnType<typeof snapshot>>;
  const run = async (mode: keyof typeof MODES) => {
    const r = await host.exec(script(mode));
    expect(r.exitCode, r.stderr).toBe(0);
    return r;
  };
  const changedItems = (stdout: string) => [...results(stdout)].filter(([, s]) => s === "changed").map(([item]) => item);

  beforeAll(async () => {
    host = await TestHost.start(hostTestImage());
    await host.sh("command -v nft >/dev/null || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nftables >/dev/null; }");
    await host.sh(`iptables -N DOCKER-USER && printf '%s\\n' '${OPERATOR_LINE}' >>/etc/ufw/after.rules`);
    await run("public");
    const again = await run("public");
    expect(changedItems(again.stdout)).toEqual([]);
    publicState = await snapshot();
  }, 600_000);

  afterAll(async () => host?.remove());

  for (const mode of ["lan", "wireguard"] as const) {
    it(`${mode}, converged twice, then public: the chain, its jump, its after.rules block and its UFW rules are gone`, async () => {
      await run(mode);
      const second = await run(mode);
      expect(changedItems(second.stdout)).toEqual([]);
      // The access mode really left something to remove.
      const during = await snapshot();
      expect(during.iptables).toContain(`-A DOCKER-USER -j ${CHAIN}`);
      expect(during.nft).toContain(CHAIN);
      expect(during.afterRules).toContain(`# BEGIN immich-iac access filter ${CHAIN}`);
      if (mode === "wireguard") expect(during.ufw).toContain(`ufw allow 51820/udp comment 'immich-iac access ${CHAIN}'`);

      const back = await run("public");
      expect(changedItems(back.stdout)).toEqual([
        `firewall: chain ${CHAIN} removed`,
        "firewall: /etc/ufw/after.rules access block removed",
        ...(mode === "wireguard" ? [`firewall: allow 51820/udp (immich-iac access ${CHAIN}) removed`] : []),
      ]);
      const after = await snapshot();
      expect(after).toEqual(publicState);
      expect(after.iptables).not.toContain("IMMICH-ACCESS");
      expect(after.nft).not.toContain("IMMICH-ACCESS");
      expect(after.afterRules).toContain(OPERATOR_LINE);
      // And UFW's reload (what a reboot does) brings nothing of it back.
      await host.sh("ufw reload >/dev/null");
      expect((await snapshot()).iptables).not.toContain("IMMICH-ACCESS");
      const again = await run("public");
      expect(changedItems(again.stdout)).toEqual([]);
    }, 300_000);
  }

  it("a UFW rule for the same port without the access mode's comment (the operator's) is left alone", async () => {
    await host.sh("ufw allow 51820/udp >/dev/null");
    const r = await run("public");
    expect(changedItems(r.stdout)).toEqual([]);
    expect(await host.sh("ufw show added")).toMatch(/^ufw allow 51820\/udp$/m);
  });
});
