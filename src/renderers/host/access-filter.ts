import type { AccessFilter } from "../../host/host-plan.js";
import { q } from "./prelude.js";

/** UFW's after.rules, which it restores at every start (before Docker starts at boot). */
const AFTER_RULES = "/etc/ufw/after.rules";
const begin = (f: Pick<AccessFilter, "chain">) => `# BEGIN immich-iac access filter ${f.chain} (managed: do not edit)`;
const end = (f: Pick<AccessFilter, "chain">) => `# END immich-iac access filter ${f.chain}`;

/** The comment of the UFW rules an access mode opens (WireGuard's port): what mode `public` removes again. */
export const accessRuleComment = (chain: string) => `immich-iac access ${chain}`;

/**
 * The chain's rules exactly as `iptables -S <chain>` prints them (so the script can compare): packets from an
 * admitted network return to Docker's rules; any other packet opening a connection to a proxy port on a listen
 * address is dropped. `--ctorigdst` is the address as sent, before Docker's NAT rewrote it to the container's;
 * `--ctdir ORIGINAL` leaves the container's replies alone (they come from its own address).
 */
export function accessRules(f: AccessFilter): string[] {
  return [
    ...f.allowFrom.map((net) => `-A ${f.chain} -s ${net} -j RETURN`),
    ...f.addresses.flatMap((a) => f.ports.map((p) => `-A ${f.chain} -p ${p.protocol} -m conntrack --ctorigdst ${a} --ctorigdstport ${p.port} --ctdir ORIGINAL -j DROP`)),
  ];
}

/** The jump from DOCKER-USER, which Docker consults before its own forwarding rules. */
export function accessJump(f: AccessFilter): string[] {
  return ["-j", f.chain];
}

/**
 * iptables-restore input that replaces the chain's rules in one commit (declaring a chain with --noflush
 * empties it first): never a moment with the LAN rules gone and the DROP rules not yet there, or the reverse.
 */
export function accessRestore(f: AccessFilter): string {
  return ["*filter", `:${f.chain} - [0:0]`, ...accessRules(f), "COMMIT", ""].join("\n");
}

/** The block of UFW's after.rules: the chain and its jump at every boot, before Docker starts. */
export function accessAfterRulesBlock(f: AccessFilter): string {
  return [begin(f), "*filter", ":DOCKER-USER - [0:0]", `:${f.chain} - [0:0]`, `-A DOCKER-USER ${accessJump(f).join(" ")}`, ...accessRules(f), "COMMIT", end(f)].join("\n");
}

/**
 * The firewall script's lines for access mode `lan`: converge the chain (compared with what iptables prints,
 * replaced atomically when it differs), the jump to it, and the after.rules block. UFW's own `allow 80/tcp`
 * rules of an earlier `public` deploy are left in place (they may be the operator's) but reported: they do not
 * open the proxy (Docker's NAT bypasses them), and `ufw status` would suggest otherwise.
 */
