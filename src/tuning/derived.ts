/** A tuned value together with how it was computed and where the rule comes from. */
export interface Derived<T> {
  readonly value: T;
  /** The formula with the inputs filled in, e.g. `⌊2048 MiB × 1024 / 4⌋ kB`. */
  readonly formula: string;
  /** Upstream source of the rule (see {@link SOURCES}), or "rule of thumb" with its inputs' sources. */
  readonly source: string;
}

export function derive<T>(value: T, formula: string, source: string): Derived<T> {
  return { value, formula, source };
}

/** Where each rule comes from: the upstream document, at the version it was checked against. */
export const SOURCES = {
  pgtune: "PGTune (le0pard/pgtune src/features/configuration/configurationSlice.js)",
  pgDocs: "PostgreSQL 17 docs, runtime-config-resource",
  zfsWorkload: "OpenZFS docs, Performance and Tuning/Workload Tuning",
  zfsArc: "OpenZFS module parameters, zfs_arc_max",
  fasterdata: "ESnet fasterdata, host-tuning/linux",
  dockerBridge: "Docker docs, bridge network driver options (com.docker.network.driver.mtu)",
  bullmq: "BullMQ docs, guide/going-to-production",
  redisAdmin: "redis.io, administration tips",
  immichRequirements: "Immich v3.1.0 docs/docs/install/requirements.md",
  immichConfig: "Immich v3.1.0 server/src/config.ts (defaults.job)",
  immichFaq: "Immich v3.1.0 docs/docs/FAQ.mdx (job concurrency guidance)",
  immichMlEnv: "Immich v3.1.0 machine-learning/immich_ml/config.py and environment-variables docs",
  immichHwaccelMl: "Immich v3.1.0 docker/hwaccel.ml.yml",
  immichHwaccelTranscoding: "Immich v3.1.0 docker/hwaccel.transcoding.yml",
  immichCompose: "Immich v3.1.0 docker/docker-compose.yml",
  immichBaseImages: "immich-app/base-images postgres/ (conf files, entrypoint)",
  ruleOfThumb: "rule of thumb (README, The tuning engine)",
  dbBench: "measured: docs/tuning.md, Database benchmark (2026-12-07)",
} as const;

/** Clamp helper used by several formulas. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** PGTune's unit formatting: whole GB, else whole MB, else kB. */
export function formatKb(kb: number): string {
  if (kb % (1024 * 1024) === 0) return `${kb / (1024 * 1024)}GB`;
  if (kb % 1024 === 0) return `${kb / 1024}MB`;
  return `${kb}kB`;
}

/** The inverse of formatKb: `4GB` → 4194304 (kB). */
export function kbOf(value: string): number {
  const m = /^(\d+)(kB|MB|GB)$/.exec(value);
  if (!m) throw new Error(`kbOf: expected a size like 4GB, 512MB or 64kB (got "${value}")`);
  return Number(m[1]) * { kB: 1, MB: 1024, GB: 1024 * 1024 }[m[2] as "kB" | "MB" | "GB"];
}
