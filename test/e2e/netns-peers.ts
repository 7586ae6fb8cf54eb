import { execa } from "execa";

/**
 * Network namespaces playing machines around the test host, each behind a veth pair: this host's end gets
 * `<subnet>.1/24`, the namespace's end `<subnet>.2/24` with a default route back here. What a namespace runs
 * (curl, a port scan) leaves from its own address and arrives on this host's veth, like a packet from a
 * machine on that network.
 */
export interface NetnsPeer {
  readonly netns: string;
  /** This host's address on the segment. */
  readonly hostAddress: string;
  /** The namespace's own address. */
  readonly address: string;
  run(args: string[], timeoutMs?: number): Promise<{ exitCode: number; stdout: string; all: string }>;
  remove(): Promise<void>;
}

const sh = (args: string[]) => execa(args[0]!, args.slice(1), { reject: false, all: true });

/**
 * Creates namespace `netns` joined to this host by a veth pair (`hostIf` here with `<subnet>.1/24`, `peerIf` in the
 * namespace with `<subnet>.2/24` and a default route back here). Shared by the peers below and the ML-node engine.
 */
export async function linkNamespace(netns: string, hostIf: string, peerIf: string, subnet: string): Promise<void> {
  for (const step of [
    ["ip", "netns", "add", netns],
    ["ip", "link", "add", hostIf, "type", "veth", "peer", "name", peerIf],
    ["ip", "link", "set", peerIf, "netns", netns],
    ["ip", "addr", "add", `${subnet}.1/24`, "dev", hostIf],
    ["ip", "link", "set", hostIf, "up"],
    ["ip", "netns", "exec", netns, "ip", "addr", "add", `${subnet}.2/24`, "dev", peerIf],
    ["ip", "netns", "exec", netns, "ip", "link", "set", peerIf, "up"],
    ["ip", "netns", "exec", netns, "ip", "link", "set", "lo", "up"],
    ["ip", "netns", "exec", netns, "ip", "route", "add", "default", "via", `${subnet}.1`],
  ]) {
    const r = await sh(step);
    if (r.exitCode !== 0) throw new Error(`${step.join(" ")}: ${r.all}`);
  }
}

export async function startPeer(netns: string, hostIf: string, subnet: string): Promise<NetnsPeer> {
  const peerIf = `${hostIf}p`;
  const remove = async () => {
    await sh(["ip", "netns", "del", netns]);
    await sh(["ip", "link", "del", hostIf]);
  };
  await remove();
  await linkNamespace(netns, hostIf, peerIf, subnet);
  return {
    netns,
    hostAddress: `${subnet}.1`,
    address: `${subnet}.2`,
    // nsenter --net only: `ip netns exec` would remount /sys (see node-engine.ts).
    run: async (args, timeoutMs = 60_000) => {
      const r = await execa("nsenter", [`--net=/run/netns/${netns}`, ...args], { reject: false, all: true, timeout: timeoutMs });
      return { exitCode: r.exitCode ?? 1, stdout: r.stdout ?? "", all: r.all ?? "" };
    },
    remove,
  };
}

/**
 * A TCP connect scan of every port 1-65535 of `address`, from inside the namespace (node's net module, so no
 * scanner needs installing): the ports that accepted a connection. A refused port answers at once; a dropped
 * one times out after 1.5 s and counts as closed.
 */
export async function tcpScan(peer: NetnsPeer, address: string): Promise<number[]> {
  const code = `
const net = require("node:net");
const [address] = process.argv.slice(1);
const open = [];
let next = 1, active = 0;
const done = () => { if (next > 65535 && active === 0) { console.log(JSON.stringify(open.sort((a, b) => a - b))); } };
function one() {
  if (next > 65535) return done();
  const port = next++;
  active++;
  const s = net.connect({ host: address, port });
  const end = (ok) => { s.destroy(); if (ok) open.push(port); active--; one(); };
  s.setTimeout(1500, () => end(false));
  s.once("connect", () => end(true));
  s.once("error", () => end(false));
}
for (let i = 0; i < 512; i++) one();
`;
  const r = await peer.run([process.execPath, "-e", code, address], 600_000);
  if (r.exitCode !== 0) throw new Error(`scan of ${address} from ${peer.netns}: ${r.all}`);
  return JSON.parse(r.stdout.trim()) as number[];
}

/** The ICMP limits a full UDP scan needs lifted (each closed port answers "port unreachable"; 1/s by default). */
const ICMP_SYSCTLS = ["net.ipv4.icmp_ratelimit", "net.ipv4.icmp_msgs_per_sec", "net.ipv4.icmp_msgs_burst"];

/**
 * Runs `f` with this host's ICMP rate limits lifted, then puts them back: without it most closed UDP ports would
 * look silent to a scan (open|filtered) instead of answering "port unreachable".
 */
export async function withIcmpUnlimited<T>(f: () => Promise<T>): Promise<T> {
  const before = await Promise.all(ICMP_SYSCTLS.map(async (k) => `${k}=${(await execa("sysctl", ["-n", k])).stdout.trim()}`));
  await execa("sysctl", ["-q", ...ICMP_SYSCTLS.map((k) => `${k}=${k === "net.ipv4.icmp_ratelimit" ? 0 : 1_000_000}`)]);
  try {
    return await f();
  } finally {
    await execa("sysctl", ["-q", ...before]);
  }
}

/**
 * nmap (Debian's) from inside `peer` against every TCP or UDP port of `address`: the ports it did not find closed,
 * as `<port> <state>` (TCP: `open`, accepted a connection; UDP: `open|filtered`, no "port unreachable" came back,
 * which is how a WireGuard port looks: it answers no packet that is not a valid handshake). Run UDP scans inside
 * `withIcmpUnlimited`.
 */
export async function nmapScan(peer: NetnsPeer, address: string, protocol: "tcp" | "udp"): Promise<string[]> {
  const r = await peer.run(["nmap", "-n", "-Pn", protocol === "tcp" ? "-sT" : "-sU", "-p-", "--min-rate", "2000", "--max-retries", "3", "-oG", "-", address], 600_000);
  if (r.exitCode !== 0) throw new Error(`nmap ${protocol} of ${address} from ${peer.netns}: ${r.all}`);
  const ports = /Ports: (.*?)(\t|$)/m.exec(r.stdout)?.[1] ?? "";
  return ports
    .split(", ")
    .filter((p) => p && !/\/closed\//.test(p))
    .map((p) => p.split("/").slice(0, 2).join(" "));
}
