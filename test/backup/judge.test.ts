import { describe, expect, it } from "vitest";
import { defaultBackupSettings } from "../../src/backup/backup-settings.js";
import { judgeDrill, judgeStatus, type RawDrill, type RawStatus } from "../../src/backup/judge.js";

const NOW = Date.parse("2026-11-30T12:00:00Z") / 1000;
const settings = { ...defaultBackupSettings(), offsite: { endpoint: "https://s3.example.com", bucket: "b", region: "r", prefix: "p" } };

function status(over: Partial<RawStatus> = {}): RawStatus {
  return {
    now: NOW,
    walConfigured: true,
    offsiteConfigured: true,
    health: { wal: "healthy", offsite: "healthy" },
    wal: { newestBase: "20261130T020000Z", newestBaseAt: NOW - 10 * 3600, newestWal: "000000010000000000000042.partial", slotActive: true, baseBackups: 2 },
    offsite: { result: "ok", started: NOW - 3700, finished: NOW - 3600, lastSuccess: NOW - 3600, message: "backed up and pruned" },
    snapshots: [{ time: "2026-11-30T10:30:05.1+00:00", short_id: "1a2b3c4d" }],
    snapshotsExit: 0,
    ...over,
  };
}

describe("backup status verdict", () => {
  it("is ok when WAL streams, the base backup is fresh and the newest off-site snapshot is within two intervals", () => {
    const v = judgeStatus(status(), settings);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.lines).toEqual([
      "WAL: streaming, newest segment 000000010000000000000042.partial",
      "local base backup: 20261130T020000Z (10.0 h old, 2 kept)",
      "last off-site run: ok 60 min ago (backed up and pruned)",
      "newest off-site snapshot: 1a2b3c4d (90 min old)",
    ]);
  });

  it("fails when the newest off-site snapshot is older than two intervals", () => {
    const v = judgeStatus(status({ snapshots: [{ time: "2026-11-29T23:59:00Z", short_id: "old" }] }), settings);
    expect(v.problems).toEqual(["the newest off-site snapshot is 12.0 h old (more than two intervals of 6 h)"]);
  });

  it("fails when the last run failed, with its reason", () => {
    const v = judgeStatus(status({ offsite: { result: "failed", started: NOW - 100, finished: NOW - 50, lastSuccess: NOW - 3600, message: "wrong repository password (TF_VAR_backup_repository_password)" } }), settings);
    expect(v.problems).toEqual(["the last off-site run failed: wrong repository password (TF_VAR_backup_repository_password)"]);
  });

  it("fails when the repository cannot be listed or holds no snapshot", () => {
    expect(judgeStatus(status({ snapshots: null, snapshotsExit: 124 }), settings).problems).toEqual(["the off-site repository could not be listed (restic exit 124)"]);
    expect(judgeStatus(status({ snapshots: [] }), settings).problems).toEqual(["no off-site snapshot yet"]);
  });

  it("fails while the WAL archive has a gap no base backup follows (lost replication slot), and says so once re-based", () => {
    const w = status().wal!;
    const gap = { at: NOW - 600, reason: "slot-lost", setAside: "wal-until-20261130T115000Z" };
    const lost = judgeStatus(status({ wal: { ...w, gap, slotLosses: 1, rebaseNeeded: true } }), settings);
    expect(lost.ok).toBe(false);
    expect(lost.problems).toEqual([
      "the WAL archive has a gap: the replication slot was lost (WAL removed before it was received, past max_slot_wal_keep_size) at 2026-11-30T11:50:00Z; the WAL before it is in wal-until-20261130T115000Z; no base backup follows it yet (the archiver takes one; immich-iac backup run takes one now)",
    ]);
    const rebased = judgeStatus(status({ wal: { ...w, gap, slotLosses: 1, rebaseNeeded: false } }), settings);
    expect(rebased.problems).toEqual([]);
    expect(rebased.lines).toContain(
      "WAL gap: the replication slot was lost (WAL removed before it was received, past max_slot_wal_keep_size) at 2026-11-30T11:50:00Z; the WAL before it is in wal-until-20261130T115000Z; re-based since: recovery to a time before the next base backup is not possible",
    );
  });

  it("fails when WAL does not stream or the base backup is late", () => {
    const w = status().wal!;
    expect(judgeStatus(status({ wal: { ...w, slotActive: false } }), settings).problems).toEqual(["WAL is not streaming (replication slot inactive)"]);
    expect(judgeStatus(status({ wal: { ...w, newestBaseAt: NOW - 49 * 3600 } }), settings).problems).toEqual([
      "the newest local base backup is 2.0 days old (more than two intervals of 24 h)",
    ]);
    expect(judgeStatus(status({ wal: null }), settings).problems).toEqual(["the WAL archiver is not running"]);
  });

  it("says that no off-site copy is configured, and fails", () => {
    const v = judgeStatus(status({ offsiteConfigured: false, offsite: null, snapshots: null }), { ...settings, offsite: undefined });
    expect(v.lines).toContain("off-site: none configured (spec.backup.offsite): losing this server loses the photos");
    expect(v.problems).toEqual(["no off-site copy is configured"]);
  });
});

