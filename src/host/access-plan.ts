import { createHash } from "node:crypto";
import type { Deployment } from "../deployment/load-deployment.js";
import type { AccessFilter } from "./host-plan.js";

/** The proxy's published ports: 80 (redirects to HTTPS), 443, and 443/udp with HTTP/3. */
export function proxyPorts(http3: boolean): AccessFilter["ports"] {
  return [
    { port: 80, protocol: "tcp" },
    { port: 443, protocol: "tcp" },
    ...(http3 ? [{ port: 443, protocol: "udp" as const }] : []),
  ];
}

/**
 * `IMMICH-ACCESS-<8 hex digits>`: one chain per deployment (two deployments on one host publish on different
 * addresses and must not rewrite each other's rules), named from a hash because a deployment name can be
 * longer than the 28 characters iptables allows for a chain.
 */
export function accessChain(deploymentName: string): string {
  return `IMMICH-ACCESS-${createHash("sha256").update(deploymentName).digest("hex").slice(0, 8)}`;
}

/** The firewall filter of access mode `lan`; undefined when the proxy is open to anyone. */
export function accessFilter(d: Deployment): AccessFilter | undefined {
  if (d.access.mode !== "lan") return undefined;
  return { chain: accessChain(d.name), addresses: d.access.listen, ports: proxyPorts(d.ingress.http3), allowFrom: d.access.allowFrom };
}
