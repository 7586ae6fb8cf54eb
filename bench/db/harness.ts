// `npm run bench:db`: Immich-shaped database work on a real PostgreSQL 17 with pgvector, under PostgreSQL's
// defaults, the Immich image's baked configuration and ours, interleaved on the same data in the same run.
import { execa } from "execa";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { loadProfileFile } from "../../src/profile/load-profile.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { TRIXIE_ROOT } from "../trixie-root.js";
import { Cluster } from "./cluster.js";
import { benchConfigs, type BenchConfig } from "./configs.js";
import { dataShape, INDEX_SQL, loadSql, OWNER, SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";
import { classNames, workloadRuns, type WorkloadRun } from "./workload.js";

export interface DbBenchOptions {
  /** Library sizes, assets. */
  readonly sizes: readonly number[];
  /** Seconds each class runs per configuration and round. */
  readonly seconds: number;
  /** Rounds; each runs every configuration once, in an order rotated per round. */
  readonly rounds: number;
  /** Hardware profile our configuration is tuned for (it should describe this machine). */
  readonly profile: string;
  readonly root?: string;
  /** Only these workload runs (ids of {@link workloadRuns}, e.g. face-search, ingestion). @default all */
  readonly only?: readonly string[];
  /** Progress lines. @default none */
  readonly log?: (line: string) => void;
}

export interface ClassResult {
  readonly size: number;
  readonly cls: string;
  readonly config: BenchConfig["id"];
  readonly transactions: number;
  readonly seconds: number;
  readonly tps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  /** Throughput of each round on its own: how far one configuration's runs spread. */
  readonly tpsRounds: readonly number[];
}

export interface DbBenchResult {
  readonly date: string;
  readonly machine: string;
  readonly postgres: string;
  readonly configs: readonly BenchConfig[];
  /** What `SHOW` gave for each setting, per configuration (every start is checked against `expected`). */
  readonly shown: Readonly<Record<BenchConfig["id"], Readonly<Record<string, string>>>>;
  readonly classes: readonly string[];
  readonly sources: Readonly<Record<string, string>>;
  readonly ingestClients: number;
  readonly results: readonly ClassResult[];
  readonly loadSeconds: Readonly<Record<number, number>>;
  readonly table: string;
  /** Round-to-round spread of throughput within one configuration, (max − min) / mean, per size: the noise. */
  readonly spread: Readonly<Record<number, { readonly median: number; readonly max: number }>>;
}

/** `npm run bench:db -- --short`: the smallest size, a few seconds per class, one round (what CI runs). */
export const SHORT = { sizes: [20_000], seconds: 2, rounds: 1 } as const;
/** The default full run: modest, for a machine shared with other work (docs/benchmarks-db.md). */
export const FULL = { sizes: [20_000, 100_000], seconds: 6, rounds: 2 } as const;

/** Each setting whose `SHOW` value is not the one the configuration sets. */
export function settingDisagreements(expected: Readonly<Record<string, string>>, shown: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(expected).filter(([k, v]) => shown[k] !== v).map(([k, v]) => `${k} = ${shown[k]} (expected ${v})`);
}

const BENCH_DIR = "/var/tmp/immich-iac-bench-db";

/** The loading server's settings: fast bulk load and index builds; never a configuration under test. */
const LOAD_CONF = "maintenance_work_mem = '2GB'\nmax_wal_size = '8GB'\nsynchronous_commit = off\nmax_parallel_maintenance_workers = 2\n";

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function describeMachine(): Promise<string> {
  const mem = (totalmem() / 1024 ** 3).toFixed(1);
  const disk = await execa("lsblk", ["-d", "-n", "-o", "NAME,ROTA,SIZE,MODEL"], { reject: false });
  const disks = String(disk.stdout ?? "").split("\n").filter((l) => !/^(zram|loop)/.test(l.trim())).map((l) => l.trim().replace(/\s+/g, " ")).join("; ");
  return `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${mem} GiB RAM, disks: ${disks || "unknown"}, Linux ${release()}`;
}

/** A loaded, stopped cluster of `assets` assets, reused across runs (the data is deterministic). */
async function pristineCluster(root: string, assets: number, log: (l: string) => void): Promise<{ cluster: Cluster; loadSeconds: number }> {
  const final = new Cluster(root, `${BENCH_DIR}/pristine-v${SCHEMA_VERSION}-${assets}`);
  if (final.isComplete()) return { cluster: final, loadSeconds: 0 };
  // Loaded under a name of its own, then renamed: two runs loading at once never share a directory.
  const cluster = new Cluster(root, `${final.dirInRoot}.loading-${process.pid}`);
  const t0 = Date.now();
  log(`loading ${assets} assets (once; kept in ${final.hostDir})`);
  await cluster.init();
  await cluster.start(LOAD_CONF);
  try {
    await cluster.psql("CREATE DATABASE immich", "postgres");
    await cluster.psql(SCHEMA_SQL);
    await cluster.psql(loadSql(dataShape(assets)));
    log(`  rows in ${((Date.now() - t0) / 1000).toFixed(0)} s; building indexes (HNSW m = 16, ef_construction = 300)`);
    await cluster.psql(INDEX_SQL);
    await cluster.psql("VACUUM (ANALYZE, FREEZE)");
  } finally {
    await cluster.stop();
  }
  const loadSeconds = (Date.now() - t0) / 1000;
  log(`  loaded in ${loadSeconds.toFixed(0)} s`);
  if (final.isComplete()) cluster.remove();
  else {
    rmSync(final.hostDir, { recursive: true, force: true });
    renameSync(cluster.hostDir, final.hostDir);
    final.markComplete();
  }
  return { cluster: final, loadSeconds };
}

export async function runPgbench(cluster: Cluster, run: WorkloadRun, vars: Record<string, string | number>, seconds: number, seed: number): Promise<Map<string, number[]>> {
  const dir = await cluster.scratch(`pgbench-${run.id}`);
  const files = run.parts.map((p, k) => {
    writeFileSync(join(dir.host, `${k}.sql`), p.script);
    return `${dir.inRoot}/${k}.sql@${p.weight}`;
  });
  await cluster.pgbench([
    "-n", "-M", "prepared", "-T", String(seconds), "-c", String(run.clients), "-j", String(Math.min(2, run.clients)),
    `--random-seed=${seed}`, "-l", `--log-prefix=${dir.inRoot}/log`,
    ...Object.entries(vars).flatMap(([k, v]) => ["-D", `${k}=${v}`]),
    ...files.flatMap((f) => ["-f", f]),
  ]);
  const latencies = new Map(run.parts.map((p) => [p.name, [] as number[]]));
  for (const file of Cluster.listFiles(dir.host, "log.")) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const f = line.split(" ");
      if (f.length < 6) continue;
      // client_id transaction_no time script_no time_epoch time_us: `time` is the latency in µs.
      latencies.get(run.parts[Number(f[3])]!.name)!.push(Number(f[2]) / 1000);
    }
  }
  return latencies;
}

