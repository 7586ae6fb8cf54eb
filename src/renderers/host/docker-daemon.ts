import type { HostPlan } from "../../host/host-plan.js";
import { prelude, q } from "./prelude.js";

/** daemon.json text: sorted keys, two-space indent, so equal settings are equal bytes. */
export function daemonJson(settings: Readonly<Record<string, unknown>>): string {
  const sort = (v: unknown): unknown =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return `${JSON.stringify(sort(settings), null, 2)}\n`;
}

/**
 * /etc/docker/daemon.json (log rotation, live-restore, data-root on the docker pool, bridge MTU) with a safe
 * reload: validate, reload (SIGHUP) for what reloads, restart only for what needs it — and never a data-root
 * change under existing containers, which would hide them.
 */
export function renderDockerDaemon(plan: HostPlan, title: string): string {
  const d = plan.dockerDaemon;
  const lines = [
    prelude("docker-daemon", title),
    "NEW=$(mktemp)",
    `cat >"$NEW" <<'IMMICH_IAC_EOF'`,
    daemonJson(d).trimEnd(),
    "IMMICH_IAC_EOF",
    "if [ -f /etc/docker/daemon.json ] && cmp -s \"$NEW\" /etc/docker/daemon.json; then",
    '  rm -f "$NEW"; report "file /etc/docker/daemon.json" unchanged; finish; exit 0',
    "fi",
    'running=""; docker info >/dev/null 2>&1 && running=1',
    'if [ -n "$running" ] && dockerd --help 2>&1 | grep -q -- "--validate"; then',
    '  dockerd --validate --config-file "$NEW" >/dev/null 2>&1 || { rm -f "$NEW"; fail "the new daemon.json does not validate: dockerd --validate --config-file"; }',
    "fi",
    ...(d["data-root"]
      ? [
          `want_root=${q(String(d["data-root"]))}`,
          'if [ -n "$running" ] && [ "$(docker info --format "{{.DockerRootDir}}")" != "$want_root" ] && [ -n "$(docker ps -aq)" ]; then',
          '  rm -f "$NEW"; fail "moving data-root to $want_root would hide $(docker ps -aq | wc -l) containers and their images: stop them, copy the old root there (rsync -aHAX), then re-run"',
          "fi",
          'mkdir -p "$want_root"',
        ]
      : []),
    "mkdir -p /etc/docker",
    'chmod 0644 "$NEW"; mv -f "$NEW" /etc/docker/daemon.json',
    'report "file /etc/docker/daemon.json" changed',
    'if [ -z "$running" ]; then report "docker reload" skipped "dockerd is not running here: the file applies at its next start"; finish; exit 0; fi',
    "# live-restore and a few others apply on SIGHUP; log settings, mtu and data-root need a restart,",
    "# which live-restore (now active) lets running containers survive.",
    "if command -v systemctl >/dev/null 2>&1 && systemctl is-active -q docker; then systemctl reload docker; else pkill -HUP -x dockerd; fi",
    'report "docker reload" changed',
    "need_restart=\"\"",
    ...(d["data-root"] ? ['[ "$(docker info --format "{{.DockerRootDir}}")" = "$want_root" ] || need_restart=1'] : []),
    ...(d["log-driver"] ? [`[ "$(docker info --format "{{.LoggingDriver}}")" = ${q(String(d["log-driver"]))} ] || need_restart=1`] : []),
    ...(d.mtu ? [`[ "$(docker network inspect bridge --format '{{index .Options "com.docker.network.driver.mtu"}}' 2>/dev/null)" = ${q(String(d.mtu))} ] || need_restart=1`] : []),
    'if [ -z "$need_restart" ]; then report "docker restart" unchanged; finish; exit 0; fi',
    'if command -v systemctl >/dev/null 2>&1 && systemctl is-active -q docker; then systemctl restart docker && report "docker restart" changed',
    'else report "docker restart" skipped "dockerd is not managed by systemd: restart it yourself to apply log, mtu and data-root settings"; fi',
    "",
    "finish",
  ];
  return `${lines.join("\n")}\n`;
}
