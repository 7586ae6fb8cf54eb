import type { Derived } from "./derived.js";
import { immichConfigFromTuning, type ImmichHardwareConfig } from "./immich-config.js";
import type { Tuning } from "./tuning.js";

/** One line of `explain`: a derived value with where it goes. */
export interface ExplainEntry {
  readonly section: string;
  readonly key: string;
  readonly value: string;
  readonly formula: string;
  readonly source: string;
}

/** The `explain --json` contract (DESIGN.md): these keys are relied on by other tools. */
export interface ExplainJson {
  readonly profile: string;
  readonly totalMemoryMiB: number;
  readonly memoryBudgetMiB: Readonly<Record<string, number>>;
  readonly postgres: Readonly<Record<string, string>>;
  readonly postgresContainer: { readonly shmSizeMiB: number; readonly storageType: string; readonly threads: number };
  readonly redis: Readonly<Record<string, string>>;
  readonly immichConfig: ImmichHardwareConfig;
  readonly machineLearning: { readonly backend: string; readonly imageSuffix: string; readonly env: Readonly<Record<string, string>> };
  readonly zfs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly zfsArcMaxBytes: number;
  readonly sysctl: Readonly<Record<string, string>>;
  readonly dockerNetworkMtu: number;
  /** Extra ML nodes, in the order of `machineLearning.urls` (added with issue 14; absent keys mean none). */
  readonly mlNodes: readonly {
    readonly name: string;
    readonly address: string;
    readonly profile: string;
    readonly architecture: string;
    readonly backend: string;
    readonly imageSuffix: string;
    readonly memoryMiB: number;
    readonly capacity: number;
    readonly env: Readonly<Record<string, string>>;
  }[];
  readonly warnings: readonly string[];
}

const values = <T>(r: Readonly<Record<string, Derived<T>>>): Record<string, T> =>
  Object.fromEntries(Object.entries(r).map(([k, d]) => [k, d.value]));

export function explainJson(t: Tuning): ExplainJson {
  return {
    profile: t.profileName,
    totalMemoryMiB: t.memory.totalMiB,
    memoryBudgetMiB: values(t.memory.components),
    postgres: values(t.postgres.settings),
    postgresContainer: {
      shmSizeMiB: t.postgres.shmSizeMiB.value,
      storageType: t.postgres.storageType.value,
      threads: t.postgres.threads.value,
    },
    redis: values(t.redis.settings),
    immichConfig: immichConfigFromTuning(t),
    machineLearning: {
      backend: t.machineLearning.backend.value,
      imageSuffix: t.machineLearning.imageSuffix,
      env: values(t.machineLearning.env),
    },
    zfs: Object.fromEntries(t.zfs.datasets.map((d) => [d.dataset, values(d.properties)])),
    zfsArcMaxBytes: t.zfs.arcMaxBytes.value,
    sysctl: values(t.network.sysctl),
    dockerNetworkMtu: t.network.dockerMtu.value,
    mlNodes: t.mlNodes.map((n) => ({
      name: n.name,
      address: n.address,
      profile: n.profileName,
      architecture: n.architecture,
      backend: n.machineLearning.backend.value,
      imageSuffix: n.machineLearning.imageSuffix,
      memoryMiB: n.memoryMiB.value,
      capacity: n.capacity.value,
      env: values(n.machineLearning.env),
    })),
    warnings: t.warnings,
  };
}

export function explainEntries(t: Tuning): ExplainEntry[] {
  const out: ExplainEntry[] = [];
  const add = (section: string, r: Readonly<Record<string, Derived<unknown>>>, unit = "") => {
    for (const [key, d] of Object.entries(r)) out.push({ section, key, value: `${String(d.value)}${unit}`, formula: d.formula, source: d.source });
  };
  add("memory budget", t.memory.components, " MiB");
  add("postgres", t.postgres.settings);
  add("postgres container", { shm_size: t.postgres.shmSizeMiB, threads: t.postgres.threads, DB_STORAGE_TYPE: t.postgres.storageType });
  add("redis", t.redis.settings);
  add("immich jobs", t.jobs.concurrency);
  add("immich ffmpeg", { accel: t.transcode, threads: t.jobs.ffmpegThreads });
  add("machine learning", { backend: t.machineLearning.backend, workers: t.machineLearning.workers, cpuThreads: t.machineLearning.cpuThreads, memoryMiB: t.machineLearning.memoryMiB });
  add("machine learning env", t.machineLearning.env);
  for (const d of t.zfs.datasets) add(`zfs ${d.dataset}`, d.properties);
  add("zfs", { zfs_arc_max: t.zfs.arcMaxBytes });
  add("sysctl", t.network.sysctl);
  add("docker", { networkMtu: t.network.dockerMtu, nicClass: t.network.nicClass });
  t.mlNodes.forEach((n, i) => {
    const at = `ml node ${n.name} (${n.address}, profile ${n.profileName}, url ${i + 1} of ${t.mlNodes.length + 1})`;
    add(at, { backend: n.machineLearning.backend, capacity: n.capacity, memoryMiB: n.memoryMiB, workers: n.machineLearning.workers, cpuThreads: n.machineLearning.cpuThreads });
    add(`${at} env`, n.machineLearning.env);
    add(`${at} zfs`, { zfs_arc_max: n.zfs.arcMaxBytes });
  });
  return out;
}

/** A readable, aligned listing grouped by section. */
export function explainTable(t: Tuning): string {
  const entries = explainEntries(t);
  const width = Math.max(...entries.map((e) => e.key.length));
  const lines: string[] = [`Tuning for profile ${t.profileName} (${t.memory.totalMiB} MiB RAM)`];
  let section = "";
  for (const e of entries) {
    if (e.section !== section) {
      section = e.section;
      lines.push("", `[${section}]`);
    }
    lines.push(`  ${e.key.padEnd(width)}  ${e.value}`);
    lines.push(`  ${"".padEnd(width)}    formula: ${e.formula}`);
    lines.push(`  ${"".padEnd(width)}    source:  ${e.source}`);
  }
  if (t.warnings.length > 0) lines.push("", "[warnings]", ...t.warnings.map((w) => `  ${w}`));
  return `${lines.join("\n")}\n`;
}
