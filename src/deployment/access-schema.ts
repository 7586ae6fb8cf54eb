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
 */
export const ACCESS_MODES = ["public", "lan"] as const;
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
], { error: `expected mode public (every address, anyone) or lan (listen and allowFrom), e.g. {mode: lan, listen: [192.168.10.20], allowFrom: [192.168.10.0/24]}` });

export type AccessDocument = z.output<typeof AccessSchema>;

/** What the stack and the host plan read: plain data, the mode's own fields only. */
export type AccessSettings =
  | { readonly mode: "public" }
  | { readonly mode: "lan"; readonly listen: readonly string[]; readonly allowFrom: readonly string[] };

export const DEFAULT_ACCESS: AccessSettings = { mode: "public" };
