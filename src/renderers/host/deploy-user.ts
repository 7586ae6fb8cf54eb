import type { HostPlan } from "../../host/host-plan.js";
import { prelude, q } from "./prelude.js";
import { systemAccountCheck } from "./system-account.js";

/** Marks the lines of authorized_keys the stack owns; everything outside them belongs to the operator. */
export const KEYS_BEGIN = "# BEGIN immich-iac managed keys: change host.deployUser.authorizedKeys, not these lines";
export const KEYS_END = "# END immich-iac managed keys";

/**
 * Converges authorized_keys without touching a key it did not add: it owns only the lines between its two
 * markers. With no keys in the deployment, a file without that block is left alone (and never created), so
 * an operator who logs in as the deploy user cannot be locked out.
 */
function authorizedKeysSteps(keys: readonly string[]): string[] {
  return [
    'KEYS_FILE="$HOME_DIR/.ssh/authorized_keys"',
    `KEYS_BEGIN=${q(KEYS_BEGIN)}`,
    `KEYS_END=${q(KEYS_END)}`,
    `MANAGED_KEYS=${q(keys.join("\n"))}`,
    'begins=0; ends=0',
    'if [ -f "$KEYS_FILE" ]; then begins=$(grep -cxF -- "$KEYS_BEGIN" "$KEYS_FILE" || true); ends=$(grep -cxF -- "$KEYS_END" "$KEYS_FILE" || true); fi',
    'if [ "$begins" -gt 1 ] || [ "$begins" != "$ends" ]; then',
    '  report "authorized_keys" failed "$KEYS_FILE has an unmatched immich-iac marker line: fix it by hand (nothing was changed)"',
    'elif [ ! -e "$KEYS_FILE" ] && [ -z "$MANAGED_KEYS" ]; then',
    '  report "authorized_keys" skipped "no keys in the deployment: $KEYS_FILE left alone"',
    "else",
    '  if [ ! -d "$HOME_DIR/.ssh" ]; then install -d -m 0700 -o "$USER_NAME" -g "$USER_NAME" "$HOME_DIR/.ssh"; fi',
    "  # Written next to the file and renamed over it: a login never sees a half-written authorized_keys.",
    '  desired=$(mktemp "$HOME_DIR/.ssh/.authorized_keys.XXXXXX")',
    '  if [ -f "$KEYS_FILE" ]; then',
    `    awk -v b="$KEYS_BEGIN" -v e="$KEYS_END" '$0 == b { skip = 1; next } $0 == e { skip = 0; next } !skip' "$KEYS_FILE" >"$desired"`,
    "  fi",
    `  if [ -n "$MANAGED_KEYS" ]; then printf '%s\\n%s\\n%s\\n' "$KEYS_BEGIN" "$MANAGED_KEYS" "$KEYS_END" >>"$desired"; fi`,
    '  if [ -f "$KEYS_FILE" ] && cmp -s "$desired" "$KEYS_FILE"; then',
    '    rm -f "$desired"; report "authorized_keys" unchanged',
    "  else",
    '    chown "$USER_NAME:$USER_NAME" "$desired"; chmod 0600 "$desired"',
    '    mv -f "$desired" "$KEYS_FILE"; report "authorized_keys" changed',
    "  fi",
    "fi",
  ];
}

/**
 * The non-root account Terraform connects as. It is in the `docker` group (which is root-equivalent: a
 * machine account, not a person) and may sudo without a password to run the host scripts.
 */
export function renderDeployUser(plan: HostPlan, title: string): string {
  const u = plan.deployUser.name;
  const lines = [
    prelude("deploy-user", title),
    `USER_NAME=${q(u)}`,
    '[ "$USER_NAME" != root ] || fail "the deploy user must not be root"',
    "# Before anything changes: an existing system account would become root (docker group, NOPASSWD sudo).",
    ...systemAccountCheck(),
    'if why=$(system_account_problem "$USER_NAME"); then fail "$why (nothing was changed)"; fi',
    'if getent group docker >/dev/null; then report "group docker" unchanged; else groupadd --system docker; report "group docker" changed; fi',
    'if id -u "$USER_NAME" >/dev/null 2>&1; then report "user $USER_NAME" unchanged; else',
    '  useradd --create-home --shell /bin/bash --user-group "$USER_NAME"; report "user $USER_NAME" changed; fi',
    'if id -nG "$USER_NAME" | tr " " "\\n" | grep -qx docker; then report "user $USER_NAME in docker" unchanged; else',
    '  usermod -aG docker "$USER_NAME"; report "user $USER_NAME in docker" changed; fi',
    '# No password: key login only.',
    'if [ "$(passwd -S "$USER_NAME" | cut -d" " -f2)" = L ]; then report "user $USER_NAME password locked" unchanged; else',
    '  passwd -l "$USER_NAME" >/dev/null; report "user $USER_NAME password locked" changed; fi',
    'HOME_DIR=$(getent passwd "$USER_NAME" | cut -d: -f6)',
    ...authorizedKeysSteps(plan.deployUser.authorizedKeys),
    "tmp=$(mktemp)",
    `printf '%s ALL=(root) NOPASSWD: ALL\\n' "$USER_NAME" >"$tmp"`,
    'visudo -cqf "$tmp" >/dev/null 2>&1 || { rm -f "$tmp"; fail "the sudoers line does not validate"; }',
    `ensure_file /etc/sudoers.d/immich-iac-deploy 0440 <"$tmp" || true`,
    'rm -f "$tmp"',
    "",
    "finish",
    '[ "$IMMICH_IAC_FAILED" -eq 0 ] || exit 1',
  ];
  return `${lines.join("\n")}\n`;
}
