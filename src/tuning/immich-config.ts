import { TranscodeAccel } from "./accelerators.js";
import type { Tuning } from "./tuning.js";

/**
 * The part of Immich's config file (`AdminConfigDto`, partial) that comes from the hardware. Immich
 * deep-merges a partial file over its defaults; the stack adds site settings on top.
 */
export interface ImmichHardwareConfig {
  readonly job: Readonly<Record<string, { readonly concurrency: number }>>;
  readonly ffmpeg: {
    readonly accel: TranscodeAccel;
    readonly accelDecode: boolean;
    readonly threads: number;
  };
}

export function immichConfigFromTuning(t: Tuning): ImmichHardwareConfig {
  const job: Record<string, { concurrency: number }> = {};
  for (const [queue, d] of Object.entries(t.jobs.concurrency)) job[queue] = { concurrency: d.value };
  return {
    job,
    ffmpeg: {
      accel: t.transcode.value,
      accelDecode: t.transcode.value !== TranscodeAccel.DISABLED,
      threads: t.jobs.ffmpegThreads.value,
    },
  };
}
