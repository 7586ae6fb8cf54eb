import { createHash } from "node:crypto";
import type { Deployment } from "../deployment/load-deployment.js";
import type { AccessFilter, WireguardPlan } from "./host-plan.js";
import { tunnelNetwork, WIREGUARD_INTERFACE } from "../deployment/access-schema.js";

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

/** The firewall filter of access modes `lan` and `wireguard`; undefined when the proxy is open to anyone. */
export function accessFilter(d: Deployment): AccessFilter | undefined {
  const a = d.access;
  if (a.mode === "public") return undefined;
  const ports = proxyPorts(d.ingress.http3);
  if (a.mode === "lan") return { chain: accessChain(d.name), addresses: a.listen, ports, allowFrom: a.allowFrom };
  return { chain: accessChain(d.name), addresses: [a.address.split("/")[0]!, ...a.listen], ports, allowFrom: [tunnelNetwork(a.address), ...a.allowFrom] };
}

/** The host addresses the proxy publishes on; undefined for every address (`public`). */
export function proxyListenAddresses(d: Deployment): readonly string[] | undefined {
  const a = d.access;
  if (a.mode === "public") return undefined;
  return a.mode === "lan" ? a.listen : [a.address.split("/")[0]!, ...a.listen];
}

/** UDP ports the firewall opens to anyone besides SSH: WireGuard's in mode wireguard. */
export function accessUdpPorts(d: Deployment): number[] {
  return d.access.mode === "wireguard" ? [d.access.listenPort] : [];
}

export function wireguardPlan(d: Deployment): WireguardPlan | undefined {
  const a = d.access;
  if (a.mode !== "wireguard") return undefined;
  return { interface: WIREGUARD_INTERFACE, address: a.address, listenPort: a.listenPort, peers: a.peers };
}