async function showAll(cluster: Cluster, keys: readonly string[]): Promise<Record<string, string>> {
  const out = await cluster.psql(`SELECT name || '=' || current_setting(name) FROM unnest(ARRAY[${keys.map((k) => `'${k}'`).join(",")}]) name`);
  return Object.fromEntries(out.split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
}

export async function runDbBench(options: DbBenchOptions): Promise<DbBenchResult> {
  const root = options.root ?? TRIXIE_ROOT;
  const log = options.log ?? (() => {});
  const profile = loadProfileFile(options.profile);
  const tuning = computeTuning(profile);
  const configs = benchConfigs(tuning);
  const c = tuning.jobs.concurrency;
  const ingest = { metadataExtraction: c.metadataExtraction.value, thumbnailGeneration: c.thumbnailGeneration.value, smartSearch: c.smartSearch.value, faceDetection: c.faceDetection.value };
  const all = workloadRuns(ingest);
  const unknown = (options.only ?? []).filter((id) => !all.some((r) => r.id === id));
  if (unknown.length) throw new Error(`unknown workload ${unknown.join(", ")} (expected one of ${all.map((r) => r.id).join(", ")})`);
  const runs = options.only ? all.filter((r) => options.only!.includes(r.id)) : all;
  const classes = classNames(runs);
  const shown = {} as Record<BenchConfig["id"], Record<string, string>>;
  const results: ClassResult[] = [];
  const loadSeconds: Record<number, number> = {};
  let postgres = "";

  for (const assets of options.sizes) {
    const shape = dataShape(assets);
    const pristine = await pristineCluster(root, assets, log);
    loadSeconds[assets] = pristine.loadSeconds;
    const cluster = new Cluster(root, `${BENCH_DIR}/run-${process.pid}-${assets}`);
    await cluster.copyFrom(pristine.cluster);
    const acc = new Map<string, { lat: number[]; seconds: number; rounds: number[] }>();
    try {
      for (let round = 0; round < options.rounds; round++) {
        const order = configs.map((_, k) => configs[(k + round) % configs.length]!);
        for (const config of order) {
          await cluster.start(config.conf);
          try {
            const got = await showAll(cluster, Object.keys(config.expected));
            const wrong = settingDisagreements(config.expected, got);
            if (wrong.length) throw new Error(`${config.id}: SHOW disagrees with the configuration: ${wrong.join(", ")}`);
            shown[config.id] = got;
            postgres ||= await cluster.psql("SELECT version() || ', pgvector ' || extversion FROM pg_extension WHERE extname = 'vector'");
            // A long-running server has its hot pages cached: fill shared_buffers (as far as they go) before measuring.
            await cluster.psql("SELECT sum(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i')");
            for (const run of runs) {
              log(`  ${assets} assets, round ${round + 1}/${options.rounds}, ${config.id}: ${run.id} (${run.clients} clients, ${options.seconds} s)`);
              const vars = { n: assets, faces: shape.faces, albums: shape.albums, owners: `{${OWNER}}` };
              const lat = await runPgbench(cluster, run, vars, options.seconds, 1000 + round);
              for (const [cls, xs] of lat) {
                const key = `${cls}|${config.id}`;
                const a = acc.get(key) ?? { lat: [], seconds: 0, rounds: [] };
                a.lat.push(...xs);
                a.seconds += options.seconds;
                a.rounds.push(xs.length / options.seconds);
                acc.set(key, a);
              }
            }
          } finally {
            await cluster.stop();
          }
        }
      }
    } finally {
      cluster.remove();
    }
    for (const cls of classes) {
      for (const config of configs) {
        const a = acc.get(`${cls}|${config.id}`) ?? { lat: [], seconds: 1, rounds: [] };
        const s = [...a.lat].sort((x, y) => x - y);
        results.push({ size: assets, cls, config: config.id, transactions: s.length, seconds: a.seconds, tps: s.length / a.seconds, p50Ms: quantile(s, 0.5), p95Ms: quantile(s, 0.95), p99Ms: quantile(s, 0.99), tpsRounds: a.rounds });
      }
    }
  }
  const machine = await describeMachine();
  const sources = Object.fromEntries(runs.flatMap((r) => r.parts.map((p) => [p.name, p.source])));
  const ingestClients = all.find((r) => r.id === "ingestion")!.clients;
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const spread: Record<number, { median: number; max: number }> = {};
  for (const size of options.sizes) {
    const xs = results.filter((r) => r.size === size && r.tpsRounds.length > 1).map((r) => (Math.max(...r.tpsRounds) - Math.min(...r.tpsRounds)) / (r.tps || 1)).sort((a, b) => a - b);
    if (xs.length) spread[size] = { median: quantile(xs, 0.5), max: xs[xs.length - 1]! };
  }
  return { date, machine, postgres, configs, shown, classes, sources, ingestClients, results, loadSeconds, table: renderTable(results), spread };
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "–");

/** The report: absolute numbers per configuration and their ratio to the Immich image's configuration. */
export function renderTable(results: readonly ClassResult[]): string {
  const lines = [
    "| assets | class | config | tx/s | p50 ms | p95 ms | p99 ms | tx/s ÷ Immich | p50 ÷ Immich | p95 ÷ Immich | p99 ÷ Immich |",
    "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    const base = results.find((b) => b.size === r.size && b.cls === r.cls && b.config === "immich")!;
    lines.push(
      `| ${r.size} | ${r.cls} | ${r.config} | ${fmt(r.tps, 1)} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} | ${fmt(r.p99Ms)} | ${fmt(r.tps / base.tps)} | ${fmt(r.p50Ms / base.p50Ms)} | ${fmt(r.p95Ms / base.p95Ms)} | ${fmt(r.p99Ms / base.p99Ms)} |`,
    );
  }
  return lines.join("\n");
}
