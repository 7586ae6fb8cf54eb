import { execa, execaSync } from "execa";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeploymentFile, type Deployment } from "../../src/deployment/load-deployment.js";
import { deploymentTuning } from "../../src/deployment/deployment-tuning.js";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import type { AccessFilter } from "../../src/host/host-plan.js";
import { accessJump, accessRestore } from "../../src/renderers/host/access-filter.js";
import { renderHostScripts } from "../../src/renderers/host/index.js";
import { statePathOf, synthesizeDeployment } from "../../stacks/synth.js";
import { REPO } from "../util.js";
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
import { nmapScan, startPeer, withIcmpUnlimited, type NetnsPeer } from "./netns-peers.js";

/**
 * Access mode wireguard through the applied stack (issue 27), with real packets. This host plays the server:
 * the WireGuard host script the host plan renders (45-wireguard.sh, byte for byte what an apply would run over
 * SSH) runs here with Debian's wireguard-tools. These kernels have no wireguard module ("Unknown device type"), so
 * wg-quick falls back to wireguard-go, the userspace WireGuard built from the Go module proxy
 * (scripts/wireguard-go.sh): keys, handshakes and packets are WireGuard's own, only the data path is in userspace.
 * The access chain is loaded from the same renderer as the firewall script (test/host/access-lan.test.ts runs
 * that script on a real UFW); UFW itself is not run on this machine, whose INPUT admits everything: what is
 * closed on the outside address below is closed by the deployment (the proxy's bindings and the chain), not by
 * a default-deny policy.
 *
 * Two namespaces: "internet" (198.51.100.0/24, this host .1 = the outside address, the WireGuard endpoint) and
 * "device" (203.0.113.0/24), a phone or laptop away from home that reaches the endpoint through this host. The
 * device's WireGuard configuration is the output of `immich-iac access peer <name>` as printed, brought up with
 * wg-quick. Not proven here: the kernel module, boot ordering, HTTP/3 through the tunnel (no QUIC client).
 */
const WAN_SUBNET = "198.51.100";
const DEVICE_SUBNET = "203.0.113";
const DOMAIN = "photos.home.example";
const TUNNEL = "10.8.0.1";
const IFACE = "wg-immich";
/** Marks a wg-immich as this suite's own, so an interrupted run's is removed and nobody else's ever is. */
const MARKER = `/etc/wireguard/.${IFACE}.immich-iac-e2e`;
let ours = false;
/** The device's interface: wg-quick names it after the configuration file. */
const DEVICE_IF = "wg-dev";

// Key pairs made with wireguard-tools for these tests only (devices' keys: the server's is made by the host script).
const PHONE = { privateKey: "ADGCoPBVPcSgMYnHUOp0oLVQz6zsn8ZD0I/WjItgQXQ=", publicKey: "e2mrMez7Z/YQd2tFKPo5w9oyigb9xLWr93UCnc9FElw=" };
const LAPTOP = { privateKey: "4Ibz2Rws4t/z3NNdhYWwS/D5WTzopw+LHqBYS8p9MGw=", publicKey: "ztzHXd9LGHc5i3soBY7c6oqq3J7MO4N4JpL60RRcTy8=" };
const STRANGER_PRIVATE = "OOceJaEMoAqYXqq4Me1WSBf7AAhrjJn8yooUBXxfFmM=";
const PEERS = [
  { name: "phone", publicKey: PHONE.publicKey, address: "10.8.0.2" },
  { name: "laptop", publicKey: LAPTOP.publicKey, address: "10.8.0.3" },
];

