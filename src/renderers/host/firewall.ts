import type { HostPlan } from "../../host/host-plan.js";
import { prelude, q } from "./prelude.js";

/**
 * UFW: deny incoming by default, allow SSH and the proxy's ports. Docker's published ports bypass UFW
 * (NAT before the filter); only the proxy publishes, on ports opened here anyway (policy rule IIAC006).
 */
export function renderFirewall(plan: HostPlan, title: string): string {
  const rules = [`${plan.firewall.sshPort}/tcp`, ...plan.firewall.tcp.map((p) => `${p}/tcp`), ...plan.firewall.udp.map((p) => `${p}/udp`)];
  const lines = [
    prelude("firewall", title),
    'command -v ufw >/dev/null 2>&1 || fail "ufw is missing: apt-get install ufw"',
    "status=$(ufw status verbose)",
    'if grep -q "^Default: deny (incoming)" <<<"$status"; then report "default incoming deny" unchanged; else ufw default deny incoming >/dev/null; report "default incoming deny" changed; fi',
    'if grep -q "allow (outgoing)" <<<"$status"; then report "default outgoing allow" unchanged; else ufw default allow outgoing >/dev/null; report "default outgoing allow" changed; fi',
    "# Rules are added before enabling, so enabling never cuts the SSH session that runs this.",
    "ensure_rule() {",
    '  if ufw show added 2>/dev/null | grep -qx "ufw allow $1"; then report "allow $1" unchanged; else ufw allow "$1" >/dev/null; report "allow $1" changed; fi',
    "}",
    ...rules.map((r) => `ensure_rule ${q(r)}`),
    'if grep -q "^Status: active" <<<"$status"; then report "ufw enabled" unchanged; else ufw --force enable >/dev/null; report "ufw enabled" changed; fi',
    "",
    "finish",
  ];
  return `${lines.join("\n")}\n`;
}
