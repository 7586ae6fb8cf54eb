import type { HardwareProfile } from "../profile/hardware-profile-schema.js";
import { orderMlNodes, tuneMlNode, type MlNodeInput, type MlNodeTuning } from "./ml-nodes.js";
import { chooseAccelerators, MlBackend, TranscodeAccel } from "./accelerators.js";
import { derive, SOURCES, type Derived } from "./derived.js";
import { tuneJobs, type JobTuning } from "./immich-jobs.js";
import { tuneMachineLearning, type MachineLearningTuning } from "./machine-learning.js";
import { computeMemoryBudget, type MemoryBudget } from "./memory-budget.js";
import { tuneNetwork, type NetworkTuning } from "./network.js";
import { pgDiskType, tunePostgres, type PostgresTuning } from "./postgres.js";
import { tuneRedis, type RedisTuning } from "./redis.js";
import { tuneZfs, type ZfsTuning } from "./zfs.js";
import { defaultMonitoringEnabled } from "../monitoring/monitoring-settings.js";

/** Everything derived from one hardware profile. Pure data: no cdktf, no zod. */
export interface Tuning {
  readonly profileName: string;
  readonly memory: MemoryBudget;
  readonly postgres: PostgresTuning & { readonly threads: Derived<number>; readonly memoryMiB: number };
  readonly redis: RedisTuning;
  readonly jobs: JobTuning;
  readonly transcode: Derived<TranscodeAccel>;
  readonly machineLearning: MachineLearningTuning;
  /** Extra ML nodes, in the order of `machineLearning.urls` (fastest first; the local container follows them). */
  readonly mlNodes: readonly MlNodeTuning[];
  readonly zfs: ZfsTuning;
  readonly network: NetworkTuning;
  readonly warnings: readonly string[];
}

/** Postgres connection limit: see `max_connections` in {@link tunePostgres}. */
export const PG_MAX_CONNECTIONS = 100;

export interface TuningOptions {
  /** Force a machine-learning backend instead of choosing it from the accelerators. */
  readonly mlBackend?: MlBackend;
  /** Transcode in software even when an accelerator is used for transcoding. @default false */
  readonly softwareTranscoding?: boolean;
  /** PostgreSQL major of the database image (14–18): some settings differ. @default 17 */
  readonly postgresMajor?: number;
  /** Monitoring runs and gets its share of RAM. @default - on from 64 GiB of RAM */
  readonly monitoring?: boolean;
  /** Extra machine-learning nodes, each tuned from its own profile. @default [] */
  readonly mlNodes?: readonly MlNodeInput[];
}

export function computeTuning(profile: HardwareProfile, options: TuningOptions = {}): Tuning {
  if (profile.spec.purpose === "ml-node") {
    throw new Error(`computeTuning: hardware profile "${profile.metadata.name}" describes an ML node (purpose ml-node): tune it with tuneMlNode, or list it under a deployment's machineLearning.nodes`);
  }
  const acc = chooseAccelerators(profile, options.mlBackend, options.softwareTranscoding ?? false);
  const mlNodes = orderMlNodes((options.mlNodes ?? []).map(tuneMlNode));
  // Immich sends every ML request to the first URL that answers: the ML queues are sized for that node.
  const first = mlNodes[0];
  const jobs = tuneJobs(profile, acc, first ? { what: `served by node "${first.name}" (first in machineLearning.urls)`, capacity: first.capacity, acc: first.accelerators } : undefined);
  const ml = tuneMachineLearning(profile, acc);
  const pools = profile.spec.storage.pools;
  const hasZfs = pools.some((p) => p.filesystem === "zfs");
  const memory = computeMemoryBudget({
    totalMiB: Math.floor(profile.spec.memory.totalGiB * 1024),
    machineLearningMiB: ml.memoryMiB.value,
    thumbnailConcurrency: jobs.concurrency.thumbnailGeneration.value,
    videoConcurrency: jobs.concurrency.videoConversion.value,
    hasZfs,
    monitoring: options.monitoring ?? defaultMonitoringEnabled(profile.spec.memory.totalGiB),
  });
  const t = profile.spec.cpu.threads;
  const pgThreads = derive(Math.max(1, Math.ceil(t / 2)), `max(1, ⌈${t} threads / 2⌉): Postgres shares the host with ML and the job handler`, SOURCES.ruleOfThumb);
  const dbPool = pools.find((p) => p.roles.includes("database"))!;
  const pgMemory = memory.components.postgres.value;
  const postgres = tunePostgres({
    memoryMiB: pgMemory,
    threads: pgThreads.value,
    maxConnections: PG_MAX_CONNECTIONS,
    disk: pgDiskType(dbPool.media),
    dataOnZfs: dbPool.filesystem === "zfs",
    ...(options.postgresMajor !== undefined ? { major: options.postgresMajor } : {}),
  });
  return {
    profileName: profile.metadata.name,
    memory,
    postgres: { ...postgres, threads: pgThreads, memoryMiB: pgMemory },
    redis: tuneRedis(memory.components.redis.value),
    jobs,
    transcode: acc.transcode,
    machineLearning: ml,
    mlNodes,
    zfs: tuneZfs(profile, memory.components.zfsArc.value),
    network: tuneNetwork(profile),
    warnings: [...memory.warnings, ...sharedPoolWarnings(profile), ...mlNodes.flatMap((n) => n.warnings)],
  };
}

/** The WAL archive lives on the backups role: on the database's own pool it dies with PGDATA. */
function sharedPoolWarnings(profile: HardwareProfile): string[] {
  const pools = profile.spec.storage.pools;
  const db = pools.find((p) => p.roles.includes("database"));
  const backups = pools.find((p) => p.roles.includes("backups"));
  if (!db || !backups || db !== backups) return [];
  return [`pool ${db.name} holds both the database and its backups (WAL archive, base backups, dumps): losing that pool loses both; only the off-site copy would remain`];
}
