import { Component, LABEL_COMPONENT, LABEL_DATA } from "../../labels.js";
import { describe, labelOf, type PolicyRule } from "../policy-rule.js";

/** A folder of the backups role: the only places a backup container may write. */
const OWN_FOLDER = /\/backups\/[^/]+$/;

export const BackupReadsUserDataReadOnly: PolicyRule = {
  id: "IIAC011",
  name: "BackupReadsUserDataReadOnly",
  description:
    "Containers of component backup mount user-data volumes (io.immich-iac.data=true) and host paths read-only, except a folder of the backups role (…/backups/<folder>), which they own.",
  rationale:
    "A backup tool holds the keys to the off-site copy and runs unattended: if it can write the library or the database, one bad restore target or one compromised credential destroys what it protects.",
  check(r, ctx) {
    if (r.type !== "docker_container" || labelOf(r.config, LABEL_COMPONENT) !== Component.BACKUP) return [];
    const volumes = new Map(
      ctx.resources.filter((v) => v.type === "docker_volume").flatMap((v) => [[`\${${v.address}.name}`, v], [String(v.config.name), v]] as const),
    );
    const problems: string[] = [];
    for (const m of (r.config.volumes ?? []) as { volume_name?: string; host_path?: string; container_path: string; read_only?: boolean }[]) {
      if (m.read_only === true) continue;
      if (m.host_path !== undefined) {
        if (!OWN_FOLDER.test(m.host_path)) problems.push(`${describe(r)}: host path ${m.host_path} is mounted writable at ${m.container_path}`);
        continue;
      }
      const v = m.volume_name ? volumes.get(m.volume_name) : undefined;
      if (!v || labelOf(v.config, LABEL_DATA) !== "true") continue;
      const device = String(v.config.driver_opts?.device ?? "");
      if (!OWN_FOLDER.test(device)) problems.push(`${describe(r)}: user-data volume ${String(v.config.name)} (${device}) is mounted writable at ${m.container_path}`);
    }
    return problems;
  },
};
