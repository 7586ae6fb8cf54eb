import type { HostPlan, PublishedFrom } from "../../host/host-plan.js";
import { prelude, q } from "./prelude.js";
import { accessRuleComment, renderAccessFilter, renderAccessRetired } from "./access-filter.js";

/** Marks the block this script owns in UFW's after.rules; nothing outside it is touched. */
export const AFTER_RULES = "/etc/ufw/after.rules";
const BEGIN = "# BEGIN immich-iac published-port filter (managed: do not edit)";
const END = "# END immich-iac published-port filter";

/**
 * One DOCKER-USER rule: drop packets to `address:port` (as addressed before Docker's NAT) from anyone but `from`.
 * Only in the original direction: the container's replies belong to the same connection and come from its
 * own address, so without `--ctdir ORIGINAL` they would be dropped too (seen in the suite).
 */
export function dockerUserRule(p: PublishedFrom): string[] {
  return ["-p", "tcp", "-m", "conntrack", "--ctorigdst", p.address, "--ctorigdstport", String(p.port), "--ctdir", "ORIGINAL", "!", "-s", p.from, "-j", "DROP"];
}

/** The after.rules block: UFW restores it at every start, so the filter survives a reboot before Docker starts. */
export function afterRulesBlock(published: readonly PublishedFrom[]): string {
  return [BEGIN, "*filter", ":DOCKER-USER - [0:0]", ...published.map((p) => `-A DOCKER-USER ${dockerUserRule(p).join(" ")}`), "COMMIT", END].join("\n");
}

/**
 * UFW: deny incoming by default, allow SSH and the proxy's ports. Docker's published ports bypass UFW
 * (NAT before the filter); only the proxy publishes widely, on ports opened here anyway (policy rule IIAC006).
 * A port published on one address for one source (an ML node's) is filtered in DOCKER-USER, which Docker
 * consults before its own rules, and kept in a block of UFW's after.rules for the next boot.
 */