export function renderAccessFilter(f: AccessFilter): string[] {
  const chain = q(f.chain);
  return [
    'command -v iptables >/dev/null 2>&1 || fail "iptables is missing: apt-get install iptables"',
    'command -v iptables-restore >/dev/null 2>&1 || fail "iptables-restore is missing: apt-get install iptables"',
    "# Access mode lan: the proxy's ports only from the listed networks (DOCKER-USER: Docker's NAT bypasses UFW).",
    "iptables -N DOCKER-USER 2>/dev/null || true",
    `want_rules=${q(accessRules(f).join("\n"))}`,
    `have_rules=$(iptables -S ${chain} 2>/dev/null | grep -v '^-N ' || true)`,
    'if [ "$have_rules" = "$want_rules" ]; then',
    `  report ${q(`chain ${f.chain}`)} unchanged`,
    "else",
    `  printf '%s' ${q(accessRestore(f))} | iptables-restore --noflush`,
    `  report ${q(`chain ${f.chain}`)} changed`,
    "fi",
    `if iptables -C DOCKER-USER ${accessJump(f).map(q).join(" ")} 2>/dev/null; then report ${q(`DOCKER-USER jump to ${f.chain}`)} unchanged;`,
    `else iptables -I DOCKER-USER 1 ${accessJump(f).map(q).join(" ")}; report ${q(`DOCKER-USER jump to ${f.chain}`)} changed; fi`,
    `block=${q(accessAfterRulesBlock(f))}`,
    `begin=${q(begin(f))}`,
    `end=${q(end(f))}`,
    `touch ${q(AFTER_RULES)}`,
    `current=$(awk -v b="$begin" -v e="$end" '$0 == b {on = 1} on {print} $0 == e {on = 0}' ${q(AFTER_RULES)})`,
    'if [ "$current" = "$block" ]; then',
    `  report ${q(`${AFTER_RULES} access block`)} unchanged`,
    "else",
    "  tmp=$(mktemp)",
    `  awk -v b="$begin" -v e="$end" '$0 == b {skip = 1} !skip {print} $0 == e {skip = 0}' ${q(AFTER_RULES)} >"$tmp"`,
    '  printf "%s\\n" "$block" >>"$tmp"',
    `  chmod --reference=${q(AFTER_RULES)} "$tmp" 2>/dev/null || chmod 0640 "$tmp"`,
    `  mv -f "$tmp" ${q(AFTER_RULES)}`,
    `  report ${q(`${AFTER_RULES} access block`)} changed`,
    "fi",
    ...f.ports.map((p) => `${p.port}/${p.protocol}`).filter((r, i, all) => all.indexOf(r) === i).flatMap((r) => [
      `if ufw show added 2>/dev/null | grep -qx ${q(`ufw allow ${r}`)}; then`,
      `  report ${q(`allow ${r} (open to anyone)`)} skipped ${q(`left in place (a public deploy or you added it); it does not open the proxy, whose port Docker publishes on the listed addresses only: \`ufw delete allow ${r}\` if nothing else needs it`)}`,
      "fi",
    ]),
  ];
}

/**
 * The firewall script's lines for mode `public` (the default): what an earlier `lan` or `wireguard` deploy of this
 * deployment left is removed — the jump from DOCKER-USER (every copy), the chain, its block in after.rules (the
 * rest of the file stays) and the UFW rules tagged with the chain's comment (WireGuard's port). Nothing else: a
 * UFW rule without that comment may be the operator's. Reported unchanged when there is nothing to remove.
 */
export function renderAccessRetired(chain: string): string[] {
  const c = q(chain);
  const comment = accessRuleComment(chain);
  return [
    `# Not access mode lan or wireguard: remove what an earlier deploy in one of them left (chain ${chain}).`,
    "if command -v iptables >/dev/null 2>&1; then",
    `  if iptables -S ${c} >/dev/null 2>&1 || iptables -C DOCKER-USER -j ${c} 2>/dev/null; then`,
    `    while iptables -D DOCKER-USER -j ${c} 2>/dev/null; do :; done`,
    `    iptables -F ${c} 2>/dev/null || true`,
    `    iptables -X ${c} 2>/dev/null || true`,
    `    report ${q(`chain ${chain} removed`)} changed`,
    `  else report ${q(`chain ${chain} removed`)} unchanged; fi`,
    "fi",
    `begin=${q(begin({ chain }))}`,
    `end=${q(end({ chain }))}`,
    `if [ -f ${q(AFTER_RULES)} ] && grep -qxF "$begin" ${q(AFTER_RULES)}; then`,
    "  tmp=$(mktemp)",
    `  awk -v b="$begin" -v e="$end" '$0 == b {skip = 1} !skip {print} $0 == e {skip = 0}' ${q(AFTER_RULES)} >"$tmp"`,
    `  chmod --reference=${q(AFTER_RULES)} "$tmp" 2>/dev/null || chmod 0640 "$tmp"`,
    `  mv -f "$tmp" ${q(AFTER_RULES)}`,
    `  report ${q(`${AFTER_RULES} access block removed`)} changed`,
    `else report ${q(`${AFTER_RULES} access block removed`)} unchanged; fi`,
    `for rule in $(ufw show added 2>/dev/null | sed -nE ${q(`s|^ufw allow ([0-9]+/[a-z]+) comment '${comment}'$|\\1|p`)}); do`,
    '  ufw delete allow "$rule" >/dev/null',
    `  report "allow $rule (${comment}) removed" changed`,
    "done",
  ];
}
