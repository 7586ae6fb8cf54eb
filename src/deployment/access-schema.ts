import { z } from "zod";
import { BlockList } from "node:net";
import { quoteShort } from "../profile/problems.js";
import { isIpv4Literal } from "./ip-address.js";

/**
 * `spec.access`: from where the proxy (and so Immich) can be reached (issue 27).
 * - `public` (the default, what every deployment did before): the proxy publishes 80/443 on every address of the
 *   host and the firewall opens them to anyone.
 * - `lan`: the proxy publishes only on the host addresses listed (`listen`), and the firewall drops packets to
 *   them from anywhere but the networks listed (`allowFrom`).
 * - `wireguard`: the host runs a WireGuard interface (WIREGUARD_INTERFACE) whose private key is generated on the
 *   host and never leaves it; the proxy publishes on the tunnel address (and `listen`, if given); the firewall
 *   admits from outside only the WireGuard port, and the proxy's ports only from the tunnel (and `allowFrom`).
 */
export const ACCESS_MODES = ["public", "lan", "wireguard"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

/** At most this many listen addresses and allowed networks: each is one firewall rule the host script converges. */
export const MAX_LAN_ADDRESSES = 8;
export const MAX_LAN_NETWORKS = 32;

/** The private IPv4 ranges a home or office network uses (RFC 1918); `lan` admits nothing outside them. */
const RFC1918 = new BlockList();
RFC1918.addSubnet("10.0.0.0", 8, "ipv4");
RFC1918.addSubnet("172.16.0.0", 12, "ipv4");
RFC1918.addSubnet("192.168.0.0", 16, "ipv4");

/** Why `value` is not a host address of a private network the proxy can publish on, or undefined. */
export function listenAddressProblem(value: string): string | undefined {
  if (!isIpv4Literal(value)) return `expected an IPv4 address of this host like 192.168.10.20 (four numbers 0–255, no leading zeros), got ${quoteShort(value)}`;
  if (!RFC1918.check(value, "ipv4")) {
    return `expected a private address of this host (10/8, 172.16/12 or 192.168/16): lan mode publishes only on the home network's address, and a public one would publish to the internet (got ${value})`;
  }
  return undefined;
}

/** `a.b.c.d/n` → its parts, or undefined. */
function parseCidr(value: string): { address: string; prefix: number } | undefined {
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(value);
  if (!m || !isIpv4Literal(m[1]!) || String(Number(m[2])) !== m[2] || Number(m[2]) > 32) return undefined;
  return { address: m[1]!, prefix: Number(m[2]) };
}

function ipv4ToNumber(address: string): number {
  return address.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}

function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/**
 * Why `value` is not a private network in CIDR notation with its host bits zero, or undefined. The host bits
 * must be zero because iptables stores `192.168.10.5/24` as `192.168.10.0/24`: the firewall script compares
 * what it wants with what iptables prints, and would otherwise rewrite the rules on every run.
 */
export function networkProblem(value: string): string | undefined {
  const cidr = parseCidr(value);
  if (!cidr) return `expected a network in CIDR notation like 192.168.10.0/24 (an IPv4 address, '/', a prefix length 8–32), got ${quoteShort(value)}`;
  if (cidr.prefix < 8) return `expected a prefix length of 8–32: /${cidr.prefix} is wider than any private network (got ${value})`;
  const size = 2 ** (32 - cidr.prefix);
  const start = ipv4ToNumber(cidr.address);
  const network = start - (start % size);
  if (network !== start) return `expected the network's own address, with the host bits zero (expected ${numberToIpv4(network)}/${cidr.prefix}, got ${value})`;
  const last = numberToIpv4(network + size - 1);
  if (!RFC1918.check(cidr.address, "ipv4") || !RFC1918.check(last, "ipv4")) {
    return `expected a private network inside 10/8, 172.16/12 or 192.168/16: lan mode admits the home network only (got ${value})`;
  }
  return undefined;
}

/** True when `address` lies in the network `cidr` (both already valid). */
export function inNetwork(address: string, cidr: string): boolean {
  const { address: base, prefix } = parseCidr(cidr)!;
  const size = 2 ** (32 - prefix);
  const start = ipv4ToNumber(base);
  const a = ipv4ToNumber(address);
  return a >= start && a < start + size;
}

function checked(problem: (value: string) => string | undefined) {
  return z
    .string()
    .max(64)
    .superRefine((value, ctx) => {
      const message = problem(value);
      if (message) ctx.addIssue({ code: "custom", message });
    });
}

/** No value twice: a duplicate is a copy-paste slip, and would be two identical firewall rules. */
function unique(what: string) {
  return (values: readonly string[], ctx: z.RefinementCtx) => {
    values.forEach((v, i) => {
      if (values.indexOf(v) !== i) ctx.addIssue({ code: "custom", path: [i], message: `${what} listed twice (expected each once, got "${v}" again)` });
    });
  };
}

/** WireGuard's usual port; the firewall admits it from anyone in mode wireguard. */
export const DEFAULT_WIREGUARD_PORT = 51820;
/** The host's WireGuard interface (at most 15 characters); a name of its own, so an operator's wg0 is never touched. */
export const WIREGUARD_INTERFACE = "wg-immich";
export const MAX_WIREGUARD_PEERS = 250;
/** A Curve25519 public key as `wg` prints it: 32 bytes in base64, 43 characters and one '='. */
const WG_KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
/** A peer's name: part of a comment in the server's config and the argument of `immich-iac access peer`. */
const PEER_NAME = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$|^[a-z]$/;

/** Why `value` is not a tunnel address with its network's prefix (`10.8.0.1/24`), or undefined. */
export function tunnelAddressProblem(value: string): string | undefined {
  const cidr = parseCidr(value);
  if (!cidr || cidr.prefix < 16 || cidr.prefix > 30) return `expected the server's tunnel address with the tunnel network's prefix (16–30), like 10.8.0.1/24, got ${quoteShort(value)}`;
  const network = networkOf(cidr);
  if (listenAddressProblem(cidr.address) !== undefined || networkProblem(`${network}/${cidr.prefix}`) !== undefined) {
    return `expected a private address (10/8, 172.16/12 or 192.168/16) for the tunnel, like 10.8.0.1/24 (got ${value})`;
  }
  if (cidr.address === network || ipv4ToNumber(cidr.address) === ipv4ToNumber(network) + 2 ** (32 - cidr.prefix) - 1) {
    return `expected a host's address, not the tunnel network's own or broadcast address (got ${value})`;
  }
  return undefined;
}

function networkOf(cidr: { address: string; prefix: number }): string {
  const size = 2 ** (32 - cidr.prefix);
  const start = ipv4ToNumber(cidr.address);
  return numberToIpv4(start - (start % size));
}

/** The tunnel network of a valid tunnel address: `10.8.0.1/24` → `10.8.0.0/24`. */
export function tunnelNetwork(address: string): string {
  const cidr = parseCidr(address)!;
  return `${networkOf(cidr)}/${cidr.prefix}`;
}

/** Why `value` is not `host` or `host:port` a peer can dial, or undefined. */
export function endpointProblem(value: string): string | undefined {
  const m = /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  const host = m?.[1] ?? "";
  const hostOk = isIpv4Literal(host) || /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/.test(host);
  const portOk = m?.[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 65535 && String(Number(m[2])) === m[2]);
  if (!m || !hostOk || !portOk) return `expected this host's public name or IPv4 address as peers dial it, optionally with a port: vpn.example.com or 203.0.113.7:51820 (got ${quoteShort(value)})`;
  return undefined;
}

const PeerSchema = z.strictObject({
  name: z.string().regex(PEER_NAME, { error: "expected a peer name: lowercase letters, digits and '-', 1-32 characters, starting with a letter" }),
  /** The device's public key (its WireGuard app shows it; `wg pubkey` on a laptop). Never the private key. */
  publicKey: z.string().regex(WG_KEY, { error: "expected a WireGuard public key: 44 characters of base64 ending in '=' (the device's app shows it; never its private key)" }),
  /** The device's address in the tunnel, inside the server's tunnel network. */
  address: checked((v) => (isIpv4Literal(v) ? undefined : `expected an IPv4 address in the tunnel network like 10.8.0.2, got ${quoteShort(v)}`)),
});

type WireguardDoc = {
  address: string;
  peers: { name: string; publicKey: string; address: string }[];
  listen: string[];
  allowFrom: string[];
};

/** Peers inside the tunnel network, none twice (name, key or address), none on the server's address; allowFrom with listen. */
function checkWireguard(w: WireguardDoc, ctx: z.RefinementCtx): void {
  if (tunnelAddressProblem(w.address) !== undefined) return;
  const network = tunnelNetwork(w.address);
  const server = w.address.split("/")[0]!;
  w.peers.forEach((p, i) => {
    const twice = (key: "name" | "publicKey" | "address") => w.peers.findIndex((q) => q[key] === p[key]) !== i;
    for (const key of ["name", "publicKey", "address"] as const) {
      if (twice(key)) ctx.addIssue({ code: "custom", path: ["peers", i, key], message: `another peer has this ${key} (expected each peer's own, got "${p[key]}" again)` });
    }
    if (!isIpv4Literal(p.address)) return;
    if (!inNetwork(p.address, network)) ctx.addIssue({ code: "custom", path: ["peers", i, "address"], message: `expected an address inside the tunnel network ${network} (got ${p.address})` });
    else if (p.address === server) ctx.addIssue({ code: "custom", path: ["peers", i, "address"], message: `expected a peer's own address, not the server's (got ${p.address})` });
  });
  if (w.listen.length > 0 && w.allowFrom.length === 0) {
    ctx.addIssue({ code: "custom", path: ["allowFrom"], message: "expected the LAN networks admitted to the listen addresses (listen without allowFrom would admit nobody there), like [192.168.10.0/24]" });
  }
  if (w.listen.length === 0 && w.allowFrom.length > 0) {
    ctx.addIssue({ code: "custom", path: ["listen"], message: "expected the LAN addresses to publish on for allowFrom (allowFrom without listen admits to nothing), like [192.168.10.20]" });
  }
}

export const AccessSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("public") }),
  z.strictObject({
    mode: z.literal("lan"),
    /** The host's own addresses on the home network: the proxy publishes 80/443 there, and nowhere else. */
    listen: z
      .array(checked(listenAddressProblem))
      .min(1, { error: "expected at least one address of this host to publish the proxy on, like 192.168.10.20" })
      .max(MAX_LAN_ADDRESSES)
      .superRefine(unique("address")),
    /** The networks whose clients may reach the proxy, in CIDR notation (`192.168.10.0/24`). */
    allowFrom: z
      .array(checked(networkProblem))
      .min(1, { error: "expected at least one network to admit, like 192.168.10.0/24" })
      .max(MAX_LAN_NETWORKS)
      .superRefine(unique("network")),
  }),
  z
    .strictObject({
      mode: z.literal("wireguard"),
      /** The server's address in the tunnel with the tunnel network's prefix, like 10.8.0.1/24; the proxy publishes there. */
      address: checked(tunnelAddressProblem),
      /** The UDP port WireGuard listens on: the only port the firewall admits from outside. @default 51820 */
      listenPort: z.int().min(1).max(65535).default(DEFAULT_WIREGUARD_PORT),
      /** What the peers dial: this host's public name or address, and the port if the router forwards another one. */
      endpoint: checked(endpointProblem),
      /** The devices admitted: each its own key pair (the private key stays on the device) and tunnel address. */
      peers: z.array(PeerSchema).max(MAX_WIREGUARD_PEERS).default([]),
      /** Also publish on these LAN addresses of the host, as in mode lan. @default - the tunnel address only */
      listen: z.array(checked(listenAddressProblem)).max(MAX_LAN_ADDRESSES).superRefine(unique("address")).default([]),
      /** The LAN networks admitted to `listen` (required with it). @default - none */
      allowFrom: z.array(checked(networkProblem)).max(MAX_LAN_NETWORKS).superRefine(unique("network")).default([]),
    })
    .superRefine(checkWireguard),
], { error: `expected mode public (every address, anyone), lan (listen and allowFrom) or wireguard (address, endpoint, peers), e.g. {mode: lan, listen: [192.168.10.20], allowFrom: [192.168.10.0/24]}` });

export type AccessDocument = z.output<typeof AccessSchema>;

/** What the stack and the host plan read: plain data, the mode's own fields only. */
export interface WireguardPeer {
  readonly name: string;
  readonly publicKey: string;
  readonly address: string;
}

export type AccessSettings =
  | { readonly mode: "public" }
  | { readonly mode: "lan"; readonly listen: readonly string[]; readonly allowFrom: readonly string[] }
  | {
      readonly mode: "wireguard";
      /** Server tunnel address with prefix, `10.8.0.1/24`. */
      readonly address: string;
      readonly listenPort: number;
      readonly endpoint: string;
      readonly peers: readonly WireguardPeer[];
      readonly listen: readonly string[];
      readonly allowFrom: readonly string[];
    };

export const DEFAULT_ACCESS: AccessSettings = { mode: "public" };
