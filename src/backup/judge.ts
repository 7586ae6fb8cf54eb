import { lateAfterSeconds, type BackupSettings } from "./backup-settings.js";

/** What `backup-operations.sh status` prints (see src/renderers/backup/operations.ts). */
export interface RawStatus {
  readonly now: number;
  readonly walConfigured: boolean;
  readonly offsiteConfigured: boolean;
  readonly health: { readonly wal: string | null; readonly offsite: string | null };
  readonly wal: {
    readonly newestBase: string | null;
    readonly newestBaseAt: number | null;
    readonly newestWal: string | null;
    readonly slotActive: boolean | null;
    readonly baseBackups: number;
    /** The last gap in the WAL archive (absent from archivers of earlier releases). */
    readonly gap?: WalGap | null;
    /** Times the replication slot was found lost. */
    readonly slotLosses?: number;
    /** A gap no base backup follows yet. */
    readonly rebaseNeeded?: boolean;
  } | null;
  readonly offsite: { readonly result: string; readonly started: number; readonly finished: number; readonly lastSuccess: number; readonly message: string } | null;
  readonly snapshots: readonly { readonly time: string; readonly short_id: string }[] | null;
  readonly snapshotsExit: number;
}

/** A gap in the WAL archive, as the archiver records it (`state/gap.json`). */
export interface WalGap {
  readonly at: number;
  /** slot-lost: PostgreSQL removed WAL the slot still needed; no-slot: WAL in the archive but no slot. */
  readonly reason: string;
  /** The directory the WAL before the gap was moved to ("" when there was none). */
  readonly setAside: string;
}

function gapText(g: WalGap): string {
  const what = g.reason === "slot-lost" ? "the replication slot was lost (WAL removed before it was received, past max_slot_wal_keep_size)" : "the archive held WAL the replication slot does not continue";
  return `${what} at ${new Date(g.at * 1000).toISOString().replace(/\.\d{3}Z$/, "Z")}${g.setAside ? `; the WAL before it is in ${g.setAside}` : ""}`;
}

export interface Verdict {
  readonly ok: boolean;
  /** One line per fact, for people. */
  readonly lines: readonly string[];
  /** What is wrong, for people and for `--json`. */
  readonly problems: readonly string[];
}

