import type { Deployment } from "./load-deployment.js";

/** One row of "what is reachable from where": who, which host addresses, which ports, and why. */
export interface Reachable {
  readonly from: string;
  readonly to: string;
  readonly ports: readonly string[];
  readonly note: string;
}

/**
 * What the deployment's access mode and firewall let through, from where, as `explain` shows it. Derived from
 * the same settings the proxy's ports and the firewall script come from; SSH is kept open by the firewall in
 * every mode (host.sshPort, and the port of the connection the script runs over).
 */
export function reachability(d: Deployment): { readonly mode: string; readonly reachable: readonly Reachable[] } {
  const proxy = ["80/tcp", "443/tcp", ...(d.ingress.http3 ? ["443/udp"] : [])];
  const ssh: Reachable = { from: "anyone", to: "every address of the host", ports: [`${d.host.sshPort}/tcp`], note: "SSH, kept open by the firewall" };
  const a = d.access;
  if (a.mode === "public") {
    return { mode: a.mode, reachable: [{ from: "anyone", to: "every address of the host", ports: proxy, note: `Immich (${d.ingress.domain}) and the portal (${d.ingress.authDomain}) through the proxy` }, ssh] };
  }
  const lan: Reachable[] = a.listen.length
    ? [{ from: a.allowFrom.join(", "), to: a.listen.join(", "), ports: proxy, note: "the proxy, on the LAN addresses; any other source is dropped" }]
    : [];
  if (a.mode === "lan") return { mode: a.mode, reachable: [...lan, ssh] };
  const server = a.address.split("/")[0]!;
  return {
    mode: a.mode,
    reachable: [
      { from: "anyone", to: "every address of the host", ports: [`${a.listenPort}/udp`], note: "WireGuard: only the declared peers' keys complete a handshake" },
      ...a.peers.map((p) => ({ from: `peer ${p.name} (${p.address}, through the tunnel)`, to: server, ports: proxy, note: "the proxy, on the tunnel address" })),
      ...lan,
      ssh,
    ],
  };
}

export function reachabilityTable(d: Deployment): string {
  const r = reachability(d);
  const lines = [`access (mode ${r.mode}): what is reachable from where`, ...r.reachable.map((x) => `  from ${x.from} → ${x.to}: ${x.ports.join(", ")} — ${x.note}`)];
  return `${lines.join("\n")}\n`;
}