describe("access mode wireguard through the applied stack: a peer reaches Immich through the tunnel, nobody else", () => {
  let t: Toolchain;
  let d: E2eDeployment;
  let wan: NetnsPeer;
  let device: NetnsPeer;
  let filter: AccessFilter;
  let scratch: string;
  let wgEnv: Record<string, string>;
  let serverPublic = "";
  let apply = "";
  const runs: { stdout: string; stderr: string; exitCode: number }[] = [];
  const cliOutputs: string[] = [];
  const before: { tcp: string[]; udp: string[] } = { tcp: [], udp: [] };
  const jump = (op: "-I" | "-D") => execa("iptables", [op, "DOCKER-USER", ...(op === "-I" ? ["1"] : []), ...accessJump(filter)], { reject: false, all: true });

  /** The host plan's 45-wireguard.sh for the deployment file as it is now, run on this host. */
  const runWireguardScript = async () => {
    const deployment: Deployment = loadDeploymentFile(d.file);
    const script = renderHostScripts(deriveHostPlan(deployment, deploymentTuning(deployment))).find((s) => s.file === "45-wireguard.sh")!;
    const r = await execa("bash", ["-s"], { input: script.content, env: wgEnv, reject: false });
    const run = { stdout: r.stdout ?? "", stderr: r.stderr ?? "", exitCode: r.exitCode ?? -1 };
    runs.push(run);
    return run;
  };
  /** The items a run of the script reports changed. */
  const changed = (stdout: string) =>
    stdout
      .split("\n")
      .map((l) => l.split("\t"))
      .filter(([tag, , , status]) => tag === "immich-iac-result" && status === "changed")
      .map(([, , item]) => item);

  /** `immich-iac access peer <name>` with the device's key file: the configuration it prints, as printed. */
  const peerConfig = async (name: string, privateKey: string) => {
    const keyFile = join(scratch, `${name}.key`);
    writeFileSync(keyFile, `${privateKey}\n`, { mode: 0o600 });
    const r = await execa("node", [join(REPO, "dist", "immich-iac.cjs"), "access", "peer", name, "--deployment", d.file, "--server-public-key", serverPublic, "--peer-private-key-file", keyFile], { reject: false, all: true });
    cliOutputs.push(r.all ?? "");
    if (r.exitCode !== 0) throw new Error(`access peer ${name}: ${r.all}`);
    return r.stdout;
  };

  /** curl from a namespace to the proxy at `address`: the HTTP status, or curl's exit (7 refused, 28 timed out). */
  const get = async (peer: NetnsPeer, address: string, seconds = 8) => {
    const r = await peer.run(["curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", String(seconds), "--resolve", `${DOMAIN}:443:${address}`, `https://${DOMAIN}/`]);
    return r.exitCode === 0 ? `http ${r.stdout}` : `curl exit ${r.exitCode}`;
  };

  /**
   * Brings the device's WireGuard up from `config` (wg-quick, as the configuration says), asks the proxy for Immich
   * on the tunnel address, and says whether a handshake completed and what the request got; then down again.
   */
  const throughTunnel = async (config: string) => {
    const file = join(scratch, `${DEVICE_IF}.conf`);
    writeFileSync(file, config, { mode: 0o600 });
    const env = Object.entries(wgEnv).filter(([k]) => k.startsWith("WG_")).map(([k, v]) => `${k}=${v}`);
    const up = await device.run(["env", ...env, "wg-quick", "up", file]);
    if (up.exitCode !== 0) throw new Error(`wg-quick up on the device: ${up.all}`);
    try {
      const got = await get(device, TUNNEL);
      const hs = await device.run(["wg", "show", DEVICE_IF, "latest-handshakes"]);
      return { handshake: (hs.stdout.trim().split(/\s+/)[1] ?? "0") !== "0", got };
    } finally {
      await device.run(["env", ...env, "wg-quick", "down", file]);
    }
  };

  beforeAll(async () => {
    t = await toolchain();
    await ensureDockerEngine();
    scratch = mkdtempSync(join(tmpdir(), "iac-accwg-"));
    const wireguardGo = execaSync("bash", [join(REPO, "scripts", "wireguard-go.sh")]).stdout.trim();
    // wg-quick runs wireguard-go when `ip link add … type wireguard` fails; it refuses to on Linux without the second.
    wgEnv = { ...(process.env as Record<string, string>), WG_QUICK_USERSPACE_IMPLEMENTATION: wireguardGo, WG_I_PREFER_BUGGY_USERSPACE_TO_POLISHED_KMOD: "1" };
    const modular = await execa("ip", ["link", "add", "iac-wg-probe", "type", "wireguard"], { reject: false, all: true });
    if (modular.exitCode === 0) await execa("ip", ["link", "del", "iac-wg-probe"], { reject: false });
    console.log(`access-wireguard: the server's WireGuard is ${modular.exitCode === 0 ? "the kernel module" : `wireguard-go (${modular.all?.trim()})`}`);
    // Leftovers of an interrupted run: the interface, its key and configuration, a namespace. Only this suite's own
    // (its marker is there): a wg-immich it did not make is a real deployment's tunnel, whose key must not go.
    const present = existsSync(`/etc/wireguard/${IFACE}.key`) || existsSync(`/etc/wireguard/${IFACE}.conf`) || (await execa("ip", ["link", "show", IFACE], { reject: false })).exitCode === 0;
    if (present && !existsSync(MARKER)) {
      throw new Error(`this machine has a ${IFACE} of its own (/etc/wireguard/${IFACE}.*, or the interface): the suite would replace that tunnel's key; run it on a machine without one`);
    }
    mkdirSync("/etc/wireguard", { recursive: true, mode: 0o700 });
    writeFileSync(MARKER, "made by test/e2e/access-wireguard.test.ts; removed when it ends\n");
    ours = true;
    await execa("ip", ["link", "del", IFACE], { reject: false });
    rmSync(`/etc/wireguard/${IFACE}.key`, { force: true });
    rmSync(`/etc/wireguard/${IFACE}.conf`, { force: true });
    wan = await startPeer("iac-accwg-wan", "iacWgW", WAN_SUBNET);
    device = await startPeer("iac-accwg-dev", "iacWgD", DEVICE_SUBNET);
    before.tcp = await nmapScan(wan, wan.hostAddress, "tcp");
    before.udp = await withIcmpUnlimited(() => nmapScan(wan, wan.hostAddress, "udp"));

    d = e2eCopyOf(deploymentPath("homelab"), "accwg", (doc) => {
      doc.spec.access = { mode: "wireguard", address: `${TUNNEL}/24`, listenPort: 51820, endpoint: wan.hostAddress, peers: PEERS };
    });
    await removeLeftovers(d.name);
    // The host first (as an apply's host steps run before the containers): the proxy binds to the tunnel address.
    const first = await runWireguardScript();
    expect(first.exitCode, first.stderr).toBe(0);
    const second = await runWireguardScript();
    expect(second.exitCode, second.stderr).toBe(0);
    serverPublic = /^immich-iac-wireguard-public-key\twg-immich\t(\S+)$/m.exec(first.stdout)?.[1] ?? "";
    const deployment = loadDeploymentFile(d.file);
    filter = deriveHostPlan(deployment, deploymentTuning(deployment)).firewall.access!;
    const restore = await execa("iptables-restore", ["--noflush"], { input: accessRestore(filter), reject: false, all: true });
    expect(restore.exitCode, restore.all).toBe(0);
    expect((await jump("-I")).exitCode).toBe(0);

    const json = resynth(d);
    createVolumeDirectories(json, d.dataRoot);
    await provideDiskDevices(json, d.work);
    await provideImages(json);
    const init = await tf(t, d, ["init", "-input=false", "-no-color"]);
    expect(init.exitCode, init.all).toBe(0);
    const applied = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"]);
    apply = applied.all;
    expect(applied.exitCode, applied.all).toBe(0);
    await waitHealthy(d.name);
  }, 1_800_000);

  afterAll(async () => {
    if (d) await destroyDeployment(t, d);
    if (filter) {
      await jump("-D");
      await execa("iptables", ["-F", filter.chain], { reject: false });
      await execa("iptables", ["-X", filter.chain], { reject: false });
    }
    if (ours) {
      // wireguard-go exits when its interface is deleted.
      await execa("ip", ["link", "del", IFACE], { reject: false });
      rmSync(`/etc/wireguard/${IFACE}.key`, { force: true });
      rmSync(`/etc/wireguard/${IFACE}.conf`, { force: true });
      rmSync(MARKER, { force: true });
    }
    await device?.run(["ip", "link", "del", DEVICE_IF]);
    await wan?.remove();
    await device?.remove();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }, 900_000);

  it("the host script converges: its second run changes nothing, and it printed the public key of the key it made", async () => {
    expect(changed(runs[0]!.stdout)).toEqual([`private key /etc/wireguard/${IFACE}.key`, `file /etc/wireguard/${IFACE}.conf`, `interface ${IFACE}`]);
    expect(changed(runs[1]!.stdout)).toEqual([]);
    expect(serverPublic).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await execa("wg", ["pubkey"], { input: readFileSync(`/etc/wireguard/${IFACE}.key`, "utf8") })).stdout.trim()).toBe(serverPublic);
    expect((await execa("wg", ["show", IFACE, "listen-port"], { env: wgEnv })).stdout.trim()).toBe("51820");
  });

  it("the proxy's ports are bound to the tunnel address only", async () => {
    const ports = JSON.parse(await docker(["inspect", "-f", "{{json .HostConfig.PortBindings}}", `immich-${d.name}-proxy`]));
    expect(ports).toEqual({
      "80/tcp": [{ HostIp: TUNNEL, HostPort: "80" }],
      "443/tcp": [{ HostIp: TUNNEL, HostPort: "443" }],
      "443/udp": [{ HostIp: TUNNEL, HostPort: "443" }],
    });
  });

  it("a declared peer, configured from `immich-iac access peer`, reaches Immich over HTTPS through the tunnel", async () => {
    const config = await peerConfig("phone", PHONE.privateKey);
    expect(config).toContain(`Endpoint = ${wan.hostAddress}:51820`);
    expect(config).toContain(`AllowedIPs = ${TUNNEL}/32`);
    expect(await throughTunnel(config)).toEqual({ handshake: true, got: expect.stringMatching(/^http [1-5]\d\d$/) });
  }, 120_000);

  it("a device whose key is no peer's gets no handshake and no answer", async () => {
    // The phone's printed configuration with another key and address: `access peer` prints only declared peers.
    const config = (await peerConfig("phone", PHONE.privateKey)).replace(/^PrivateKey = .*$/m, `PrivateKey = ${STRANGER_PRIVATE}`).replace(/^Address = .*$/m, "Address = 10.8.0.9/32");
    expect(config).toContain(`PrivateKey = ${STRANGER_PRIVATE}`);
    expect(await throughTunnel(config)).toEqual({ handshake: false, got: "curl exit 28" });
  }, 120_000);

  it("443 is closed on the outside address; a machine outside that routes to the tunnel address is dropped by the chain", async () => {
    expect(await get(wan, wan.hostAddress)).toBe("curl exit 7");
    const route = await wan.run(["ip", "route", "replace", "10.8.0.0/24", "via", wan.hostAddress]);
    expect(route.exitCode, route.all).toBe(0);
    try {
      expect(await get(wan, TUNNEL, 5)).toBe("curl exit 28");
      // The chain is what stops it: without the jump, the same request is answered.
      expect((await jump("-D")).exitCode).toBe(0);
      try {
        expect(await get(wan, TUNNEL, 5)).toMatch(/^http [1-5]\d\d$/);
      } finally {
        expect((await jump("-I")).exitCode).toBe(0);
      }
      expect(await get(wan, TUNNEL, 5)).toBe("curl exit 28");
    } finally {
      await wan.run(["ip", "route", "del", "10.8.0.0/24"]);
    }
  }, 120_000);

  it("port scans of the outside address from the internet: the deployment opened only WireGuard's UDP port", async () => {
    const added = (after: string[], base: string[]) => after.filter((p) => !base.includes(p));
    expect(before.udp).not.toContain("51820 open|filtered");
    expect(added(await nmapScan(wan, wan.hostAddress, "tcp"), before.tcp)).toEqual([]);
    expect(added(await withIcmpUnlimited(() => nmapScan(wan, wan.hostAddress, "udp")), before.udp)).toEqual(["51820 open|filtered"]);
  }, 600_000);

  it("a peer removed from the deployment is revoked by the next run of the host script; the other peer keeps its access", async () => {
    expect(await throughTunnel(await peerConfig("laptop", LAPTOP.privateKey))).toEqual({ handshake: true, got: expect.stringMatching(/^http [1-5]\d\d$/) });
    const laptopConfig = await peerConfig("laptop", LAPTOP.privateKey);
    resynth(d, (doc) => {
      doc.spec.access.peers = [PEERS[0]];
    });
    const removed = await runWireguardScript();
    expect(removed.exitCode, removed.stderr).toBe(0);
    expect(changed(removed.stdout)).toEqual([`file /etc/wireguard/${IFACE}.conf`, `interface ${IFACE}`]);
    expect((await execa("wg", ["show", IFACE, "peers"], { env: wgEnv })).stdout.trim()).toBe(PHONE.publicKey);
    // The laptop's configuration as it was printed before the removal: no handshake, no answer.
    expect(await throughTunnel(laptopConfig)).toEqual({ handshake: false, got: "curl exit 28" });
    expect(await throughTunnel(await peerConfig("phone", PHONE.privateKey))).toEqual({ handshake: true, got: expect.stringMatching(/^http [1-5]\d\d$/) });
  }, 240_000);

  it("the server's private key is nowhere in the synthesized output, the Terraform state, the apply's log, the scripts' output or the containers' logs", async () => {
    const key = readFileSync(`/etc/wireguard/${IFACE}.key`, "utf8").trim();
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // The same deployment with its host managed, as an operator deploys it: the WireGuard script is in the plan.
    const managed = loadDeploymentFile(d.file);
    const outdir = join(scratch, "managed.out");
    synthesizeDeployment({ ...managed, host: { ...managed.host, manage: true } } as Deployment, { outdir });
    const managedJson = readFileSync(join(outdir, "stacks", d.name, "cdk.tf.json"), "utf8");
    expect(managedJson).toContain(`/etc/wireguard/${IFACE}.conf`);
    // The state file the synth's backend names: inside the work directory searched below.
    const state = statePathOf(join(d.work, "cdktf.out"), d.name);
    expect(existsSync(state)).toBe(true);
    expect(state.startsWith(`${d.work}/`)).toBe(true);
    expect(readFileSync(state, "utf8")).toContain(`immich-${d.name}-proxy`);
    const pulled = await tf(t, d, ["state", "pull"]);
    expect(pulled.all).toContain(`immich-${d.name}-proxy`);
    // grep exits 1 when nothing matched: in the work directory (synth output, state, plans) and the managed synth.
    for (const dir of [d.work, outdir]) {
      const grep = await execa("grep", ["-rlF", "--", key, dir], { reject: false });
      expect(grep.stdout).toBe("");
      expect(grep.exitCode).toBe(1);
    }
    const containers = (await docker(["ps", "-a", "--filter", `name=immich-${d.name}-`, "--format", "{{.Names}}"])).split("\n").filter(Boolean);
    expect(containers).toContain(`immich-${d.name}-proxy`);
    const logs = await Promise.all(containers.map(async (c) => (await execa("docker", ["logs", c], { reject: false, all: true })).all ?? ""));
    const texts = [apply, pulled.all, ...cliOutputs, ...runs.flatMap((r) => [r.stdout, r.stderr]), ...logs];
    expect(texts.filter((x) => x.includes(key))).toEqual([]);
    expect(runs.length).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
