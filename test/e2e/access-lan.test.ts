import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { deploymentTuning } from "../../src/deployment/deployment-tuning.js";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import type { AccessFilter } from "../../src/host/host-plan.js";
import { accessJump, accessRestore } from "../../src/renderers/host/access-filter.js";
import { deploymentPath } from "../stack-util.js";
import {
  createVolumeDirectories,
  destroyDeployment,
  docker,
  e2eCopyOf,
  ensureDockerEngine,
  provideDiskDevices,
  provideImages,
  removeLeftovers,
  resynth,
  tf,
  toolchain,
  waitHealthy,
  type E2eDeployment,
  type Toolchain,
} from "./harness.js";
import { nmapScan, startPeer, tcpScan, withIcmpUnlimited, type NetnsPeer } from "./netns-peers.js";

/**
 * Access mode lan with real packets (issue 27). Two network namespaces play a phone on the home network
 * (192.168.241.0/24, this host .1) and a machine on the internet side (198.51.100.0/24, this host .1). The
 * deployment publishes the proxy on the LAN address only and admits the LAN network only. The chain its firewall
 * script converges (test/host/access-lan.test.ts runs that script on a real UFW) is loaded here from the same
 * renderer, with the same iptables-restore input, into this host's DOCKER-USER, and removed afterwards; UFW
 * itself is not run on this machine. Not proven here: 443/udp (HTTP/3; no QUIC client here) beyond its binding and
 * nmap's UDP scan (open or silent on the LAN address, "port unreachable" on the outside one).
 */
const LAN_SUBNET = "192.168.241";
const WAN_SUBNET = "198.51.100";
const DOMAIN = "photos.home.example";

describe("access mode lan: who reaches the proxy, with real packets", () => {
  let t: Toolchain;
  let d: E2eDeployment;
  let lan: NetnsPeer;
  let wan: NetnsPeer;
  let filter: AccessFilter;
  const before: { lan: number[]; wan: number[]; lanUdp: string[]; wanUdp: string[] } = { lan: [], wan: [], lanUdp: [], wanUdp: [] };
  const jump = (op: "-I" | "-D") => execa("iptables", [op, "DOCKER-USER", ...(op === "-I" ? ["1"] : []), ...accessJump(filter)], { reject: false, all: true });
  /** curl from a namespace to the proxy at `address`: the HTTP status, or curl's exit (7 refused, 28 timed out). */
  const get = async (peer: NetnsPeer, address: string) => {
    const r = await peer.run(["curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", "--resolve", `${DOMAIN}:443:${address}`, `https://${DOMAIN}/`]);
    return r.exitCode === 0 ? `http ${r.stdout}` : `curl exit ${r.exitCode}`;
  };

  beforeAll(async () => {
    t = await toolchain();
    await ensureDockerEngine();
    lan = await startPeer("iac-acc-lan", "iacAccL", LAN_SUBNET);
    wan = await startPeer("iac-acc-wan", "iacAccW", WAN_SUBNET);
    // A machine on the outside segment that routes to the LAN address through this host (a flat or spoofed route).
    const route = await wan.run(["ip", "route", "add", `${LAN_SUBNET}.0/24`, "via", wan.hostAddress]);
    expect(route.exitCode, route.all).toBe(0);
    before.lan = await tcpScan(lan, lan.hostAddress);
    before.wan = await tcpScan(wan, wan.hostAddress);
    before.lanUdp = await withIcmpUnlimited(() => nmapScan(lan, lan.hostAddress, "udp"));
    before.wanUdp = await withIcmpUnlimited(() => nmapScan(wan, wan.hostAddress, "udp"));
    d = e2eCopyOf(deploymentPath("homelab"), "acclan", (doc) => {
      doc.spec.access = { mode: "lan", listen: [lan.hostAddress], allowFrom: [`${LAN_SUBNET}.0/24`] };
    });
    await removeLeftovers(d.name);
    const json = resynth(d);
    createVolumeDirectories(json, d.dataRoot);
    await provideDiskDevices(json, d.work);
    await provideImages(json);
    const deployment = loadDeploymentFile(d.file);
    filter = deriveHostPlan(deployment, deploymentTuning(deployment)).firewall.access!;
    const restore = await execa("iptables-restore", ["--noflush"], { input: accessRestore(filter), reject: false, all: true });
    expect(restore.exitCode, restore.all).toBe(0);
    expect((await jump("-I")).exitCode).toBe(0);
    const init = await tf(t, d, ["init", "-input=false", "-no-color"]);
    expect(init.exitCode, init.all).toBe(0);
    const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"]);
    expect(apply.exitCode, apply.all).toBe(0);
    await waitHealthy(d.name);
  }, 1_800_000);

  afterAll(async () => {
    if (d) await destroyDeployment(t, d);
    if (filter) {
      await jump("-D");
      await execa("iptables", ["-F", filter.chain], { reject: false });
      await execa("iptables", ["-X", filter.chain], { reject: false });
    }
    await lan?.remove();
    await wan?.remove();
  }, 900_000);

  it("the proxy's ports are bound to the LAN address only", async () => {
    const ports = JSON.parse(await docker(["inspect", "-f", "{{json .HostConfig.PortBindings}}", `immich-${d.name}-proxy`]));
    expect(ports).toEqual({
      "80/tcp": [{ HostIp: lan.hostAddress, HostPort: "80" }],
      "443/tcp": [{ HostIp: lan.hostAddress, HostPort: "443" }],
      "443/udp": [{ HostIp: lan.hostAddress, HostPort: "443" }],
    });
  });

  it("a client on the named network reaches Immich through the proxy", async () => {
    expect(await get(lan, lan.hostAddress)).toMatch(/^http [1-5]\d\d$/);
  });

  it("a client outside is refused on the host's outside address", async () => {
    expect(await get(wan, wan.hostAddress)).toBe("curl exit 7");
  });

  it("a client outside that routes to the LAN address is dropped by the chain — and gets through without it", async () => {
    expect(await get(wan, lan.hostAddress)).toBe("curl exit 28");
    expect((await jump("-D")).exitCode).toBe(0);
    try {
      expect(await get(wan, lan.hostAddress)).toMatch(/^http [1-5]\d\d$/);
    } finally {
      expect((await jump("-I")).exitCode).toBe(0);
    }
    expect(await get(wan, lan.hostAddress)).toBe("curl exit 28");
  });

  it("port scans: the deployment opened 80, 443 and 443/udp on the LAN address and nothing on the outside address", async () => {
    const added = (after: number[], base: number[]) => after.filter((p) => !base.includes(p));
    expect(added(await tcpScan(lan, lan.hostAddress), before.lan)).toEqual([80, 443]);
    expect(added(await tcpScan(wan, wan.hostAddress), before.wan)).toEqual([]);
    const routed = await tcpScan(wan, lan.hostAddress);
    expect(routed).not.toContain(80);
    expect(routed).not.toContain(443);
    // UDP (nmap): HTTP/3's 443/udp on the LAN address only (a QUIC server answers no probe that is not QUIC, so
    // nmap may say open|filtered), nothing on the outside address.
    const addedUdp = (after: string[], base: string[]) => after.filter((p) => !base.includes(p));
    expect(addedUdp(await withIcmpUnlimited(() => nmapScan(lan, lan.hostAddress, "udp")), before.lanUdp)).toEqual([expect.stringMatching(/^443 open/)]);
    expect(addedUdp(await withIcmpUnlimited(() => nmapScan(wan, wan.hostAddress, "udp")), before.wanUdp)).toEqual([]);
  }, 600_000);
});
