import { BlockList, isIPv4, isIPv6 } from "node:net";

/**
 * IP literals, parsed — never a name's prefix (`10.evil.example.com` is a name, not 10/8) and never resolved
 * (what a name resolves to at apply time is not what it resolved to at validation).
 */

/** RFC 1918, loopback, and IPv6 unique-local (fc00::/7) and loopback. */
const PRIVATE = new BlockList();
PRIVATE.addSubnet("10.0.0.0", 8, "ipv4");
PRIVATE.addSubnet("172.16.0.0", 12, "ipv4");
PRIVATE.addSubnet("192.168.0.0", 16, "ipv4");
PRIVATE.addSubnet("127.0.0.0", 8, "ipv4");
PRIVATE.addSubnet("fc00::", 7, "ipv6");
PRIVATE.addAddress("::1", "ipv6");

/** A dotted-decimal IPv4 address with no leading zeros (`010.1.1.1` is octal to some parsers). */
export function isIpv4Literal(text: string): boolean {
  return isIPv4(text) && text.split(".").every((o) => o === String(Number(o)));
}

/** True for an IPv4 literal, or an IPv6 literal in brackets (`[fd00::1]`), in a private or loopback range. */
export function isPrivateIpLiteral(host: string): boolean {
  if (isIpv4Literal(host)) return PRIVATE.check(host, "ipv4");
  const v6 = /^\[(.+)\]$/.exec(host)?.[1];
  return v6 !== undefined && isIPv6(v6) && PRIVATE.check(v6, "ipv6");
}

/**
 * A host name whose labels are all digits reads as an IPv4 address to people and to some resolvers: it must
 * be one (`999.999.999.999` and `1.2.3` are neither a name nor an address).
 */
export function numericHostProblem(host: string): string | undefined {
  if (!/^[\d.]+$/.test(host) || isIpv4Literal(host)) return undefined;
  return `expected a DNS name or an IPv4 address of four numbers 0–255 without leading zeros, got ${JSON.stringify(host.slice(0, 64))}`;
}