export function renderFirewall(plan: HostPlan, title: string): string {
  // In an access mode every UDP port opened to anyone is the mode's own (WireGuard's): tagged below.
  const accessUdp = plan.firewall.access ? plan.firewall.udp.map((p) => `${p}/udp`) : [];
  const rules = [`${plan.firewall.sshPort}/tcp`, ...plan.firewall.tcp.map((p) => `${p}/tcp`), ...(plan.firewall.access ? [] : plan.firewall.udp.map((p) => `${p}/udp`))];
  const published = plan.firewall.publishedOnlyFrom ?? [];
  const sshRule = `${plan.firewall.sshPort}/tcp`;
  const lines = [
    prelude("firewall", title),
    'command -v ufw >/dev/null 2>&1 || fail "ufw is missing: apt-get install ufw"',
    ...currentConnectionPort(),
    "status=$(ufw status verbose)",
    "# Rules first, then the defaults, then enabling: with UFW already active, `default deny` applies at once.",
    "ensure_rule() { # rule [comment: what tags the rule as an access mode's]",
    '  local added="ufw allow $1"',
    "  if [ -n \"${2:-}\" ]; then added=\"$added comment '$2'\"; fi",
    '  if ufw show added 2>/dev/null | grep -qxF "$added"; then report "allow $1" unchanged; else ufw allow "$1" ${2:+comment "$2"} >/dev/null; report "allow $1" changed; fi',
    "}",
    'if [ -z "$current_port" ]; then report "current SSH port" skipped "not run over SSH (no IMMICH_IAC_SSH_CONNECTION or SSH_CONNECTION)";',
    `elif [ "$current_port/tcp" != ${q(sshRule)} ]; then`,
    `  printf 'immich-iac: firewall: this runs over SSH port %s, not host.sshPort ${plan.firewall.sshPort}: port %s stays open too\\n' "$current_port" "$current_port" >&2`,
    '  ensure_rule "$current_port/tcp"',
    "fi",
    ...rules.map((r) => `ensure_rule ${q(r)}`),
    // An access mode's own ports (WireGuard's), tagged so that mode public can remove them again.
    ...(plan.firewall.access ? accessUdp.map((r) => `ensure_rule ${q(r)} ${q(accessRuleComment(plan.firewall.access!.chain))}`) : []),
    ...(published.length ? publishedFilter(published) : []),
    ...(plan.firewall.access ? renderAccessFilter(plan.firewall.access) : []),
    ...(plan.firewall.retiredAccessChain ? renderAccessRetired(plan.firewall.retiredAccessChain) : []),
    'if grep -q "^Default: deny (incoming)" <<<"$status"; then report "default incoming deny" unchanged; else ufw default deny incoming >/dev/null; report "default incoming deny" changed; fi',
    'if grep -q "allow (outgoing)" <<<"$status"; then report "default outgoing allow" unchanged; else ufw default allow outgoing >/dev/null; report "default outgoing allow" changed; fi',
    'if grep -q "^Status: active" <<<"$status"; then report "ufw enabled" unchanged; else ufw --force enable >/dev/null; report "ufw enabled" changed; fi',
    "",
    "finish",
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The server port of the SSH connection this script runs over, in `current_port` (empty when not over SSH).
 * The provisioner passes `$SSH_CONNECTION` as IMMICH_IAC_SSH_CONNECTION through `sudo` (which drops SSH_CONNECTION
 * itself); run by hand with `sudo -E` or as root over SSH, SSH_CONNECTION is read. Whatever host.sshPort says,
 * this port stays open: a firewall that admits another one would cut the next login of Terraform and the operator
 * (issue 20 item 4). The value is checked before any change: four fields, a port of 1-65535, one line.
 */
function currentConnectionPort(): string[] {
  return [
    "ssh_connection=${IMMICH_IAC_SSH_CONNECTION:-${SSH_CONNECTION:-}}",
    "current_port=",
    'if [ -n "$ssh_connection" ]; then',
    "  connection_re='^[^[:space:]]+ [0-9]{1,5} [^[:space:]]+ ([1-9][0-9]{0,4})$'",
    '  if [[ "$ssh_connection" =~ $connection_re ]] && [ "${BASH_REMATCH[1]}" -le 65535 ]; then current_port=${BASH_REMATCH[1]}',
    '  else fail "the SSH connection (IMMICH_IAC_SSH_CONNECTION, else SSH_CONNECTION) is not \\"client-address client-port server-address server-port\\" with a port of 1-65535: nothing was changed, so the firewall cannot cut it"; fi',
    "fi",
  ];
}

function publishedFilter(published: readonly PublishedFrom[]): string[] {
  return [
    'command -v iptables >/dev/null 2>&1 || fail "iptables is missing: apt-get install iptables"',
    "# Live: DOCKER-USER exists once Docker ran; create it if Docker has not yet (Docker keeps an existing one).",
    "iptables -N DOCKER-USER 2>/dev/null || true",
    "ensure_docker_user() { # item rule...",
    "  local item=$1; shift",
    '  if iptables -C DOCKER-USER "$@" 2>/dev/null; then report "$item" unchanged; else iptables -I DOCKER-USER 1 "$@"; report "$item" changed; fi',
    "}",
    "# Our earlier rule for the same address and port with another source (the deployment changed it) goes first.",
    "drop_stale() { # address port wanted-source",
    "  local line words",
    '  while IFS= read -r line; do',
    '    read -ra words <<<"$line"',
    '    iptables -D "${words[@]:1}"',
    '    report "DOCKER-USER $1:$2 stale rule ($line)" changed',
    '  done < <(iptables -S DOCKER-USER | grep -F -- "--ctorigdst $1 --ctorigdstport $2 --ctdir ORIGINAL" | grep -vF -- "! -s $3" || true)',
    "}",
    ...published.flatMap((p) => [
      `drop_stale ${q(p.address)} ${q(String(p.port))} ${q(p.from.includes("/") ? p.from : `${p.from}/32`)}`,
      `ensure_docker_user ${q(`DOCKER-USER ${p.address}:${p.port} only from ${p.from}`)} ${dockerUserRule(p).map(q).join(" ")}`,
    ]),
    "# At boot: the same rules in a block of UFW's after.rules (only that block is ever rewritten).",
    `block=${q(afterRulesBlock(published))}`,
    `begin=${q(BEGIN)}`,
    `end=${q(END)}`,
    `touch ${q(AFTER_RULES)}`,
    `current=$(awk -v b="$begin" -v e="$end" '$0 == b {on = 1} on {print} $0 == e {on = 0}' ${q(AFTER_RULES)})`,
    'if [ "$current" = "$block" ]; then',
    `  report ${q(`${AFTER_RULES} block`)} unchanged`,
    "else",
    "  tmp=$(mktemp)",
    `  awk -v b="$begin" -v e="$end" '$0 == b {skip = 1} !skip {print} $0 == e {skip = 0}' ${q(AFTER_RULES)} >"$tmp"`,
    '  printf "%s\\n" "$block" >>"$tmp"',
    `  chmod --reference=${q(AFTER_RULES)} "$tmp" 2>/dev/null || chmod 0640 "$tmp"`,
    `  mv -f "$tmp" ${q(AFTER_RULES)}`,
    `  report ${q(`${AFTER_RULES} block`)} changed`,
    "fi",
  ];
}
