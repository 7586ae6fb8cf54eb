import type { HardwareProfile } from "../profile/hardware-profile-schema.js";
import { MlBackend, type AcceleratorChoice } from "./accelerators.js";
import { derive, SOURCES, type Derived } from "./derived.js";

/** The port Immich's machine-learning service listens on [IMM docker/docker-compose.yml]. */
export const ML_PORT = 3003;

export interface MachineLearningTuning {
  readonly backend: Derived<MlBackend>;
  /** Image tag suffix, e.g. `-cuda`; empty for cpu. */
  readonly imageSuffix: string;
  /** Each worker holds its own copy of every loaded model. */
  readonly workers: Derived<number>;
  /** CPUs the ML container may use; drives request threads. */
  readonly cpuThreads: Derived<number>;
  /** RAM the ML container needs, in MiB. */
  readonly memoryMiB: Derived<number>;
  /** `MACHINE_LEARNING_*` environment, values as strings. */
  readonly env: Readonly<Record<string, Derived<string>>>;
  /** armnn: the profile says the host has the Mali firmware file, so it is bound too. */
  readonly maliFirmware: boolean;
}

/** Peak RSS of the default models: ViT-B-32__openai 1004 MiB + buffalo_l ~700 + PP-OCRv5 ~300 [IMM searching.md]. */
const DEFAULT_MODELS_MIB = 1004 + 700 + 300;
/** Budget for defaults on CPU: 2 GiB OOM'd, 4 GiB was fine [tuning.md §6]. */
const PER_WORKER_MIB = 4096;
/** OpenVINO needs more RAM than CPU [IMM ML accel docs]; rule of thumb ×1.5. */
const OPENVINO_FACTOR = 1.5;

export function tuneMachineLearning(profile: HardwareProfile, acc: AcceleratorChoice): MachineLearningTuning {
  const t = profile.spec.cpu.threads;
  const backend = acc.mlBackend;
  const workers = derive(1, "upstream default 1: each extra worker duplicates every model in RAM", SOURCES.immichMlEnv);
  const onGpu = acc.mlOnGpu;
  const cpuValue = onGpu ? Math.min(t, 4) : Math.max(1, Math.floor(t / 2));
  const cpuThreads = derive(
    cpuValue,
    onGpu ? `GPU does the inference: min(${t} threads, 4) for pre/post-processing` : `CPU inference shares the host with the job handler: max(1, ⌊${t} / 2⌋)`,
    SOURCES.ruleOfThumb,
  );
  const factor = backend.value === MlBackend.OPENVINO ? OPENVINO_FACTOR : 1;
  const memory = Math.ceil(workers.value * PER_WORKER_MIB * factor);
  const memoryMiB = derive(
    memory,
    `${workers.value} worker(s) × ${PER_WORKER_MIB} MiB (default models ≈ ${DEFAULT_MODELS_MIB} MiB + runtime, with headroom)${factor !== 1 ? ` × ${factor} for OpenVINO` : ""}`,
    SOURCES.ruleOfThumb,
  );

  const env: Record<string, Derived<string>> = {
    MACHINE_LEARNING_WORKERS: derive(String(workers.value), workers.formula, workers.source),
    MACHINE_LEARNING_REQUEST_THREADS: derive(
      String(cpuThreads.value),
      `= ML CPU allotment (${cpuThreads.value}); upstream default os.cpu_count() sees host CPUs, not the container's`,
      SOURCES.immichMlEnv,
    ),
    MACHINE_LEARNING_MODEL_TTL: derive("300", "upstream default: unload models idle for 300 s", SOURCES.immichMlEnv),
  };
  if (backend.value === MlBackend.CUDA || backend.value === MlBackend.ROCM) {
    env.MACHINE_LEARNING_DEVICE_IDS = derive("0", "one GPU per worker, round-robin; one worker → device 0", SOURCES.immichMlEnv);
  }
  if (backend.value === MlBackend.ROCM) {
    env.MACHINE_LEARNING_WORKER_TIMEOUT = derive("900", "ROCm compiles models on first use (MIGraphX): upstream 900 s", SOURCES.immichMlEnv);
  }
  return {
    backend,
    imageSuffix: backend.value === MlBackend.CPU ? "" : `-${backend.value}`,
    workers,
    cpuThreads,
    memoryMiB,
    env,
    maliFirmware: backend.value === MlBackend.ARMNN && profile.spec.accelerators.some((a) => a.kind === "arm-mali" && a.maliFirmware === true),
  };
}
