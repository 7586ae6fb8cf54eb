import { q } from "./prelude.js";

/**
 * Shell lines that define `system_account_problem NAME`: prints why an existing account must not become the deploy
 * user (a uid below the system's UID_MIN, or a shell that refuses logins) and returns 0, or returns 1 when the
 * account is fine or does not exist yet (the deploy-user script then creates it with a uid ≥ UID_MIN). The
 * schema refuses the usual names (src/deployment/system-accounts.ts); this catches every other one, on the host.
 */
export function systemAccountCheck(): string[] {
  return [
    "system_account_problem() { # name",
    "  local entry uid shell uid_min",
    '  entry=$(getent passwd "$1") || return 1',
    "  # login.defs's UID_MIN (useradd's lower bound for people); 1000 when unset or not a number.",
    "  uid_min=$(awk '$1 == \"UID_MIN\" { v = $2 } END { print v }' /etc/login.defs 2>/dev/null || true)",
    '  [[ "$uid_min" =~ ^[0-9]{1,9}$ ]] || uid_min=1000',
    '  IFS=: read -r _ _ uid _ _ _ shell <<<"$entry"',
    '  if ! [[ "$uid" =~ ^[0-9]{1,10}$ ]] || [ "$uid" -lt "$uid_min" ]; then',
    '    printf \'%s is a system account (uid %s, below UID_MIN %s): it must not get the docker group and passwordless sudo; choose another host.deployUser.name\' "$1" "$uid" "$uid_min"; return 0',
    "  fi",
    '  case "$shell" in',
    '    */nologin | */false)',
    '      printf \'%s has the shell "%s", which refuses logins (a service account): it must not get the docker group and passwordless sudo; choose another host.deployUser.name\' "$1" "$shell"; return 0 ;;',
    "  esac",
    "  return 1",
    "}",
  ];
}

/** The preflight check of the deploy user: changes nothing, reports the account as a problem. */
export function preflightSystemAccount(name: string): string[] {
  return [
    ...systemAccountCheck(),
    `if why=$(system_account_problem ${q(name)}); then problem "$why" ${q(`deploy user ${name}`)}; else ok ${q(`deploy user ${name}`)}; fi`,
  ];
}
