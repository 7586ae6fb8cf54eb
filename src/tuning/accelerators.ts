import type { AcceleratorKind, CpuArchitecture, HardwareProfile } from "../profile/hardware-profile-schema.js";
import { derive, SOURCES, type Derived } from "./derived.js";

/** Immich machine-learning backends; the image suffix is `-<backend>` except for cpu [IMM hwaccel.ml.yml]. */
export enum MlBackend {
  CPU = "cpu",
  CUDA = "cuda",
  OPENVINO = "openvino",
  ROCM = "rocm",
  RKNN = "rknn",
  ARMNN = "armnn",
}

/** Immich `ffmpeg.accel` values (OpenAPI `TranscodeHWAccel`). */
export enum TranscodeAccel {
  DISABLED = "disabled",
  NVENC = "nvenc",
  QSV = "qsv",
  VAAPI = "vaapi",
  RKMPP = "rkmpp",
}

const ML_BACKEND_BY_KIND: Readonly<Record<AcceleratorKind, MlBackend>> = {
  "nvidia-gpu": MlBackend.CUDA,
  "intel-gpu": MlBackend.OPENVINO,
  "amd-gpu": MlBackend.ROCM,
  "rockchip-npu": MlBackend.RKNN,
  "arm-mali": MlBackend.ARMNN,
};

const TRANSCODE_BY_KIND: Readonly<Partial<Record<AcceleratorKind, TranscodeAccel>>> = {
  "nvidia-gpu": TranscodeAccel.NVENC,
  "intel-gpu": TranscodeAccel.QSV,
  "amd-gpu": TranscodeAccel.VAAPI,
  "rockchip-npu": TranscodeAccel.RKMPP,
};

/** Upstream image platforms per backend [IMM machine-learning/Dockerfile]. */
export const ML_BACKEND_ARCHITECTURES: Readonly<Record<MlBackend, readonly CpuArchitecture[]>> = {
  [MlBackend.CPU]: ["amd64", "arm64"],
  [MlBackend.CUDA]: ["amd64"],
  [MlBackend.OPENVINO]: ["amd64"],
  [MlBackend.ROCM]: ["amd64"],
  [MlBackend.RKNN]: ["arm64"],
  [MlBackend.ARMNN]: ["arm64"],
};

export interface AcceleratorChoice {
  readonly mlBackend: Derived<MlBackend>;
  readonly transcode: Derived<TranscodeAccel>;
  /** VRAM of the ML accelerator in GiB, when the profile states it. */
  readonly mlMemoryGiB?: number;
  /** True when ML runs on a GPU (cuda, openvino, rocm): concurrency may go above CPU guidance. */
  readonly mlOnGpu: boolean;
}

/** The accelerator kind each non-cpu backend runs on. */
export const ML_BACKEND_KIND: Readonly<Record<Exclude<MlBackend, MlBackend.CPU>, AcceleratorKind>> = {
  [MlBackend.CUDA]: "nvidia-gpu",
  [MlBackend.OPENVINO]: "intel-gpu",
  [MlBackend.ROCM]: "amd-gpu",
  [MlBackend.RKNN]: "rockchip-npu",
  [MlBackend.ARMNN]: "arm-mali",
};

/**
 * Picks the ML backend and ffmpeg acceleration from the profile's accelerators. `mlBackend` overrides the
 * automatic choice (validated by the deployment loader: the accelerator it needs must exist).
 */
export function chooseAccelerators(profile: HardwareProfile, forced?: MlBackend, softwareTranscoding = false): AcceleratorChoice {
  const accs = profile.spec.accelerators;
  const ml =
    forced === undefined
      ? accs.find((a) => a.uses.includes("machine-learning"))
      : forced === MlBackend.CPU
        ? undefined
        : accs.find((a) => a.kind === ML_BACKEND_KIND[forced]);
  const tc = softwareTranscoding ? undefined : accs.find((a) => a.uses.includes("transcoding"));

  const mlBackend = ml
    ? derive(
        ML_BACKEND_BY_KIND[ml.kind],
        `accelerator "${ml.model}" (${ml.kind}) used for machine-learning → ${ML_BACKEND_BY_KIND[ml.kind]}`,
        SOURCES.immichHwaccelMl,
      )
    : derive(
        MlBackend.CPU,
        forced === MlBackend.CPU ? "deployment chose the cpu backend" : "no accelerator used for machine-learning → cpu",
        SOURCES.immichHwaccelMl,
      );

  const tcAccel = tc ? TRANSCODE_BY_KIND[tc.kind] : undefined;
  const transcode = tc && tcAccel
    ? derive(tcAccel, `accelerator "${tc.model}" (${tc.kind}) used for transcoding → ${tcAccel}`, SOURCES.immichHwaccelTranscoding)
    : derive(
        TranscodeAccel.DISABLED,
        softwareTranscoding ? "deployment chose software transcoding → disabled (software ffmpeg)" : "no accelerator used for transcoding → disabled (software ffmpeg)",
        SOURCES.immichHwaccelTranscoding,
      );

  const backend = mlBackend.value;
  return {
    mlBackend,
    transcode,
    ...(ml?.memoryGiB !== undefined ? { mlMemoryGiB: ml.memoryGiB } : {}),
    mlOnGpu: backend === MlBackend.CUDA || backend === MlBackend.OPENVINO || backend === MlBackend.ROCM,
  };
}
