import type { HardwareProfile, Media } from "../profile/hardware-profile-schema.js";
import { clamp, derive, type Derived } from "./derived.js";
import type { JobTuning } from "./immich-jobs.js";

/**
 * How hard `immich-iac import` may push the host: above these readings it waits between batches. Pure, from the
 * hardware profile (the library pool's media, which bounds how much I/O wait the array tolerates) and the job
 * tuning (each uploaded asset becomes thumbnail and metadata jobs, which the queues are sized to drain).
 */
export interface ImportPressureTuning {
  /** PSI `some avg10` of /proc/pressure/io (percent of the last 10 s some task waited on I/O) above which to wait. */
  readonly ioSomeAvg10MaxPercent: Derived<number>;
  /** Hottest drive (SMART / drivetemp / nvme hwmon) above which to wait, °C. */
  readonly driveTempMaxC: Derived<number>;
  /** Hottest CPU sensor (coretemp, k10temp…) above which to wait, °C. */
  readonly cpuTempMaxC: Derived<number>;
  /** Parallel uploads of @immich/cli (`--concurrency`). */
  readonly uploadConcurrency: Derived<number>;
  /** Files per batch: between batches the readings are taken. */
  readonly batchFiles: Derived<number>;
  /** Bytes per batch (a file larger than this goes alone). */
  readonly batchBytes: Derived<number>;
}

export const IMPORT_SOURCES = {
  psi: "Linux Documentation/accounting/psi.rst (some avg10: share of wall time at least one task stalled on I/O); thresholds are a rule of thumb",
  driveTemps: "drive vendors' operating ranges (HDD 5–60 °C, e.g. WD Red and Seagate IronWolf datasheets; NVMe warning composite temperature ~70 °C, NVMe 1.4 WCTEMP)",
  cpuTemps: "rule of thumb: 10 °C or more below the usual throttle point (Tjmax 95–105 °C on current x86 and ARM server parts)",
  jobs: "the job tuning (src/tuning/immich-jobs.ts): each upload becomes thumbnail and metadata jobs",
} as const;

/** I/O wait a pool of this media tolerates before interactive use (the web UI, thumbnails) suffers. */
const IO_SOME_MAX: Readonly<Record<Media, number>> = { hdd: 20, "sata-ssd": 40, "nvme-gen4": 60, "nvme-gen5": 60 };
const DRIVE_TEMP_MAX: Readonly<Record<Media, number>> = { hdd: 50, "sata-ssd": 65, "nvme-gen4": 70, "nvme-gen5": 70 };
/** One batch is about a minute of sustained writes at a conservative rate for the media (MiB/s × 60). */
const WRITE_MIB_S: Readonly<Record<Media, number>> = { hdd: 100, "sata-ssd": 300, "nvme-gen4": 1000, "nvme-gen5": 1000 };
const MiB = 1024 * 1024;

/** The media of the pool holding the library (the slowest one when the profile is odd enough to have none). */
export function libraryMedia(profile: HardwareProfile): Media {
  const pool = profile.spec.storage.pools.find((p) => p.roles.includes("library"));
  return pool?.media ?? "hdd";
}

export function tuneImportPressure(profile: HardwareProfile, jobs: JobTuning): ImportPressureTuning {
  const media = libraryMedia(profile);
  const thumbs = jobs.concurrency.thumbnailGeneration.value;
  const concurrency = clamp(thumbs, 1, 8);
  const bytes = WRITE_MIB_S[media] * 60 * MiB;
  return {
    ioSomeAvg10MaxPercent: derive(IO_SOME_MAX[media], `library pool media ${media} → ${IO_SOME_MAX[media]} % (hdd 20, sata-ssd 40, nvme 60)`, IMPORT_SOURCES.psi),
    driveTempMaxC: derive(DRIVE_TEMP_MAX[media], `library pool media ${media} → ${DRIVE_TEMP_MAX[media]} °C (10 °C under the operating maximum)`, IMPORT_SOURCES.driveTemps),
    cpuTempMaxC: derive(85, "85 °C", IMPORT_SOURCES.cpuTemps),
    uploadConcurrency: derive(concurrency, `clamp(thumbnail job concurrency ${thumbs}, 1, 8) = ${concurrency}`, IMPORT_SOURCES.jobs),
    batchFiles: derive(250, "250 files (readings every few hundred assets)", "rule of thumb"),
    batchBytes: derive(bytes, `${WRITE_MIB_S[media]} MiB/s (${media}) × 60 s = ${WRITE_MIB_S[media] * 60} MiB`, "rule of thumb: about a minute of sustained writes"),
  };
}
