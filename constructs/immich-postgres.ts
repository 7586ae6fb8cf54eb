import { Construct } from "constructs";
import type { DataVolume } from "./data-volume.js";
import { IMMICH_POSTGRES_IMAGE, UPSTREAM_DIGESTS, withDigest } from "./images.js";
import type { ImmichNetwork } from "./immich-network.js";
import { Component } from "./labels.js";
import { secretFile, ServiceContainer } from "./service-container.js";

import { parsePostgresTag } from "../src/plan/versions.js";
import { POSTGRES_CONFIG_PATH, POSTGRES_IMAGE_CONFIG_PATH, POSTGRES_OVERRIDE_PATH, renderPostgresEntryConfig } from "../src/renderers/postgres-conf.js";
import { DEFAULT_POSTGRES_IMAGE_TAG } from "../src/versions.js";

export { DEFAULT_POSTGRES_IMAGE_TAG };
export { POSTGRES_CONFIG_PATH, POSTGRES_IMAGE_CONFIG_PATH, POSTGRES_OVERRIDE_PATH, renderPostgresEntryConfig };
/** The superuser's password for initdb (POSTGRES_PASSWORD_FILE), owned by postgres (999). */
export const POSTGRES_PASSWORD_PATH = "/run/secrets/postgres/password";
export const POSTGRES_PORT = 5432;

/** Where the data volume is mounted, and PGDATA in every supported major. */
export const PGDATA_PATH = "/var/lib/postgresql/data";

export interface ImmichPostgresProps {
  readonly deploymentName: string;
  /** The back network; must be internal (policy IIAC007). */
  readonly network: ImmichNetwork;
  /**
   * The postgres exporter's own network, joined too (the exporter reaches nothing else). Adding or removing it recreates
   * the container. @default - none (no monitoring)
   */
  readonly exporterNetwork?: ImmichNetwork;
  /** PGDATA, on the `database` dataset. */
  readonly dataVolume: DataVolume;
  /** `postgresql.override.conf` text from the tuning engine's renderer. */
  readonly overrideConfig: string;
  /** `/dev/shm` size parallel query needs (MiB). */
  readonly shmSizeMiB: number;
  /** Memory limit (MiB); `shmSizeMiB` is added on top since /dev/shm is charged to the container. */
  readonly memoryMiB: number;
  /** Password of the database user: a reference to a sensitive value, never a literal. */
  readonly password: string;
  /** Which baked config the image starts from. @default "SSD" */
  readonly storageType?: "SSD" | "HDD";
  /** @default DEFAULT_POSTGRES_IMAGE_TAG */
  readonly imageTag?: string;
  /** Pin the tag to a digest. @default - the digest upstream publishes for the tag (UPSTREAM_DIGESTS), else tag only */
  readonly imageDigest?: string;
  /** @default "immich" */
  readonly databaseName?: string;
  /** @default "immich" */
  readonly username?: string;
  /** A pg_hba.conf to upload (the override file points `hba_file` at `path`). @default - the image's own */
  readonly hbaFile?: { readonly path: string; readonly content: string };
  /** Seconds Postgres gets to shut down cleanly before SIGKILL. @default 120 */
  readonly stopGraceSeconds?: number;
}

/**
 * PostgreSQL (17 by default; 14–18 accepted, for installs taken over from Immich's compose) with VectorChord for Immich: tuned override config (read last in
 * every generation of the image, through our own `config_file`), data checksums at initdb, the image's
 * own healthcheck script (which also fails on checksum errors), `shm_size` for parallel workers.
 */
export class ImmichPostgres extends Construct {
  public readonly service: ServiceContainer;
  public readonly hostname: string;
  public readonly port = POSTGRES_PORT;
  public readonly databaseName: string;
  public readonly username: string;
  /** The image reference the container runs (tag, and digest when pinned). */
  public readonly image: string;
  /** The override file as deployed (for `render`). */
  public readonly overrideConfig: string;
  /** The configuration PostgreSQL starts with (`config_file`): the image's own, then {@link overrideConfig}. */
  public readonly entryConfig: string;
  /** The pg_hba.conf uploaded with it, when one is (for `render`). */
  public readonly hbaConfig?: string;

  constructor(scope: Construct, id: string, props: ImmichPostgresProps) {
    super(scope, id);
    const tag = props.imageTag ?? DEFAULT_POSTGRES_IMAGE_TAG;
    const parsed = parsePostgresTag(tag);
    const major = parsed?.vectorchord && parsed.major >= 14 && parsed.major <= 18 ? parsed.major : undefined;
    if (major === undefined) {
      throw new Error(`ImmichPostgres: imageTag must be an Immich PostgreSQL 14–18 VectorChord tag (got "${tag}"), e.g. ${DEFAULT_POSTGRES_IMAGE_TAG}`);
    }
    this.databaseName = props.databaseName ?? "immich";
    this.username = props.username ?? "immich";
    this.overrideConfig = props.overrideConfig;
    this.entryConfig = renderPostgresEntryConfig(props.deploymentName);
    if (props.hbaFile) this.hbaConfig = props.hbaFile.content;
    // A tag upstream publishes a digest for is pinned to it unless the deployment pins another.
    this.image = withDigest(`${IMMICH_POSTGRES_IMAGE}:${tag}`, props.imageDigest ?? UPSTREAM_DIGESTS[`${IMMICH_POSTGRES_IMAGE}:${tag}`], "ImmichPostgres");
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.DATABASE,
      image: this.image,
      env: {
        POSTGRES_DB: this.databaseName,
        POSTGRES_USER: this.username,
        // The image's entrypoint reads it (file_env) as root, before it drops to postgres.
        POSTGRES_PASSWORD_FILE: POSTGRES_PASSWORD_PATH,
        POSTGRES_INITDB_ARGS: "--data-checksums",
        DB_STORAGE_TYPE: props.storageType ?? "SSD",
        // From 18, the postgres images default PGDATA to /var/lib/postgresql/<major>/docker, outside the volume
        // mounted below: pinned back, or the data would not persist [docker-library/postgres#1259].
        ...(major >= 18 ? { PGDATA: PGDATA_PATH } : {}),
      },
      networks: [props.network, ...(props.exporterNetwork ? [props.exporterNetwork] : [])],
      volumes: [{ volume: props.dataVolume, containerPath: PGDATA_PATH }],
      // Not the image's `postgres -c config_file=/etc/postgresql/postgresql.conf`: see renderPostgresEntryConfig.
      command: ["postgres", "-c", `config_file=${POSTGRES_CONFIG_PATH}`],
      uploads: [
        { path: POSTGRES_OVERRIDE_PATH, content: props.overrideConfig },
        ...(props.hbaFile ? [props.hbaFile] : []),
        { path: POSTGRES_CONFIG_PATH, content: this.entryConfig },
        secretFile(POSTGRES_PASSWORD_PATH, props.password, { uid: 999, gid: 999 }),
      ],
      shmSizeMiB: props.shmSizeMiB,
      memoryMiB: props.memoryMiB + props.shmSizeMiB,
      destroyGraceSeconds: props.stopGraceSeconds ?? 120,
      healthcheck: { test: ["CMD", "/usr/local/bin/healthcheck.sh"], intervalSeconds: 30, timeoutSeconds: 10, retries: 3, startPeriodSeconds: 300 },
    });
    this.hostname = this.service.name;
  }
}
