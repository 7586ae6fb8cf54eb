import { architectureOf, type CpuArchitecture, type HardwareProfile } from "../profile/hardware-profile-schema.js";
import { chooseAccelerators, MlBackend, type AcceleratorChoice } from "./accelerators.js";
import { derive, SOURCES, type Derived } from "./derived.js";
import { mlCapacity } from "./immich-jobs.js";
import { tuneMachineLearning, type MachineLearningTuning } from "./machine-learning.js";
import { ARC_MIN_MIB, osReserveMiB } from "./memory-budget.js";
import { tuneNetwork, type NetworkTuning } from "./network.js";
import { tuneZfs, type ZfsTuning } from "./zfs.js";

/** An extra machine-learning node as the tuning engine sees it: its own hardware, and a backend if forced. */
export interface MlNodeInput {
  readonly name: string;
  /** Private address the Immich host reaches it on. */
  readonly address: string;
  readonly profile: HardwareProfile;
  readonly mlBackend?: MlBackend;
}

export interface MlNodeTuning {
  readonly name: string;
  readonly address: string;
  readonly profileName: string;
  /** Picks the image: arm64 nodes only get backends Immich builds for arm64. */
  readonly architecture: CpuArchitecture;
  readonly accelerators: AcceleratorChoice;
  /** Backend, image suffix, workers and `MACHINE_LEARNING_*`, from the node's own profile. */
  readonly machineLearning: MachineLearningTuning;
  /** The ML container's memory limit on the node. */
  readonly memoryMiB: Derived<number>;
  /** Requests it serves well at once: orders the nodes and sizes the ML queues when it serves them. */
  readonly capacity: Derived<number>;
  /** ZFS datasets of the node's pools (its model cache, Docker) and the ARC it may use. */
  readonly zfs: ZfsTuning;
  /** Kernel network settings and the Docker MTU, from the node's NICs. */
  readonly network: NetworkTuning;
  readonly warnings: readonly string[];
}

/** Tunes one node from its own profile, as the Immich host's ML container is tuned from the host's. */
export function tuneMlNode(node: MlNodeInput): MlNodeTuning {
  const acc = chooseAccelerators(node.profile, node.mlBackend);
  const ml = tuneMachineLearning(node.profile, acc);
  const totalMiB = Math.floor(node.profile.spec.memory.totalGiB * 1024);
  const available = totalMiB - osReserveMiB(totalMiB);
  const wanted = ml.memoryMiB.value;
  const memoryMiB = derive(
    Math.max(1024, Math.min(wanted, available)),
    `min(${wanted} MiB the models want, ${totalMiB} MiB RAM − ${osReserveMiB(totalMiB)} MiB for the OS), at least 1024`,
    SOURCES.ruleOfThumb,
  );
  const warnings =
    available < wanted
      ? [`ML node "${node.name}": ${available} MiB left after the OS is less than the ${wanted} MiB its models want; expect out-of-memory restarts with the default models`]
      : [];
  // The node runs one container: half of what it leaves may cache the model files it reads.
  const arcMiB = Math.max(ARC_MIN_MIB, Math.floor((available - memoryMiB.value) / 2));
  return {
    name: node.name,
    address: node.address,
    profileName: node.profile.metadata.name,
    architecture: architectureOf(node.profile.spec.cpu),
    accelerators: acc,
    machineLearning: ml,
    memoryMiB,
    capacity: mlCapacity(node.profile, acc),
    zfs: tuneZfs(node.profile, arcMiB),
    network: tuneNetwork(node.profile),
    warnings,
  };
}

/** GPUs first, then NPUs, then CPUs: the order Immich should try them in. */
const BACKEND_RANK: Readonly<Record<MlBackend, number>> = {
  [MlBackend.CUDA]: 0,
  [MlBackend.ROCM]: 0,
  [MlBackend.OPENVINO]: 0,
  [MlBackend.RKNN]: 1,
  [MlBackend.ARMNN]: 1,
  [MlBackend.CPU]: 2,
};

/**
 * The order of `machineLearning.urls`: Immich tries its URLs in list order and does not balance, so the
 * fastest node comes first — GPUs, then NPUs, then CPUs; within a kind the larger capacity, then more CPU
 * threads, then the name (stable). The Immich host's own container is always last: the fallback.
 */
export function orderMlNodes(nodes: readonly MlNodeTuning[]): MlNodeTuning[] {
  const threads = (n: MlNodeTuning) => n.machineLearning.cpuThreads.value;
  return [...nodes].sort(
    (a, b) =>
      BACKEND_RANK[a.machineLearning.backend.value] - BACKEND_RANK[b.machineLearning.backend.value] ||
      b.capacity.value - a.capacity.value ||
      threads(b) - threads(a) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
