import type { HardwareProfile } from "../profile/hardware-profile-schema.js";
import { TranscodeAccel, type AcceleratorChoice } from "./accelerators.js";
import { clamp, derive, SOURCES, type Derived } from "./derived.js";

/** Queues with a `job.<key>.concurrency` setting and their Immich v3.1.0 defaults [IMM server/src/config.ts]. */
export const JOB_DEFAULTS = {
  thumbnailGeneration: 3,
  metadataExtraction: 5,
  videoConversion: 1,
  smartSearch: 2,
  faceDetection: 2,
  ocr: 1,
  backgroundTask: 5,
  search: 5,
  sidecar: 5,
  library: 5,
  migration: 5,
  notifications: 5,
  workflow: 5,
  integrityCheck: 1,
  editor: 2,
} as const;

export type JobQueue = keyof typeof JOB_DEFAULTS;

/** Upstream guidance: "generally no more than 16" even with a GPU [IMM FAQ]. */
export const JOB_CONCURRENCY_CAP = 16;

export interface JobTuning {
  readonly concurrency: Readonly<Record<JobQueue, Derived<number>>>;
  /** `ffmpeg.threads`; 0 lets ffmpeg decide. */
  readonly ffmpegThreads: Derived<number>;
}

/** The ML endpoint that serves the ML queues when it is not the local container (an extra node, see ml-nodes.ts). */
export interface MlServing {
  /** For the formula, e.g. `node "gpu-box"`. */
  readonly what: string;
  readonly capacity: Derived<number>;
  readonly acc: AcceleratorChoice;
}

/**
 * How many ML requests one endpoint serves well at once (the smart-search and face-detection concurrency):
 * a GPU by its VRAM, a CPU (or NPU) by its threads.
 */
export function mlCapacity(profile: HardwareProfile, acc: AcceleratorChoice): Derived<number> {
  const t = profile.spec.cpu.threads;
  const source = `${SOURCES.immichFaq}; ${SOURCES.ruleOfThumb}`;
  if (acc.mlOnGpu) {
    const vram = acc.mlMemoryGiB;
    const v = vram === undefined ? 4 : Math.min(16, Math.max(4, Math.floor(vram / 2)));
    return derive(v, vram === undefined ? "GPU without stated VRAM → 4" : `GPU: min(16, max(4, ⌊${vram} GiB VRAM / 2⌋)) = ${v}`, source);
  }
  return derive(t >= 12 ? 3 : 2, `CPU: ${t} threads ${t >= 12 ? "≥ 12 → 3" : "< 12 → 2"}`, source);
}

/**
 * Job concurrency per queue: upstream defaults are the floor, 16 the cap, and the rules of thumb in
 * tuning.md §7 in between.
 */
export function tuneJobs(profile: HardwareProfile, acc: AcceleratorChoice, serving?: MlServing): JobTuning {
  const t = profile.spec.cpu.threads;
  const libraryPool = profile.spec.storage.pools.find((p) => p.roles.includes("library"));
  const fastLibrary = libraryPool !== undefined && libraryPool.media !== "hdd";
  const bounded = (queue: JobQueue, raw: number, formula: string, source: string): Derived<number> => {
    const value = clamp(raw, JOB_DEFAULTS[queue], JOB_CONCURRENCY_CAP);
    return derive(value, `max(default ${JOB_DEFAULTS[queue]}, min(${JOB_CONCURRENCY_CAP}, ${formula}))`, source);
  };
  const out: Record<string, Derived<number>> = {};
  for (const [queue, def] of Object.entries(JOB_DEFAULTS)) {
    out[queue] = derive(def, `upstream default ${def}`, SOURCES.immichConfig);
  }

  const mlGuide = `${SOURCES.immichFaq}; ${SOURCES.ruleOfThumb}`;
  const served = serving ?? { capacity: mlCapacity(profile, acc), acc };
  const mlConcurrency = served.capacity.value;
  const mlFormula = serving ? `${serving.what}: ${served.capacity.formula}` : served.capacity.formula;
  out.smartSearch = bounded("smartSearch", mlConcurrency, mlFormula, mlGuide);
  out.faceDetection = bounded("faceDetection", mlConcurrency, mlFormula, mlGuide);

  const mlAcc = served.acc;
  const ocr = mlAcc.mlOnGpu ? Math.min(4, Math.max(2, Math.floor((mlAcc.mlMemoryGiB ?? 8) / 4))) : 1;
  out.ocr = bounded("ocr", ocr, mlAcc.mlOnGpu ? `GPU: min(4, max(2, ⌊${mlAcc.mlMemoryGiB ?? 8} GiB / 4⌋)) = ${ocr}` : "CPU: 1", mlGuide);

  const thumbs = clamp(Math.floor(t / 4), 3, 8);
  out.thumbnailGeneration = bounded("thumbnailGeneration", thumbs, `clamp(⌊${t} threads / 4⌋, 3, 8) = ${thumbs}`, SOURCES.ruleOfThumb);

  for (const queue of ["metadataExtraction", "sidecar", "library"] as const) {
    if (fastLibrary) {
      const v = clamp(Math.floor(t / 2), 5, 12);
      out[queue] = bounded(queue, v, `library on flash: clamp(⌊${t} threads / 2⌋, 5, 12) = ${v}`, SOURCES.ruleOfThumb);
    } else {
      out[queue] = derive(JOB_DEFAULTS[queue], `library on ${libraryPool?.media ?? "unknown media"}: storage-bound, upstream default ${JOB_DEFAULTS[queue]}`, SOURCES.immichFaq);
    }
  }

  let video: number;
  let videoFormula: string;
  let ffmpegThreads = derive(0, "0 = ffmpeg chooses", SOURCES.immichConfig);
  switch (acc.transcode.value) {
    case TranscodeAccel.NVENC:
    case TranscodeAccel.QSV:
      video = 3;
      videoFormula = `${acc.transcode.value} hardware encoder → 3`;
      break;
    case TranscodeAccel.VAAPI:
    case TranscodeAccel.RKMPP:
      video = 2;
      videoFormula = `${acc.transcode.value} hardware encoder → 2`;
      break;
    default:
      if (t >= 16) {
        video = 2;
        videoFormula = `software, ${t} threads ≥ 16 → 2 (with ffmpeg.threads = ${t}/2)`;
        ffmpegThreads = derive(Math.floor(t / 2), `⌊${t} threads / 2⌋ per transcode, 2 transcodes at once`, SOURCES.ruleOfThumb);
      } else {
        video = 1;
        videoFormula = `software, ${t} threads < 16 → 1`;
      }
  }
  out.videoConversion = bounded("videoConversion", video, videoFormula, `${SOURCES.immichFaq}; ${SOURCES.ruleOfThumb}`);

  return { concurrency: out as Record<JobQueue, Derived<number>>, ffmpegThreads };
}
