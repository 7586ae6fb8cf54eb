import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { deploymentTuning } from "../../src/deployment/deployment-tuning.js";
import { accessChain } from "../../src/host/access-plan.js";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import { accessAfterRulesBlock, accessRules } from "../../src/renderers/host/access-filter.js";
import { renderFirewall } from "../../src/renderers/host/firewall.js";
import { SHELLCHECK } from "../tools.js";
import { accessDeployment, load, problems, synth } from "./access-util.js";

const LAN = { mode: "lan", listen: ["192.168.10.20"], allowFrom: ["192.168.10.0/24", "10.8.0.0/24"] };

describe("spec.access: validation", () => {
  it("defaults to public: the proxy on every address, the firewall open to anyone, as before", () => {
    const d = load(accessDeployment());
    expect(d.access).toEqual({ mode: "public" });
    expect(deriveHostPlan(d, deploymentTuning(d)).firewall).toEqual({ sshPort: 22, tcp: [80, 443], udp: [443], retiredAccessChain: accessChain("t") });
  });

  it("refuses an unknown mode, at its line", () => {
    expect(problems(accessDeployment({ access: { mode: "vpn" } }))).toEqual([expect.stringMatching(/^d\.yaml:\d+:\d+: spec\.access\.mode: expected mode public \(every address, anyone\), lan \(listen and allowFrom\) or wireguard/)]);
  });

  it("refuses a listen address that is not an IPv4 literal, a public address, and one given twice", () => {
    const p = problems(accessDeployment({ access: { ...LAN, listen: ["photos.lan", "8.8.8.8", "192.168.10.20", "192.168.10.20"] } }));
    expect(p).toEqual([
      expect.stringMatching(/^d\.yaml:\d+:\d+: spec\.access\.listen\[0\]: expected an IPv4 address of this host like 192\.168\.10\.20 .*got "photos\.lan"$/),
      expect.stringMatching(/^d\.yaml:\d+:\d+: spec\.access\.listen\[1\]: expected a private address of this host .*\(got 8\.8\.8\.8\)$/),
      expect.stringMatching(/^d\.yaml:\d+:\d+: spec\.access\.listen\[3\]: address listed twice \(expected each once, got "192\.168\.10\.20" again\)$/),
    ]);
  });

  it("refuses a network with host bits set (naming the network meant), a public one, a wildcard and a non-CIDR", () => {
    const p = problems(accessDeployment({ access: { ...LAN, allowFrom: ["192.168.10.5/24", "0.0.0.0/0", "100.64.0.0/10", "192.168.10.0", "192.168.10.0/33"] } }));
    expect(p).toEqual([
      expect.stringMatching(/spec\.access\.allowFrom\[0\]: expected the network's own address, with the host bits zero \(expected 192\.168\.10\.0\/24, got 192\.168\.10\.5\/24\)$/),
      expect.stringMatching(/spec\.access\.allowFrom\[1\]: expected a prefix length of 8–32/),
      expect.stringMatching(/spec\.access\.allowFrom\[2\]: expected a private network inside 10\/8, 172\.16\/12 or 192\.168\/16/),
      expect.stringMatching(/spec\.access\.allowFrom\[3\]: expected a network in CIDR notation/),
      expect.stringMatching(/spec\.access\.allowFrom\[4\]: expected a network in CIDR notation/),
    ]);
  });

  it("refuses a network that starts private and runs past its range (172.16/11 reaches 172.63)", () => {
    expect(problems(accessDeployment({ access: { ...LAN, allowFrom: ["172.0.0.0/10"] } }))).toEqual([expect.stringMatching(/spec\.access\.allowFrom\[0\]: expected a private network/)]);
  });

  it("refuses lan without networks or addresses, and unknown keys", () => {
    expect(problems(accessDeployment({ access: { mode: "lan", listen: [], allowFrom: [] } }))).toEqual([
      expect.stringMatching(/spec\.access\.listen: too few entries \(expected at least 1, got an empty list\)/),
      expect.stringMatching(/spec\.access\.allowFrom: too few entries \(expected at least 1, got an empty list\)/),
    ]);
    expect(problems(accessDeployment({ access: { ...LAN, open: true } }))[0]).toMatch(/spec\.access\.open: unknown field/);
  });

  it("refuses lan with ACME: its challenges come from the internet, to the ports lan closes", () => {
    expect(problems(accessDeployment({ access: LAN, ingress: { tls: { mode: "acme" } } }))).toEqual([
      expect.stringMatching(/^d\.yaml:\d+:\d+: spec\.ingress\.tls\.mode: ACME's HTTP and TLS-ALPN challenges come from the internet .*got acme\)$/),
    ]);
    expect(problems(accessDeployment({ access: LAN }))).toEqual([]);
  });
});

describe("spec.access lan: what the stack and the host plan become", () => {
  it("the proxy publishes 80, 443 and 443/udp on each listen address only", () => {
    const json = synth(accessDeployment({ access: { ...LAN, listen: ["192.168.10.20", "192.168.20.20"] } }));
    const proxy = Object.values(json.resource.docker_container as Record<string, any>).find((c) => c.name === "immich-t-proxy");
    expect(proxy.ports).toEqual([
      { internal: 80, external: 80, ip: "192.168.10.20", protocol: "tcp" },
      { internal: 443, external: 443, ip: "192.168.10.20", protocol: "tcp" },
      { internal: 443, external: 443, ip: "192.168.10.20", protocol: "udp" },
      { internal: 80, external: 80, ip: "192.168.20.20", protocol: "tcp" },
      { internal: 443, external: 443, ip: "192.168.20.20", protocol: "tcp" },
      { internal: 443, external: 443, ip: "192.168.20.20", protocol: "udp" },
    ]);
  });

  it("without HTTP/3, no 443/udp is published or filtered", () => {
    const doc = accessDeployment({ access: LAN, ingress: { tls: { mode: "internal" }, http3: false } });
    const proxy = Object.values(synth(doc).resource.docker_container as Record<string, any>).find((c) => c.name === "immich-t-proxy");
    expect(proxy.ports.map((p: any) => `${p.ip}:${p.external}/${p.protocol}`)).toEqual(["192.168.10.20:80/tcp", "192.168.10.20:443/tcp"]);
    const d = load(doc);
    expect(deriveHostPlan(d, deploymentTuning(d)).firewall.access?.ports).toEqual([
      { port: 80, protocol: "tcp" },
      { port: 443, protocol: "tcp" },
    ]);
  });

  it("the host plan opens no proxy port in UFW and filters them in a chain of its own", () => {
    const d = load(accessDeployment({ access: LAN }));
    expect(deriveHostPlan(d, deploymentTuning(d)).firewall).toEqual({
      sshPort: 22,
      tcp: [],
      udp: [],
      access: {
        chain: accessChain("t"),
        addresses: ["192.168.10.20"],
        ports: [
          { port: 80, protocol: "tcp" },
          { port: 443, protocol: "tcp" },
          { port: 443, protocol: "udp" },
        ],
        allowFrom: ["192.168.10.0/24", "10.8.0.0/24"],
      },
    });
  });

  it("the chain: each network returns, then each proxy port on each address is dropped in the original direction", () => {
    const f = { chain: "IMMICH-ACCESS-x", addresses: ["192.168.10.20"], ports: [{ port: 443, protocol: "udp" as const }], allowFrom: ["192.168.10.0/24"] };
    expect(accessRules(f)).toEqual([
      "-A IMMICH-ACCESS-x -s 192.168.10.0/24 -j RETURN",
      "-A IMMICH-ACCESS-x -p udp -m conntrack --ctorigdst 192.168.10.20 --ctorigdstport 443 --ctdir ORIGINAL -j DROP",
    ]);
    expect(accessAfterRulesBlock(f).split("\n").slice(1, -1)).toEqual([
      "*filter",
      ":DOCKER-USER - [0:0]",
      ":IMMICH-ACCESS-x - [0:0]",
      "-A DOCKER-USER -j IMMICH-ACCESS-x",
      ...accessRules(f),
      "COMMIT",
    ]);
  });

  it("the chain name fits iptables' 28 characters and differs between deployments", () => {
    expect(accessChain("a".repeat(40)).length).toBeLessThanOrEqual(28);
    expect(accessChain("home")).not.toBe(accessChain("cabin"));
  });

  it("a public deployment's firewall script makes no access chain; it removes the one an earlier lan or wireguard deploy left", () => {
    const d = load(accessDeployment());
    const plan = deriveHostPlan(d, deploymentTuning(d));
    expect(plan.firewall.access).toBeUndefined();
    expect(plan.firewall.retiredAccessChain).toBe(accessChain("t"));
    const script = renderFirewall(plan, "t");
    expect(script).not.toContain("iptables-restore");
    expect(script).not.toContain("iptables -I DOCKER-USER");
    expect(script).toContain(`while iptables -D DOCKER-USER -j ${accessChain("t")} 2>/dev/null; do :; done`);
    expect(script).toContain(`iptables -X ${accessChain("t")}`);
  });

  it.skipIf(!SHELLCHECK.ok)(`the public firewall script, with its removal of an access chain, passes shellcheck${SHELLCHECK.ok ? "" : ` (skipped: ${SHELLCHECK.reason})`}`, async () => {
    const d = load(accessDeployment());
    const r = await execa("shellcheck", ["-s", "bash", "-"], { input: renderFirewall(deriveHostPlan(d, deploymentTuning(d)), "deployment t"), reject: false });
    expect(r.stdout).toBe("");
    expect(r.exitCode).toBe(0);
  });

  it.skipIf(!SHELLCHECK.ok)(`the lan firewall script passes shellcheck${SHELLCHECK.ok ? "" : ` (skipped: ${SHELLCHECK.reason})`}`, async () => {
    const d = load(accessDeployment({ access: LAN }));
    const script = renderFirewall(deriveHostPlan(d, deploymentTuning(d)), "deployment t");
    const r = await execa("shellcheck", ["-s", "bash", "-"], { input: script, reject: false });
    expect(r.stdout).toBe("");
    expect(r.exitCode).toBe(0);
  });
});