function age(seconds: number): string {
  if (seconds < 120) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

/**
 * `backup status`: not ok when WAL does not stream, the newest base backup is older than two base intervals, the
 * last off-site run failed, or the newest off-site snapshot is older than two intervals (or missing).
 */
export function judgeStatus(s: RawStatus, settings: BackupSettings): Verdict {
  const lines: string[] = [];
  const problems: string[] = [];
  if (s.walConfigured) {
    const w = s.wal;
    if (!w) {
      problems.push("the WAL archiver is not running");
    } else {
      lines.push(`WAL: ${w.slotActive ? "streaming" : "NOT streaming"}, newest segment ${w.newestWal ?? "none"}`);
      if (w.slotActive !== true) problems.push("WAL is not streaming (replication slot inactive)");
      if (w.newestBaseAt === null) {
        problems.push("no local base backup yet");
      } else {
        const a = s.now - w.newestBaseAt;
        lines.push(`local base backup: ${w.newestBase} (${age(a)} old, ${w.baseBackups} kept)`);
        if (a > 2 * settings.baseBackupIntervalHours * 3600) problems.push(`the newest local base backup is ${age(a)} old (more than two intervals of ${settings.baseBackupIntervalHours} h)`);
      }
      // A gap is a problem until a base backup follows it; after that, recovery to a time inside it is impossible.
      if (w.gap && w.rebaseNeeded) {
        problems.push(`the WAL archive has a gap: ${gapText(w.gap)}; no base backup follows it yet (the archiver takes one; immich-iac backup run takes one now)`);
      } else if (w.gap) {
        lines.push(`WAL gap: ${gapText(w.gap)}; re-based since: recovery to a time before the next base backup is not possible`);
      }
    }
    if (s.health.wal && s.health.wal !== "healthy") lines.push(`WAL archiver container: ${s.health.wal}`);
  } else {
    lines.push("WAL: continuous archiving is off (spec.backup.continuousWal)");
  }
  if (s.offsiteConfigured) {
    const o = s.offsite;
    if (o) {
      lines.push(`last off-site run: ${o.result} ${age(s.now - o.finished)} ago (${o.message})`);
      if (o.result !== "ok") problems.push(`the last off-site run failed: ${o.message}`);
    } else {
      lines.push("last off-site run: none yet");
    }
    if (s.snapshots === null) {
      problems.push(`the off-site repository could not be listed (restic exit ${s.snapshotsExit})`);
    } else if (s.snapshots.length === 0) {
      problems.push("no off-site snapshot yet");
    } else {
      const newest = s.snapshots[s.snapshots.length - 1]!;
      const a = s.now - Date.parse(newest.time) / 1000;
      lines.push(`newest off-site snapshot: ${newest.short_id} (${age(a)} old)`);
      if (a > lateAfterSeconds(settings.intervalHours)) problems.push(`the newest off-site snapshot is ${age(a)} old (more than two intervals of ${settings.intervalHours} h)`);
    }
  } else {
    lines.push("off-site: none configured (spec.backup.offsite): losing this server loses the photos");
    problems.push("no off-site copy is configured");
  }
  return { ok: problems.length === 0, lines, problems };
}

/** What `backup-operations.sh restore-drill` prints. */
export interface RawDrill {
  readonly snapshot: string;
  readonly baseBackup: string;
  readonly targetTime: string | null;
  readonly recoverySeconds: number;
  readonly restoredTables: Readonly<Record<string, number>>;
  readonly liveTables: Readonly<Record<string, number>>;
  readonly repositoryCheckExit: number;
  readonly library: { readonly files: number; readonly sampled: number; readonly matched: number; readonly deletedSince: number; readonly changedSince: number; readonly mismatched: readonly string[] };
  /** With --keep: the throwaway container left running and its scratch directory. */
  readonly kept?: { readonly container: string; readonly directory: string } | null;
}

/** Immich's core tables (v3 names); a restore to the latest point must have the live database's tables. */
export const IMMICH_CORE_TABLES = ["asset", "user", "album"] as const;

/**
 * `backup restore-drill`: not ok when the restored database lacks a table the live one has (restoring to the
 * latest point) or Immich's core tables, a restored file differs from the live one with the same modification
 * time (damage, not a newer version), the repository check failed, or none of the sample could be compared.
 */
export function judgeDrill(d: RawDrill): Verdict {
  const lines: string[] = [];
  const problems: string[] = [];
  lines.push(`snapshot ${d.snapshot}, base backup ${d.baseBackup}, recovered to ${d.targetTime ?? "the end of the archived WAL"} in ${d.recoverySeconds} s`);
  const restored = Object.keys(d.restoredTables);
  const live = Object.keys(d.liveTables);
  lines.push(`restored database: ${restored.length} tables, ${Object.values(d.restoredTables).reduce((a, b) => a + b, 0)} rows (live: ${live.length} tables)`);
  for (const t of IMMICH_CORE_TABLES) {
    if (t in d.liveTables || t in d.restoredTables) lines.push(`  ${t}: ${d.restoredTables[t] ?? "missing"} restored, ${d.liveTables[t] ?? "missing"} live`);
  }
  if (d.targetTime === null) {
    const missing = live.filter((t) => !(t in d.restoredTables));
    if (missing.length) problems.push(`the restored database lacks tables the live one has: ${missing.join(", ")}`);
  }
  const coreMissing = IMMICH_CORE_TABLES.filter((t) => t in d.liveTables && !(t in d.restoredTables));
  if (coreMissing.length && d.targetTime !== null) problems.push(`the restored database lacks Immich's ${coreMissing.join(", ")}`);
  if (d.repositoryCheckExit !== 0) problems.push(`restic check found problems in the repository (exit ${d.repositoryCheckExit})`);
  const l = d.library;
  lines.push(
    `library: ${l.sampled} of ${l.files} files restored, ${l.matched} identical to the live file, ${l.deletedSince} deleted and ${l.changedSince} changed since, ${l.mismatched.length} different with the same time`,
  );
  if (l.mismatched.length) problems.push(`restored files differ from the live ones with the same modification time (damage): ${l.mismatched.slice(0, 5).join(", ")}${l.mismatched.length > 5 ? ", …" : ""}`);
  if (l.files > 0 && l.sampled > 0 && l.matched === 0 && l.mismatched.length === 0) problems.push("no restored library file could be compared (all deleted or changed since)");
  if (d.kept) lines.push(`kept: the recovered database runs in ${d.kept.container} (no network); when done: docker rm -f ${d.kept.container} && rm -rf ${d.kept.directory}`);
  return { ok: problems.length === 0, lines, problems };
}
