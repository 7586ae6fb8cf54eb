import type { ImmichConfigFile } from "./immich-config-file.js";
import type { ImmichMachineLearning } from "./immich-machine-learning.js";
import type { ImmichPostgres } from "./immich-postgres.js";
import type { ImmichRedis } from "./immich-redis.js";
import type { DataVolume } from "./data-volume.js";
import { secretFile, type ConfigUpload, type HostFolder, type VolumeMount } from "./service-container.js";
import { externalMountPath } from "../src/libraries/external-libraries.js";

/** Where the server and job handler read their secrets (Immich's `*_FILE` variables [IMM environment-variables.md]). */
export const IMMICH_SECRETS = { databasePassword: "/run/secrets/immich/db-password", redisPassword: "/run/secrets/immich/redis-password" } as const;

/** What every Immich server container (API or job handler) connects to. */
export interface ImmichBackends {
  readonly database: ImmichPostgres;
  /** Reference to the database password (sensitive), never a literal. */
  readonly databasePassword: string;
  readonly redis: ImmichRedis;
  readonly configFile: ImmichConfigFile;
  /** @default - machine learning disabled */
  readonly machineLearning?: ImmichMachineLearning;
  /**
   * External libraries' folders on the Docker host, by library name: each bound read-only at
   * /mnt/external/<name> in the server and the job handler (Immich reads them from both). @default []
   */
  readonly externalLibraries?: readonly { readonly name: string; readonly hostPath: string }[];
  /** Serve Prometheus metrics (`IMMICH_TELEMETRY_INCLUDE=all`: API on 8081, job handler on 8082). @default false */
  readonly telemetry?: boolean;
}

/** Immich's media layout under `/data` [IMM custom-locations.md]. */
export interface ImmichMediaVolumes {
  /** `/data`: uploads, library, profile pictures: the photos themselves. */
  readonly library: DataVolume;
  /** `/data/thumbs`. @default - inside library */
  readonly thumbs?: DataVolume;
  /** `/data/encoded-video`. @default - inside library */
  readonly encodedVideo?: DataVolume;
  /** `/data/backups` (database dumps). @default - inside library */
  readonly backups?: DataVolume;
}

export function immichServerEnv(b: ImmichBackends, timezone: string): Record<string, string> {
  return {
    DB_HOSTNAME: b.database.hostname,
    DB_PORT: String(b.database.port),
    DB_USERNAME: b.database.username,
    DB_DATABASE_NAME: b.database.databaseName,
    DB_PASSWORD_FILE: IMMICH_SECRETS.databasePassword,
    DB_VECTOR_EXTENSION: "vectorchord",
    REDIS_HOSTNAME: b.redis.hostname,
    REDIS_PORT: String(b.redis.port),
    REDIS_USERNAME: b.redis.credentials("immich").username,
    REDIS_PASSWORD_FILE: IMMICH_SECRETS.redisPassword,
    // Machine learning (enabled, urls) is set by the config file only: upstream documents no such variables.
    TZ: timezone,
    ...(b.telemetry ? { IMMICH_TELEMETRY_INCLUDE: "all" } : {}),
    ...b.configFile.env(),
  };
}

/** The secret files of a server container: the database and Redis passwords (it runs as root, the image's user). */
export function immichSecretUploads(b: ImmichBackends): ConfigUpload[] {
  return [secretFile(IMMICH_SECRETS.databasePassword, b.databasePassword), secretFile(IMMICH_SECRETS.redisPassword, b.redis.credentials("immich").password)];
}

export function mediaMounts(m: ImmichMediaVolumes): VolumeMount[] {
  return [
    { volume: m.library, containerPath: "/data" },
    ...(m.thumbs ? [{ volume: m.thumbs, containerPath: "/data/thumbs" }] : []),
    ...(m.encodedVideo ? [{ volume: m.encodedVideo, containerPath: "/data/encoded-video" }] : []),
    ...(m.backups ? [{ volume: m.backups, containerPath: "/data/backups" }] : []),
  ];
}

/** The host's clock zone, read-only, as Immich's compose mounts it [IMM docker/docker-compose.yml, immich-server]. */
export const LOCALTIME_BIND = { hostPath: "/etc/localtime", containerPath: "/etc/localtime" } as const;

/** The binds of a server container: the host's /etc/localtime when asked for. */
export function serverBinds(hostLocaltime: boolean | undefined): { hostPath: string; containerPath: string }[] {
  return hostLocaltime ? [{ ...LOCALTIME_BIND }] : [];
}

/** The read-only binds of the external libraries, at the same path in every server container. */
export function externalLibraryFolders(b: Pick<ImmichBackends, "externalLibraries">): HostFolder[] {
  return (b.externalLibraries ?? []).map((l) => ({ hostPath: l.hostPath, containerPath: externalMountPath(l.name) }));
}
