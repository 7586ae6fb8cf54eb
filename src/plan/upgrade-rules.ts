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
  if (to.major - from.major > 1) {
    findings.push({ class: RiskClass.BLOCKED, allow: AllowableRisk.MAJOR_SKIP, message: `${component}: ${v(from)} → ${v(to)} skips a major version; upgrade one major at a time` });
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
  for (const ext of ["vectorchord", "pgvector", "pgvectors"] as const) {
    if (from[ext] !== to[ext]) {
      findings.push({
        class: RiskClass.BLOCKED,
        allow: AllowableRisk.POSTGRES_MIGRATION,
        message: `database: ${ext} ${from[ext] ?? "none"} → ${to[ext] ?? "none"} needs ALTER EXTENSION … UPDATE and a reindex (declare the migration with --allow-postgres-migration)`,
      });
    }
  }
  return findings.length ? findings : [{ class: RiskClass.MAINTENANCE, message: `database: image ${fromTag} → ${toTag}` }];
}
