import { compareVersions, formatVersion, parseImmichVersion, parsePostgresTag, type SemVer } from "./versions.js";

/** How bad a finding is, in the exit-code order CI gates use. */
export enum RiskClass {
  NONE = 0,
  SAFE = 2,
  MAINTENANCE = 3,
  BLOCKED = 4,
}

/** Risks an operator may accept explicitly (`--allow-<risk>`). */
export enum AllowableRisk {
  DATA_LOSS = "data-loss",
  DOWNGRADE = "downgrade",
  SKIP_REQUIRED_RELEASE = "skip-required-release",
  MAJOR_SKIP = "major-skip",
  VERSION_MISMATCH = "version-mismatch",
  POSTGRES_MIGRATION = "postgres-migration",
  SECRET_ROTATION = "secret-rotation",
}

export interface Finding {
  readonly class: RiskClass;
  readonly message: string;
  /** Set when the finding is blocking and an `--allow-…` flag may accept it. */
  readonly allow?: AllowableRisk;
}

/**
 * Immich's upgrade rules [IMM docs/docs/install/upgrading.md, errors.md]: no downgrade, 1.132.0–1.136.0 on
 * the way to ≥ 1.137.0, one major at a time, and majors are breaking (maintenance, with a warning).
 */
export function checkImmichUpgrade(component: string, fromTag: string, toTag: string): Finding[] {
  const from = parseImmichVersion(fromTag.replace(/-(cuda|openvino|rocm|rknn|armnn)$/, ""));
  const to = parseImmichVersion(toTag.replace(/-(cuda|openvino|rocm|rknn|armnn)$/, ""));
  if (!from || !to) {
    return [{ class: RiskClass.MAINTENANCE, message: `${component}: ${fromTag} → ${toTag} is not a pinned version change; cannot check upgrade rules` }];
  }
  const cmp = compareVersions(to, from);
  if (cmp === 0) return [];
  const v = (s: SemVer) => formatVersion(s);
  if (cmp < 0) {
    return [{ class: RiskClass.BLOCKED, allow: AllowableRisk.DOWNGRADE, message: `${component}: downgrade ${v(from)} → ${v(to)}; Immich supports no downgrade, even within a minor (restore the pre-upgrade backup instead)` }];
  }
  const findings: Finding[] = [];
  const lt = (a: SemVer, b: [number, number, number]) => compareVersions(a, { major: b[0], minor: b[1], patch: b[2] }) < 0;
  if (lt(from, [1, 132, 0]) && !lt(to, [1, 137, 0])) {
    findings.push({
      class: RiskClass.BLOCKED,
      allow: AllowableRisk.SKIP_REQUIRED_RELEASE,
      message: `${component}: ${v(from)} → ${v(to)} skips the required release: run one of v1.132.0–v1.136.0 first (v1.132.3 recommended)`,
    });
  }
  // Upstream: "avoid 1.136.0 when coming from ≤ 1.131" [IMM docs/docs/install/upgrading.md, v3.1.0].
  if (!lt(from, [1, 0, 0]) && lt(from, [1, 132, 0]) && to.major === 1 && to.minor === 136) {
    findings.push({
      class: RiskClass.MAINTENANCE,
      message: `${component}: ${v(from)} → ${v(to)}: Immich advises against v1.136.0 when coming from v1.131 or older; take v1.132.3 instead`,
    });
  }
  if (to.major - from.major > 1) {
    // Upstream has no rule here; this gate is ours: every major lists breaking changes to read one at a time.
    findings.push({
      class: RiskClass.BLOCKED,
      allow: AllowableRisk.MAJOR_SKIP,
      message: `${component}: ${v(from)} → ${v(to)} skips a major version; immich-iac's policy (not Immich's rule) is one major at a time`,
    });
  } else if (to.major > from.major) {
    findings.push({ class: RiskClass.MAINTENANCE, message: `${component}: major upgrade ${v(from)} → ${v(to)}: breaking changes; read the release notes, take a backup first` });
  } else {
    findings.push({ class: RiskClass.MAINTENANCE, message: `${component}: upgrade ${v(from)} → ${v(to)}` });
  }
  return findings;
}

/** A PostgreSQL major change or a vector-extension change needs a migration the operator declares. */
export function checkPostgresChange(fromTag: string, toTag: string): Finding[] {
  if (fromTag === toTag) return [];
  const from = parsePostgresTag(fromTag);
  const to = parsePostgresTag(toTag);
  if (!from || !to) return [{ class: RiskClass.MAINTENANCE, message: `database: image ${fromTag} → ${toTag}` }];
  const findings: Finding[] = [];
  if (from.major !== to.major) {
    findings.push({
      class: RiskClass.BLOCKED,
      allow: AllowableRisk.POSTGRES_MIGRATION,
      message: `database: PostgreSQL ${from.major} → ${to.major} cannot read the old data directory; dump and restore (declare the migration with --allow-postgres-migration)`,
    });
  }
  for (const ext of ["vectorchord", "pgvector"] as const) {
    if (from[ext] === to[ext] || from.major !== to.major) continue;
    // Immich's database user in its own image is a superuser: at start, Immich runs ALTER EXTENSION … UPDATE and
    // reindexes by itself [IMM server/src/services/database.service.ts; docs/docs/install/upgrading.md, v3.1.0].
    findings.push({
      class: RiskClass.MAINTENANCE,
      message: `database: ${ext} ${from[ext] ?? "none"} → ${to[ext] ?? "none"}: Immich updates the extension and reindexes at start (clip_index and face_index can take long)`,
    });
  }
  if (from.pgvectors !== to.pgvectors) {
    findings.push({
      class: RiskClass.BLOCKED,
      allow: AllowableRisk.POSTGRES_MIGRATION,
      message: `database: pgvecto.rs ${from.pgvectors ?? "none"} → ${to.pgvectors ?? "none"} changes the vector extension itself; follow Immich's migration to VectorChord (declare it with --allow-postgres-migration)`,
    });
  }
  return findings.length ? findings : [{ class: RiskClass.MAINTENANCE, message: `database: image ${fromTag} → ${toTag}` }];
}
