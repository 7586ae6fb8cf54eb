import { RiskClass } from "./upgrade-rules.js";
import { obj, shown, type Obj } from "./plan-values.js";

/** What the classifier returns for an access change (a subset of classify.ts's Verdict). */
export interface AccessVerdict {
  readonly kind: "access-change";
  readonly class: RiskClass;
  readonly message: string;
}

/** The host addresses a proxy container state publishes on, sorted, or undefined when unreadable. */
function publishedOn(state: Obj | undefined): string[] | undefined {
  if (!state || !Array.isArray(state.ports)) return undefined;
  const ips = new Set<string>();
  for (const p of state.ports) {
    const o = obj(p);
    if (!o) return undefined;
    ips.add(typeof o.ip === "string" ? o.ip : "0.0.0.0");
  }
  return [...ips].sort();
}

/**
 * A proxy replaced because where it publishes changed (spec.access changed mode, or its addresses): clients that
 * reached it on an address it leaves lose access. Maintenance: worth a look before applying, but nothing is lost.
 */
export function proxyAccessChange(before: Obj | undefined, after: Obj | undefined): AccessVerdict | undefined {
  const [was, now] = [publishedOn(before), publishedOn(after)];
  if (!was || !now || was.join(",") === now.join(",")) return undefined;
  const list = (ips: string[]) => ips.map((ip) => (ip === "0.0.0.0" ? "every address (0.0.0.0)" : shown(ip))).join(", ");
  const gone = was.filter((ip) => !now.includes(ip));
  const lost = gone.length ? `; clients reaching it on ${list(gone)} lose access` : "";
  return { kind: "access-change", class: RiskClass.MAINTENANCE, message: `access changes: the proxy published on ${list(was)}, now on ${list(now)}${lost} (downtime while it is recreated)` };
}

/** The WireGuard peers a 45-wireguard host step's `input` lists, or undefined. */
function peersOf(state: Obj | undefined): string[] | undefined {
  const input = obj(state?.input);
  const peers = input?.peers;
  return Array.isArray(peers) && peers.every((p) => typeof p === "string") ? (peers as string[]) : undefined;
}

/**
 * The WireGuard host script with peers gone: those devices are revoked at this apply (their key is refused from
 * then on). Maintenance, so a removal by mistake is seen before it locks a phone out; an added peer is safe.
 */
export function wireguardPeerChange(address: string, before: Obj | undefined, after: Obj | undefined): AccessVerdict | undefined {
  if (!/45-wireguard/.test(address)) return undefined;
  const was = peersOf(before) ?? [];
  const now = peersOf(after);
  if (now === undefined) {
    return before ? { kind: "access-change", class: RiskClass.MAINTENANCE, message: `the WireGuard interface's script is removed (access mode changed): its interface stays up on the host until you remove it; peers ${was.map(shown).join(", ") || "none"} are no longer managed` } : undefined;
  }
  const revoked = was.filter((p) => !now.includes(p));
  if (revoked.length) return { kind: "access-change", class: RiskClass.MAINTENANCE, message: `WireGuard peer${revoked.length > 1 ? "s" : ""} ${revoked.map(shown).join(", ")} revoked: ${revoked.length > 1 ? "those devices lose" : "that device loses"} access at this apply` };
  const added = now.filter((p) => !was.includes(p));
  return { kind: "access-change", class: RiskClass.SAFE, message: added.length ? `WireGuard peer${added.length > 1 ? "s" : ""} ${added.map(shown).join(", ")} admitted` : "WireGuard host script runs again" };
}
