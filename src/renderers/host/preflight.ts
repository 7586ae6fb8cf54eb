import type { ExternalFolder, HostPlan } from "../../host/host-plan.js";
import { prelude, q } from "./prelude.js";
import { preflightSystemAccount } from "./system-account.js";

/** Checks the host matches the profile before anything changes; changes nothing itself. */
export function renderPreflight(plan: HostPlan, title: string): string {
  const lines: string[] = [
    prelude("preflight", title),
    "PROBLEMS=()",
    "# The kernel's view (sysfs) needs no open() of the device, which a read-only mapping refuses.",
    "physical_sector_size() {",
    '  local name; name=$(basename "$(readlink -f "$1")")',
    '  cat "/sys/class/block/$name/queue/physical_block_size" 2>/dev/null || cat "/sys/class/block/$name/../queue/physical_block_size" 2>/dev/null || echo unknown',
    "}",
    'problem() { PROBLEMS+=("$1"); report "$2" failed "$1"; }',
    "ok() { report \"$1\" unchanged; }",
    "",
    "# An existing system account as the deploy user would become root (docker group, NOPASSWD sudo).",
    ...preflightSystemAccount(plan.deployUser.name),
  ];
  const zfsPools = plan.pools.filter((p) => p.filesystem === "zfs");
  if (zfsPools.length > 0) {
    lines.push(
      'if ! command -v zpool >/dev/null 2>&1; then problem "the zpool command is missing: install OpenZFS (zfsutils-linux) first" "zfs tools"; else',
      ...zfsPools.map(
        (p) =>
          `  if zpool list -H -o name ${q(p.name)} >/dev/null 2>&1; then ok ${q(`pool ${p.name}`)}; else problem ${q(`pool ${p.name} does not exist: create it by hand (zpool create), immich-iac never creates or destroys pools`)} ${q(`pool ${p.name}`)}; fi`,
      ),
      "fi",
    );
  }
  for (const pool of plan.pools) {
    for (const dev of pool.devices) {
      const item = q(`device ${dev}`);
      lines.push(`if [ ! -b ${q(dev)} ]; then problem ${q(`device ${dev} of pool ${pool.name} is not a block device on this host`)} ${item};`);
      if (pool.sectorSizeBytes !== undefined) {
        lines.push(
          `else size=$(physical_sector_size ${q(dev)}); if [ "$size" != ${q(String(pool.sectorSizeBytes))} ]; then problem ${q(`device ${dev} has `)}"$size"${q(`-byte physical sectors, pool ${pool.name} expects ${pool.sectorSizeBytes} (reformat, or set sectorSizeBytes in the profile)`)} ${item}; else ok ${item}; fi; fi`,
        );
      } else lines.push(`else ok ${item}; fi`);
    }
  }
  const [maj, min] = plan.preflight.minDockerVersion.split(".").map(Number);
  lines.push(
    'if ! version=$(docker version --format "{{.Server.Version}}" 2>/dev/null); then problem "no Docker Engine answers on this host (install docker.io or docker-ce and start it)" "docker engine";',
    `else IFS=. read -r vmaj vmin _ <<<"\${version%%[-+]*}"; if [ "$vmaj" -gt ${maj} ] || { [ "$vmaj" -eq ${maj} ] && [ "$vmin" -ge ${min} ]; }; then ok "docker engine"; else problem "Docker Engine $version is older than ${plan.preflight.minDockerVersion}" "docker engine"; fi; fi`,
  );
  if (plan.preflight.nvidiaRuntime) {
    lines.push(
      'if docker info --format "{{json .Runtimes}}" 2>/dev/null | grep -q nvidia; then ok "nvidia runtime"; else problem "CUDA needs the NVIDIA Container Toolkit: install it and run nvidia-ctk runtime configure --runtime=docker" "nvidia runtime"; fi',
    );
  }
  for (const dev of plan.preflight.devices) {
    lines.push(`if [ -e ${q(dev)} ]; then ok ${q(`accelerator ${dev}`)}; else problem ${q(`${dev} is missing: install the accelerator's driver`)} ${q(`accelerator ${dev}`)}; fi`);
  }
  if (plan.preflight.x86_64_v2) {
    lines.push(
      "missing=''",
      'for flag in cx16 lahf_lm popcnt sse4_1 sse4_2 ssse3; do grep -qw "$flag" /proc/cpuinfo || missing="$missing $flag"; done',
      `if [ -z "$missing" ]; then ok "cpu x86-64-v2"; else problem "the CPU (or the VM's CPU model) lacks x86-64-v2 flags:$missing; Immich v3 machine learning needs them (use host CPU passthrough)" "cpu x86-64-v2"; fi`,
    );
  }
  lines.push(...externalFolderChecks(plan.preflight.externalFolders ?? []));
  lines.push(
    "",
    "finish",
    'if [ "${#PROBLEMS[@]}" -gt 0 ]; then',
    '  printf "immich-iac: preflight: this host does not match its profile:\\n" >&2',
    '  printf "  - %s\\n" "${PROBLEMS[@]}" >&2',
    "  exit 1",
    "fi",
  );
  return `${lines.join("\n")}\n`;
}

/**
 * An external library's folder: there, a folder, and listable by the containers' uid (setpriv drops to it, so a
 * share that squashes root or a folder closed to others is caught), with each import path below it. Only tests:
 * a missing folder is the operator's to mount or create; Docker's Mounts API refuses it too, never creating it.
 */
function externalFolderChecks(folders: readonly ExternalFolder[]): string[] {
  if (folders.length === 0) return [];
  const lines = [
    "# External libraries: checked, never created, chowned or written.",
    "readable_by() { # UID PATH",
    '  setpriv --reuid="$1" --regid="$1" --clear-groups -- test -r "$2" -a -x "$2" && setpriv --reuid="$1" --regid="$1" --clear-groups -- ls -A -- "$2" >/dev/null 2>&1',
    "}",
  ];
  for (const f of folders) {
    const item = q(`external library ${f.library}`);
    const path = q(f.path);
    lines.push(
      `if [ ! -d ${path} ]; then problem ${q(`external library ${f.library}: ${f.path} is not a folder on this host: mount or create it yourself, immich-iac never creates it`)} ${item};`,
      `elif ! readable_by ${f.uid} ${path}; then problem ${q(`external library ${f.library}: ${f.path} is not readable by uid ${f.uid}, the Immich containers' user (a share that squashes root, or a folder closed to others)`)} ${item};`,
    );
    for (const sub of f.importPaths) {
      const full = q(`${f.path}/${sub}`);
      lines.push(`elif [ ! -d ${full} ] || ! readable_by ${f.uid} ${full}; then problem ${q(`external library ${f.library}: import path ${sub} is not a readable folder in ${f.path}`)} ${item};`);
    }
    lines.push(`else ok ${item}; fi`);
  }
  return lines;
}
