import { Component, LABEL_COMPONENT } from "../../labels.js";
import { describe, labelOf, type PolicyRule } from "../policy-rule.js";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;
/** One RFC 1918 address: a machine-learning node's own private address, never a wildcard. */
const PRIVATE_IPV4 = /^(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|172\.(1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3})$/;

export const OnlyProxyPublishesWidely: PolicyRule = {
  id: "IIAC006",
  name: "OnlyProxyPublishesWidely",
  description:
    "Only the proxy container publishes ports beyond loopback; every other published port binds 127.0.0.1 or ::1. One exception: a machine-learning container may publish on one private (RFC 1918) address — an extra ML node's address, which its firewall limits to the Immich host.",
  rationale:
    "Docker's NAT rules bypass UFW: a port published on all interfaces is open to the network whatever the firewall says. Immich's ML API has no authentication, so a node's port is bound to the one private address the Immich host uses, never to every interface.",
  check(r) {
    if (r.type !== "docker_container") return [];
    const component = labelOf(r.config, LABEL_COMPONENT);
    if (component === Component.PROXY) return [];
    return ((r.config.ports ?? []) as Record<string, unknown>[])
      .filter((p) => {
        const ip = String(p.ip ?? "0.0.0.0");
        return !LOOPBACK.test(ip) && !(component === Component.MACHINE_LEARNING && PRIVATE_IPV4.test(ip));
      })
      .map((p) => `${describe(r)}: publishes ${String(p.ip ?? "0.0.0.0")}:${String(p.external ?? p.internal)}; only the proxy may, bind 127.0.0.1 instead`);
  },
};
