import type { HostPlan } from "../../host/host-plan.js";
import { prelude, q } from "./prelude.js";

export interface PreUpgradeBackupInput {
  readonly plan: HostPlan;
  /** Container name of the database. */
  readonly databaseContainer: string;
  readonly databaseName: string;
  readonly databaseUser: string;
  /** Where the dump goes on the host (the backups role). */
  readonly backupDir: string;
  /** ZFS datasets to snapshot: the database's and the library's. */
  readonly snapshotDatasets: readonly string[];
}

/**
 * The maintenance step before an upgrade (`immich-iac pre-upgrade`): a pg_dump of the database from its
 * running container and ZFS snapshots of the database and library datasets, all named by the same label.
 * Run once per upgrade; a label that already has its snapshots is reported unchanged.
 */
export function renderPreUpgradeBackup(i: PreUpgradeBackupInput): string {
  const title = `deployment ${i.plan.deploymentName}`;
  const lines = [
    prelude("pre-upgrade-backup", title),
    'LABEL=${1:-${IMMICH_IAC_BACKUP_LABEL:-manual}}',
    '[[ "$LABEL" =~ ^[A-Za-z0-9._-]+$ ]] || fail "label must be letters, digits, dot, dash or underscore (got $LABEL)"',
    `DB=${q(i.databaseContainer)}`,
    `DUMP=${q(i.backupDir)}/immich-iac-pre-upgrade-$LABEL.sql.gz`,
    'if [ -s "$DUMP" ]; then report "dump $DUMP" unchanged; else',
    '  [ "$(docker inspect -f "{{.State.Running}}" "$DB" 2>/dev/null)" = true ] || fail "database container $DB is not running: nothing to dump (start the stack first)"',
    `  mkdir -p ${q(i.backupDir)}`,
    "  # --clean --if-exists: the same dump format as Immich's own backups, restorable with psql.",
    `  docker exec "$DB" pg_dump --clean --if-exists --username=${q(i.databaseUser)} --dbname=${q(i.databaseName)} | gzip >"$DUMP.partial" || { rm -f "$DUMP.partial"; fail "pg_dump from $DB failed"; }`,
    '  gzip -t "$DUMP.partial" || { rm -f "$DUMP.partial"; fail "the dump is not a valid gzip file"; }',
    '  mv "$DUMP.partial" "$DUMP"',
    '  report "dump $DUMP" changed',
    "fi",
  ];
  if (i.snapshotDatasets.length) {
    lines.push('command -v zfs >/dev/null 2>&1 || fail "the zfs command is missing"');
    for (const ds of i.snapshotDatasets) {
      lines.push(
        `snap=${q(ds)}@immich-iac-pre-upgrade-$LABEL`,
        'if zfs list -H -t snapshot -o name "$snap" >/dev/null 2>&1; then report "snapshot $snap" unchanged; else zfs snapshot "$snap" || fail "zfs snapshot $snap failed"; report "snapshot $snap" changed; fi',
      );
    }
  }
  lines.push("", "finish");
  return `${lines.join("\n")}\n`;
}
