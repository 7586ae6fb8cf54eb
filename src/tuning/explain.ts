import type { Derived } from "./derived.js";
import { immichConfigFromTuning, type ImmichHardwareConfig } from "./immich-config.js";
import type { MlNodeTuning } from "./ml-nodes.js";
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
    mlNodes: t.mlNodes.map((n) => ({ name: n.name, address: n.address, ...mlNodeJson(n) })),
    warnings: t.warnings,
  };
}

type Add = (section: string, r: Readonly<Record<string, Derived<unknown>>>, unit?: string) => void;

function collector(): { out: ExplainEntry[]; add: Add } {
  const out: ExplainEntry[] = [];
  const add: Add = (section, r, unit = "") => {
    for (const [key, d] of Object.entries(r)) out.push({ section, key, value: `${String(d.value)}${unit}`, formula: d.formula, source: d.source });
  };
  return { out, add };
}

/** An extra ML node's values under `at`. */
function addMlNode(add: Add, n: MlNodeTuning, at: string): void {
  add(at, { backend: n.machineLearning.backend, capacity: n.capacity, memoryMiB: n.memoryMiB, workers: n.machineLearning.workers, cpuThreads: n.machineLearning.cpuThreads });
  add(`${at} env`, n.machineLearning.env);
  for (const d of n.zfs.datasets) add(`${at} zfs ${d.dataset}`, d.properties);
  add(`${at} zfs`, { zfs_arc_max: n.zfs.arcMaxBytes });
  add(`${at} sysctl`, n.network.sysctl);
}

export function explainEntries(t: Tuning): ExplainEntry[] {
  const { out, add } = collector();
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
  t.mlNodes.forEach((n, i) => addMlNode(add, n, `ml node ${n.name} (${n.address}, profile ${n.profileName}, url ${i + 1} of ${t.mlNodes.length + 1})`));
  return out;
}

/** A readable, aligned listing grouped by section. */
export function explainTable(t: Tuning): string {
  return table(`Tuning for profile ${t.profileName} (${t.memory.totalMiB} MiB RAM)`, explainEntries(t), t.warnings);
}

/** `explain` of a profile with purpose ml-node: what the node gets wherever a deployment lists it. */
export function explainMlNodeTable(n: MlNodeTuning): string {
  const { out, add } = collector();
  addMlNode(add, n, `ml node (profile ${n.profileName}, ${n.architecture})`);
  return table(`Tuning for ML node profile ${n.profileName}`, out, n.warnings);
}

/** The JSON of an ML node profile's tuning (the `mlNodes[]` entry shape, without name and address). */
export function explainMlNodeJson(n: MlNodeTuning): MlNodeJson & { readonly purpose: "ml-node" } {
  return { purpose: "ml-node", ...mlNodeJson(n) };
}

type MlNodeJson = Omit<ExplainJson["mlNodes"][number], "name" | "address">;

/** What `explain --json` says of a node wherever it stands: its profile's values, not its place in a deployment. */
function mlNodeJson(n: MlNodeTuning): MlNodeJson {
  return {
    profile: n.profileName,
    architecture: n.architecture,
    backend: n.machineLearning.backend.value,
    imageSuffix: n.machineLearning.imageSuffix,
    memoryMiB: n.memoryMiB.value,
    capacity: n.capacity.value,
    env: values(n.machineLearning.env),
  };
}

function table(title: string, entries: readonly ExplainEntry[], warnings: readonly string[]): string {
  const width = Math.max(...entries.map((e) => e.key.length));
  const lines: string[] = [title];
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
  if (warnings.length > 0) lines.push("", "[warnings]", ...warnings.map((w) => `  ${w}`));
  return `${lines.join("\n")}\n`;
}
