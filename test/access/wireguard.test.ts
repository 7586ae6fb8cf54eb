import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { accessPeerCommand, peerConfig, terminalQr } from "../../src/cli/commands/access-peer.js";
import { deploymentTuning } from "../../src/deployment/deployment-tuning.js";
import { accessChain } from "../../src/host/access-plan.js";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import { renderHostScripts } from "../../src/renderers/host/index.js";
import { renderFirewall } from "../../src/renderers/host/firewall.js";
import { wireguardConfig } from "../../src/renderers/host/wireguard.js";
import { SHELLCHECK, ZBARIMG } from "../tools.js";
import { reachability, reachabilityTable } from "../../src/deployment/access-explain.js";
import { accessDeployment, load, problems, synth } from "./access-util.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";

// Key pairs made with wireguard-tools' `wg genkey` and `wg pubkey` for these tests only.
const PHONE_PRIVATE = "UM/IWCnz7cL+HdIzJcIjaJ8aT0yUvhf4qoMpgjcss2k=";
const PHONE_PUBLIC = "dcO5FSdeI30zhCrj7d931nRVUoy2oZFDk3CcKP+E0CM=";
const LAPTOP_PUBLIC = "e2mrMez7Z/YQd2tFKPo5w9oyigb9xLWr93UCnc9FElw=";
const OTHER_PRIVATE = "OOceJaEMoAqYXqq4Me1WSBf7AAhrjJn8yooUBXxfFmM=";
const SERVER_PUBLIC = "ztzHXd9LGHc5i3soBY7c6oqq3J7MO4N4JpL60RRcTy8=";

const WIREGUARD = {
  mode: "wireguard",
  address: "10.8.0.1/24",
  endpoint: "vpn.example.com",
  peers: [
    { name: "phone", publicKey: PHONE_PUBLIC, address: "10.8.0.2" },
    { name: "laptop", publicKey: LAPTOP_PUBLIC, address: "10.8.0.3" },
  ],
};

