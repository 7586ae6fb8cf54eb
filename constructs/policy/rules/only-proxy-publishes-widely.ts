import { Component, LABEL_COMPONENT } from "../../labels.js";
import { describe, labelOf, type PolicyRule } from "../policy-rule.js";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

export const OnlyProxyPublishesWidely: PolicyRule = {
  id: "IIAC006",
  name: "OnlyProxyPublishesWidely",
  description: "Only the proxy container publishes ports beyond loopback; every other published port binds 127.0.0.1 or ::1.",
  rationale: "Docker's NAT rules bypass UFW: a port published on all interfaces is open to the network whatever the firewall says.",
  check(r) {
    if (r.type !== "docker_container") return [];
    if (labelOf(r.config, LABEL_COMPONENT) === Component.PROXY) return [];
    return ((r.config.ports ?? []) as Record<string, unknown>[])
      .filter((p) => !LOOPBACK.test(String(p.ip ?? "0.0.0.0")))
      .map((p) => `${describe(r)}: publishes ${String(p.ip ?? "0.0.0.0")}:${String(p.external ?? p.internal)}; only the proxy may, bind 127.0.0.1 instead`);
  },
};