function drill(over: Partial<RawDrill> = {}): RawDrill {
  return {
    snapshot: "1a2b3c4d",
    baseBackup: "20261130T020000Z",
    targetTime: null,
    recoverySeconds: 4,
    restoredTables: { asset: 75, user: 1, album: 3 },
    liveTables: { asset: 75, user: 1, album: 3 },
    repositoryCheckExit: 0,
    library: { files: 120, sampled: 20, matched: 18, deletedSince: 1, changedSince: 1, mismatched: [] },
    ...over,
  };
}

describe("restore drill verdict", () => {
  it("is ok when every live table is restored and the sampled files match", () => {
    const v = judgeDrill(drill());
    expect(v.ok).toBe(true);
    expect(v.lines).toEqual([
      "snapshot 1a2b3c4d, base backup 20261130T020000Z, recovered to the end of the archived WAL in 4 s",
      "restored database: 3 tables, 79 rows (live: 3 tables)",
      "  asset: 75 restored, 75 live",
      "  user: 1 restored, 1 live",
      "  album: 3 restored, 3 live",
      "library: 20 of 120 files restored, 18 identical to the live file, 1 deleted and 1 changed since, 0 different with the same time",
    ]);
  });

  it("fails when a live table is missing from a restore to the latest point", () => {
    expect(judgeDrill(drill({ restoredTables: { asset: 75, user: 1 } })).problems).toEqual(["the restored database lacks tables the live one has: album"]);
  });

  it("allows tables created after the target time, but not missing core tables", () => {
    expect(judgeDrill(drill({ targetTime: "2026-11-30T01:00:00Z", restoredTables: { asset: 70, user: 1, album: 3 }, liveTables: { asset: 75, user: 1, album: 3, newer: 1 } })).ok).toBe(true);
    expect(judgeDrill(drill({ targetTime: "2026-11-30T01:00:00Z", restoredTables: { user: 1, album: 3 } })).problems).toEqual(["the restored database lacks Immich's asset"]);
  });

  it("fails on a file that differs, a failed repository check, or nothing comparable", () => {
    expect(judgeDrill(drill({ library: { files: 3, sampled: 3, matched: 2, deletedSince: 0, changedSince: 0, mismatched: ["/library/upload/a.jpg"] } })).problems).toEqual([
      "restored files differ from the live ones with the same modification time (damage): /library/upload/a.jpg",
    ]);
    expect(judgeDrill(drill({ repositoryCheckExit: 1 })).problems).toEqual(["restic check found problems in the repository (exit 1)"]);
    expect(judgeDrill(drill({ library: { files: 5, sampled: 5, matched: 0, deletedSince: 2, changedSince: 3, mismatched: [] } })).problems).toEqual([
      "no restored library file could be compared (all deleted or changed since)",
    ]);
  });
});
