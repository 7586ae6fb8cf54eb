// The three configurations the benchmark compares on the same data in the same run.
import { renderPostgresOverride } from "../../src/renderers/postgres-conf.js";
import { kbOf } from "../../src/tuning/derived.js";
import type { Tuning } from "../../src/tuning/tuning.js";

export interface BenchConfig {
  readonly id: "defaults" | "immich" | "ours";
  readonly label: string;
  /** The bench.conf the server starts with. */
  readonly conf: string;
  /** Each setting and the value `SHOW` must give, in PostgreSQL's display form. */
  readonly expected: Readonly<Record<string, string>>;
}

/**
 * What Immich's postgres image bakes into its configuration for SSD storage (the default `DB_STORAGE_TYPE`)
 * [immich-app/base-images postgres/postgresql.ssd.conf]. Left out: `shared_preload_libraries = 'vchord.so'`
 * (VectorChord is not built here) and `search_path` (the same as PostgreSQL's default).
 */
export const IMMICH_SSD_CONF: Readonly<Record<string, string>> = {
  max_wal_size: "5GB",
  shared_buffers: "512MB",
  wal_compression: "on",
  work_mem: "16MB",
  autovacuum_vacuum_scale_factor: "0.1",
  autovacuum_analyze_scale_factor: "0.05",
  autovacuum_vacuum_cost_limit: "1000",
  effective_io_concurrency: "200",
  random_page_cost: "1.2",
};

/** PostgreSQL 17's own values of the settings either file sets, as SHOW prints them. */
export const PG17_DEFAULTS: Readonly<Record<string, string>> = {
  max_wal_size: "1GB",
  min_wal_size: "80MB",
  shared_buffers: "128MB",
  wal_compression: "off",
  work_mem: "4MB",
  maintenance_work_mem: "64MB",
  effective_cache_size: "4GB",
  autovacuum_vacuum_scale_factor: "0.2",
  autovacuum_analyze_scale_factor: "0.1",
  autovacuum_vacuum_cost_limit: "-1",
  effective_io_concurrency: "1",
  random_page_cost: "4",
  checkpoint_completion_target: "0.9",
  default_statistics_target: "100",
  huge_pages: "try",
  jit: "on",
  max_connections: "100",
};

/** `512MB`, `4GB`, `16384kB` as SHOW prints it (the largest whole unit). */
export function showForm(v: string): string {
  if (v === "on" || v === "off") return v;
  const m = /^(\d+)(kB|MB|GB|TB)$/.exec(v);
  if (!m) return v;
  const kb = Number(m[1]) * { kB: 1, MB: 1024, GB: 1024 ** 2, TB: 1024 ** 3 }[m[2] as "kB"];
  for (const [unit, size] of [["TB", 1024 ** 3], ["GB", 1024 ** 2], ["MB", 1024]] as const) if (kb % size === 0) return `${kb / size}${unit}`;
  return `${kb}kB`;
}

const conf = (settings: Readonly<Record<string, string>>) => Object.entries(settings).map(([k, v]) => `${k} = '${v}'`).join("\n") + "\n";

export function benchConfigs(tuning: Tuning): BenchConfig[] {
  const ours = Object.fromEntries(Object.entries(tuning.postgres.settings).map(([k, d]) => [k, d.value]));
  const keys = [...new Set([...Object.keys(PG17_DEFAULTS), ...Object.keys(IMMICH_SSD_CONF), ...Object.keys(ours)])];
  const expect = (layers: Readonly<Record<string, string>>[]) => {
    const value = (k: string) => layers.reduce<string | undefined>((v, l) => l[k] ?? v, undefined);
    const out = Object.fromEntries(keys.filter((k) => value(k) !== undefined).map((k) => [k, showForm(value(k)!)]));
    // wal_buffers = -1 (the default): 1/32 of shared_buffers, at most 16MB.
    // wal_compression = on is pglz, and SHOW says so.
    if (out.wal_compression === "on") out.wal_compression = "pglz";
    if (value("wal_buffers") === undefined) out.wal_buffers = showForm(`${Math.min(kbOf(value("shared_buffers")!) / 32, 16384)}kB`);
    return out;
  };
  return [
    { id: "defaults", label: "PostgreSQL 17 defaults", conf: "# PostgreSQL's defaults\n", expected: expect([PG17_DEFAULTS]) },
    { id: "immich", label: "Immich image (postgresql.ssd.conf)", conf: conf(IMMICH_SSD_CONF), expected: expect([PG17_DEFAULTS, IMMICH_SSD_CONF]) },
    {
      // As deployed: the image's baked file, then our override included after it (ours wins where both set a key).
      id: "ours",
      label: `immich-iac (${tuning.profileName})`,
      conf: conf(IMMICH_SSD_CONF) + renderPostgresOverride(tuning.postgres.settings, `${tuning.profileName} (bench)`),
      expected: expect([PG17_DEFAULTS, IMMICH_SSD_CONF, ours]),
    },
  ];
}
