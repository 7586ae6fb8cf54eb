import type { HostPlan } from "../../host/host-plan.js";
import { prelude, q } from "./prelude.js";

/**
 * The non-root account Terraform connects as. It is in the `docker` group (which is root-equivalent: a
 * machine account, not a person) and may sudo without a password to run the host scripts.
 */
export function renderDeployUser(plan: HostPlan, title: string): string {
  const u = plan.deployUser.name;
  const lines = [
    prelude("deploy-user", title),
    `USER_NAME=${q(u)}`,
    'if getent group docker >/dev/null; then report "group docker" unchanged; else groupadd --system docker; report "group docker" changed; fi',
    'if id -u "$USER_NAME" >/dev/null 2>&1; then report "user $USER_NAME" unchanged; else',
    '  useradd --create-home --shell /bin/bash --user-group "$USER_NAME"; report "user $USER_NAME" changed; fi',
    'if id -nG "$USER_NAME" | tr " " "\\n" | grep -qx docker; then report "user $USER_NAME in docker" unchanged; else',
    '  usermod -aG docker "$USER_NAME"; report "user $USER_NAME in docker" changed; fi',
    '# No password: key login only.',
    'if [ "$(passwd -S "$USER_NAME" | cut -d" " -f2)" = L ]; then report "user $USER_NAME password locked" unchanged; else',
    '  passwd -l "$USER_NAME" >/dev/null; report "user $USER_NAME password locked" changed; fi',
    'HOME_DIR=$(getent passwd "$USER_NAME" | cut -d: -f6)',
    'install -d -m 0700 -o "$USER_NAME" -g "$USER_NAME" "$HOME_DIR/.ssh"',
    `ensure_file "$HOME_DIR/.ssh/authorized_keys" 0600 <<'IMMICH_IAC_EOF' || true`,
    ...(plan.deployUser.authorizedKeys.length ? plan.deployUser.authorizedKeys : ["# no keys in the deployment: add host.deployUser.authorizedKeys"]),
    "IMMICH_IAC_EOF",
    'chown "$USER_NAME:$USER_NAME" "$HOME_DIR/.ssh/authorized_keys"',
    "tmp=$(mktemp)",
    `printf '%s ALL=(root) NOPASSWD: ALL\\n' "$USER_NAME" >"$tmp"`,
    'visudo -cqf "$tmp" >/dev/null 2>&1 || { rm -f "$tmp"; fail "the sudoers line does not validate"; }',
    `ensure_file /etc/sudoers.d/immich-iac-deploy 0440 <"$tmp" || true`,
    'rm -f "$tmp"',
    "",
    "finish",
  ];
  return `${lines.join("\n")}\n`;
}