describe("spec.access wireguard: validation", () => {
  it("accepts peers in the tunnel network and defaults the port to 51820", () => {
    const d = load(accessDeployment({ access: WIREGUARD }));
    expect(d.access).toMatchObject({ mode: "wireguard", listenPort: 51820, listen: [], allowFrom: [] });
  });

  it("refuses a peer outside the tunnel, on the server's address, a key or name twice, a private-looking key", () => {
    const p = problems(
      accessDeployment({
        access: {
          ...WIREGUARD,
          peers: [
            { name: "phone", publicKey: PHONE_PUBLIC, address: "10.9.0.2" },
            { name: "phone", publicKey: PHONE_PUBLIC, address: "10.8.0.1" },
            { name: "tab", publicKey: "not a key", address: "10.8.0.4" },
          ],
        },
      }),
    );
    expect(p).toEqual([
      expect.stringMatching(/spec\.access\.peers\[0\]\.address: expected an address inside the tunnel network 10\.8\.0\.0\/24 \(got 10\.9\.0\.2\)$/),
      expect.stringMatching(/spec\.access\.peers\[1\]\.name: another peer has this name/),
      expect.stringMatching(/spec\.access\.peers\[1\]\.publicKey: another peer has this publicKey/),
      expect.stringMatching(/spec\.access\.peers\[1\]\.address: expected a peer's own address, not the server's \(got 10\.8\.0\.1\)$/),
      expect.stringMatching(/spec\.access\.peers\[2\]\.publicKey: invalid format \(expected a WireGuard public key/),
    ]);
  });

  it("refuses a tunnel address that is a network's own, public, or without a prefix; an endpoint with a scheme", () => {
    expect(problems(accessDeployment({ access: { ...WIREGUARD, address: "10.8.0.0/24" } }))).toEqual([expect.stringMatching(/spec\.access\.address: expected a host's address, not the tunnel network's own/)]);
    expect(problems(accessDeployment({ access: { ...WIREGUARD, address: "8.8.8.1/24" } }))).toEqual([expect.stringMatching(/spec\.access\.address: expected a private address/)]);
    expect(problems(accessDeployment({ access: { ...WIREGUARD, address: "10.8.0.1" } }))).toEqual([expect.stringMatching(/spec\.access\.address: expected the server's tunnel address with the tunnel network's prefix/)]);
    expect(problems(accessDeployment({ access: { ...WIREGUARD, endpoint: "https://vpn.example.com" } }))).toEqual([expect.stringMatching(/spec\.access\.endpoint: expected this host's public name/)]);
  });

  it("refuses listen without allowFrom, and ACME", () => {
    expect(problems(accessDeployment({ access: { ...WIREGUARD, listen: ["192.168.10.20"] } }))).toEqual([expect.stringMatching(/spec\.access\.allowFrom: expected the LAN networks admitted/)]);
    expect(problems(accessDeployment({ access: WIREGUARD, ingress: { tls: { mode: "acme" } } }))).toEqual([expect.stringMatching(/spec\.ingress\.tls\.mode: .*access mode wireguard closes/)]);
  });
});

describe("spec.access wireguard: stack, host plan and scripts", () => {
  const doc = accessDeployment({ access: { ...WIREGUARD, listen: ["192.168.10.20"], allowFrom: ["192.168.10.0/24"] } });

  it("the proxy publishes on the tunnel address and the listed LAN address only", () => {
    const proxy = Object.values(synth(doc).resource.docker_container as Record<string, any>).find((c) => c.name === "immich-t-proxy");
    expect([...new Set(proxy.ports.map((p: any) => p.ip))]).toEqual(["10.8.0.1", "192.168.10.20"]);
  });

  it("the firewall admits WireGuard's port from anyone, the proxy's only from the tunnel and the LAN", () => {
    const d = load(doc);
    const plan = deriveHostPlan(d, deploymentTuning(d));
    expect(plan.firewall).toMatchObject({ tcp: [], udp: [51820], access: { chain: accessChain("t"), addresses: ["10.8.0.1", "192.168.10.20"], allowFrom: ["10.8.0.0/24", "192.168.10.0/24"] } });
    expect(plan.wireguard).toEqual({ interface: "wg-immich", address: "10.8.0.1/24", listenPort: 51820, peers: WIREGUARD.peers });
    expect(plan.firewall.retiredAccessChain).toBeUndefined();
    // WireGuard's UFW rule carries the chain's comment: mode public removes exactly that rule again.
    expect(renderFirewall(plan, "t")).toContain(`ensure_rule 51820/udp 'immich-iac access ${accessChain("t")}'`);
  });

  it("adds 45-wireguard.sh before the firewall, in this mode only", () => {
    const d = load(doc);
    expect(renderHostScripts(deriveHostPlan(d, deploymentTuning(d))).map((s) => s.file)).toEqual([
      "00-preflight.sh",
      "10-deploy-user.sh",
      "20-zfs.sh",
      "30-directories.sh",
      "40-sysctl.sh",
      "45-wireguard.sh",
      "50-firewall.sh",
      "60-docker-daemon.sh",
    ]);
    const pub = load(accessDeployment());
    expect(renderHostScripts(deriveHostPlan(pub, deploymentTuning(pub))).map((s) => s.file)).not.toContain("45-wireguard.sh");
  });

  it("the server's configuration lists each peer for its own /32 and holds no private key (PostUp reads it from the host's file)", () => {
    const d = load(doc);
    const config = wireguardConfig(deriveHostPlan(d, deploymentTuning(d)).wireguard!, "deployment t");
    expect(config).not.toMatch(/PrivateKey/);
    expect(config).toContain("PostUp = wg set %i private-key /etc/wireguard/wg-immich.key");
    expect(config).toContain(`# peer phone\n[Peer]\nPublicKey = ${PHONE_PUBLIC}\nAllowedIPs = 10.8.0.2/32`);
  });

  it.skipIf(!SHELLCHECK.ok)(`45-wireguard.sh passes shellcheck${SHELLCHECK.ok ? "" : ` (skipped: ${SHELLCHECK.reason})`}`, async () => {
    const d = load(doc);
    const script = renderHostScripts(deriveHostPlan(d, deploymentTuning(d))).find((s) => s.file === "45-wireguard.sh")!.content;
    const r = await execa("shellcheck", ["-s", "bash", "-"], { input: script, reject: false });
    expect(r.stdout).toBe("");
  });
});

describe("immich-iac access peer", () => {
  const file = () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-peer-"));
    writeFileSync(join(dir, "d.yaml"), stringify(accessDeployment({ access: WIREGUARD })));
    writeFileSync(join(dir, "phone.key"), `${PHONE_PRIVATE}\n`);
    return dir;
  };
  const run = (name: string, opts: Record<string, unknown>) => {
    let out = "";
    let err = "";
    const code = accessPeerCommand(name, { serverPublicKey: SERVER_PUBLIC, ...opts } as any, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  it("prints the peer's configuration: its address, the server's public key, the endpoint with the default port, the tunnel address only", () => {
    const dir = file();
    const r = run("phone", { deployment: join(dir, "d.yaml") });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      peerConfig({ deploymentName: "t", peerName: "phone", peerAddress: "10.8.0.2", serverAddress: "10.8.0.1", serverPublicKey: SERVER_PUBLIC, endpoint: "vpn.example.com" }),
    );
    expect(r.out).toContain("Endpoint = vpn.example.com:51820\nAllowedIPs = 10.8.0.1/32");
    expect(r.out).toMatch(/^# PrivateKey = </m);
  });

  it("with the device's key file: the key in the configuration, and a QR code of it", () => {
    const dir = file();
    const r = run("phone", { deployment: join(dir, "d.yaml"), peerPrivateKeyFile: join(dir, "phone.key"), qr: true });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`PrivateKey = ${PHONE_PRIVATE}\n`);
    expect(r.out).toContain(terminalQr(r.out.split("\n\n").slice(0, 2).join("\n\n")).trim().split("\n")[0]);
  });

  it("refuses a key file of another device, an unknown peer, and a server key that is not one", () => {
    const dir = file();
    writeFileSync(join(dir, "other.key"), `${OTHER_PRIVATE}\n`);
    expect(run("phone", { deployment: join(dir, "d.yaml"), peerPrivateKeyFile: join(dir, "other.key") })).toMatchObject({ code: 2, err: expect.stringContaining("is not the one of peer phone") });
    expect(run("tablet", { deployment: join(dir, "d.yaml") })).toMatchObject({ code: 2, err: expect.stringContaining("expected one of: phone, laptop") });
    expect(run("phone", { deployment: join(dir, "d.yaml"), serverPublicKey: "x" })).toMatchObject({ code: 2 });
  });
});

describe("spec.access wireguard: the plan sees the peers", () => {
  it("the WireGuard host step carries the peer names (never a key) as its input, which plan-report compares", () => {
    const json = synth(accessDeployment({ access: WIREGUARD }));
    const steps = Object.entries(json.resource.terraform_data as Record<string, any>).filter(([id]) => /45-wireguard/.test(id));
    expect(steps).toHaveLength(1);
    expect(steps[0]![1].input).toEqual({ peers: ["phone", "laptop"] });
  });
});

describe("explain: what is reachable from where", () => {
  it("wireguard: WireGuard's port from anyone, each peer to the tunnel address, the LAN to its address, SSH", () => {
    const d = load(accessDeployment({ access: { ...WIREGUARD, listen: ["192.168.10.20"], allowFrom: ["192.168.10.0/24"] } }));
    expect(reachabilityTable(d)).toBe(
      [
        "access (mode wireguard): what is reachable from where",
        "  from anyone → every address of the host: 51820/udp — WireGuard: only the declared peers' keys complete a handshake",
        "  from peer phone (10.8.0.2, through the tunnel) → 10.8.0.1: 80/tcp, 443/tcp, 443/udp — the proxy, on the tunnel address",
        "  from peer laptop (10.8.0.3, through the tunnel) → 10.8.0.1: 80/tcp, 443/tcp, 443/udp — the proxy, on the tunnel address",
        "  from 192.168.10.0/24 → 192.168.10.20: 80/tcp, 443/tcp, 443/udp — the proxy, on the LAN addresses; any other source is dropped",
        "  from anyone → every address of the host: 22/tcp — SSH, kept open by the firewall",
        "",
      ].join("\n"),
    );
  });

  it("public: the proxy from anyone on every address", () => {
    expect(reachability(load(accessDeployment())).reachable[0]).toEqual({ from: "anyone", to: "every address of the host", ports: ["80/tcp", "443/tcp", "443/udp"], note: "Immich (photos.example.com) and the portal (auth.example.com) through the proxy" });
  });

  it("lan: only the named networks to the named addresses", () => {
    const r = reachability(load(accessDeployment({ access: { mode: "lan", listen: ["192.168.10.20"], allowFrom: ["192.168.10.0/24"] } })));
    expect(r.reachable.map((x) => `${x.from} → ${x.to}`)).toEqual(["192.168.10.0/24 → 192.168.10.20", "anyone → every address of the host"]);
  });
});

/**
 * The terminal QR code as a PBM image for zbarimg: each character is two modules stacked (▀ top, ▄ bottom, █ both,
 * space none); a block is a light module (the code is drawn for dark terminals), scaled 8x with a light margin.
 */
function terminalQrToPbm(text: string): string {
  const rows: boolean[][] = [];
  for (const line of text.split("\n").filter((l) => l.length > 0)) {
    const chars = [...line];
    rows.push(chars.map((c) => c === "█" || c === "▀"));
    rows.push(chars.map((c) => c === "█" || c === "▄"));
  }
  const width = Math.max(...rows.map((r) => r.length));
  const scale = 8;
  const margin = 4;
  const px = (x: number, y: number) => (y < 0 || y >= rows.length || x < 0 || x >= width ? true : (rows[y]![x] ?? true));
  const out: string[] = [];
  const W = (width + 2 * margin) * scale;
  const H = (rows.length + 2 * margin) * scale;
  for (let y = 0; y < H; y++) {
    let line = "";
    for (let x = 0; x < W; x++) line += px(Math.floor(x / scale) - margin, Math.floor(y / scale) - margin) ? "0" : "1";
    out.push(line);
  }
  return `P1\n${W} ${H}\n${out.join("\n")}\n`;
}

describe("access peer --qr, read back by a real decoder", () => {
  it.skipIf(!ZBARIMG.ok)(`zbarimg decodes the printed QR code to exactly the printed configuration${ZBARIMG.ok ? "" : ` (skipped: ${ZBARIMG.reason})`}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-qr-"));
    writeFileSync(join(dir, "d.yaml"), stringify(accessDeployment({ access: WIREGUARD })));
    writeFileSync(join(dir, "phone.key"), `${PHONE_PRIVATE}\n`);
    let out = "";
    const code = accessPeerCommand("phone", { deployment: join(dir, "d.yaml"), serverPublicKey: SERVER_PUBLIC, peerPrivateKeyFile: join(dir, "phone.key"), qr: true }, { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    const config = out.slice(0, out.indexOf("\n\n█") + 1);
    const qr = out.slice(config.length + 1);
    writeFileSync(join(dir, "qr.pbm"), terminalQrToPbm(qr));
    const r = await execa("zbarimg", ["--raw", "-q", "-Sbinary", join(dir, "qr.pbm")], { reject: false, encoding: "utf8", stripFinalNewline: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(config);
    expect(r.stdout).toContain(`PrivateKey = ${PHONE_PRIVATE}`);
    expect(r.stdout).not.toContain("wg-immich.key");
  });
});
