import type { SystemConfigDto } from "@immich/sdk";
import { immichConfigFromTuning } from "../tuning/immich-config.js";
import type { Tuning } from "../tuning/tuning.js";

/** Partial at every level (Immich deep-merges the file over its defaults); enums accept their string values. */
export type DeepPartial<T> = T extends string
  ? T | `${T}`
  : T extends readonly (infer U)[]
    ? readonly DeepPartial<U>[]
    : T extends object
      ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** The content of Immich's config file (`IMMICH_CONFIG_FILE`), typed by the SDK's `SystemConfigDto`. */
export type ImmichConfig = DeepPartial<SystemConfigDto>;

export interface ImmichSiteSettings {
  /** Public hostname, e.g. photos.example.com. */
  readonly domain: string;
  /** URLs of the machine-learning services, tried in order. */
  readonly machineLearningUrls: readonly string[];
}

/** The config file from the tuning (jobs, ffmpeg) and the site (domain, ML URLs). */
export function buildImmichConfig(tuning: Tuning, site: ImmichSiteSettings): ImmichConfig {
  const hw = immichConfigFromTuning(tuning);
  return {
    server: { externalDomain: `https://${site.domain}` },
    machineLearning: { enabled: site.machineLearningUrls.length > 0, urls: [...site.machineLearningUrls] },
    job: hw.job,
    ffmpeg: hw.ffmpeg,
    backup: { database: { enabled: true, cronExpression: "0 02 * * *", keepLastAmount: 14 } },
  } satisfies ImmichConfig;
}

/** Stable JSON text (Immich reads JSON or YAML). */
export function renderImmichConfig(config: ImmichConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
