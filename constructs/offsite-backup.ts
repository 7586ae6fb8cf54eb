import { Construct } from "constructs";
import { escapeTerraformTemplate } from "./host-resources.js";
import type { DataVolume } from "./data-volume.js";
import { RESTIC_IMAGE, withDigest } from "./images.js";
import type { ImmichNetwork } from "./immich-network.js";
import { Component } from "./labels.js";
import { secretFile, ServiceContainer } from "./service-container.js";

/** The off-site copy's secret files: restic's repository password and the bucket's keys. */
export const OFFSITE_SECRETS = { repositoryPassword: "/run/secrets/restic/repository-password", s3Credentials: "/run/secrets/restic/s3-credentials" } as const;
import { BACKUPS_MOUNT, EXTERNAL_BACKUP_MOUNT, LIBRARY_MOUNT, OFFSITE_SCRIPT, OFFSITE_STATE_MOUNT } from "../src/renderers/backup/offsite.js";

export interface OffsiteBackupProps {
  readonly deploymentName: string;
  /** A network with a way out (the front network): the bucket is elsewhere. */
  readonly network: ImmichNetwork;
  /** The backups dataset (Immich's dumps, the WAL archive), mounted read-only. */
  readonly backupsVolume: DataVolume;
  /** The library (originals, uploads, profile pictures), mounted read-only. */
  readonly libraryVolume: DataVolume;
  /**
   * External libraries' folders on the Docker host copied off-site too, by library name: bound read-only at
   * /external/<name> (the script must list the same paths: `extraPaths`). @default []
   */
  readonly externalFolders?: readonly { readonly name: string; readonly hostPath: string }[];
  /** Status, metrics, restic's cache and drills (`<dataRoot>/backups/offsite`). */
  readonly stateVolume: DataVolume;
  /** The script's text (`renderOffsiteScript`). */
  readonly script: string;
  /** `s3:<endpoint>/<bucket>/<prefix>`. */
  readonly repository: string;
  readonly region: string;
  /** References to sensitive values, never literals. */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly repositoryPassword: string;
  /** @default - tag only */
  readonly imageDigest?: string;
  /** restic's index and tree cache grow with the library. @default 1024 */
  readonly memoryMiB?: number;
}

/**
 * The off-site copy: restic (encrypted, deduplicated, pruned by a retention policy) of the backups dataset and
 * the library to an S3-compatible bucket on a schedule. Unhealthy when the last run failed or none succeeded for
 * two intervals; the same state is in a status file and a Prometheus textfile.
 */
export class OffsiteBackup extends Construct {
  public readonly service: ServiceContainer;

  constructor(scope: Construct, id: string, props: OffsiteBackupProps) {
    super(scope, id);
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.BACKUP,
      image: withDigest(RESTIC_IMAGE, props.imageDigest, "OffsiteBackup"),
      entrypoint: ["/bin/sh", OFFSITE_SCRIPT],
      command: ["schedule"],
      // Secrets as files: restic reads RESTIC_PASSWORD_FILE, and its S3 backend (minio-go's credential chain)
      // the shared credentials file of AWS_SHARED_CREDENTIALS_FILE, profile "default", when no AWS_* key is set.
      env: {
        RESTIC_REPOSITORY: props.repository,
        RESTIC_PASSWORD_FILE: OFFSITE_SECRETS.repositoryPassword,
        AWS_SHARED_CREDENTIALS_FILE: OFFSITE_SECRETS.s3Credentials,
        AWS_PROFILE: "default",
        AWS_DEFAULT_REGION: props.region,
      },
      networks: [props.network],
      volumes: [
        { volume: props.backupsVolume, containerPath: BACKUPS_MOUNT, readOnly: true },
        { volume: props.libraryVolume, containerPath: LIBRARY_MOUNT, readOnly: true },
        { volume: props.stateVolume, containerPath: OFFSITE_STATE_MOUNT },
      ],
      hostFolders: (props.externalFolders ?? []).map((f) => ({ hostPath: f.hostPath, containerPath: `${EXTERNAL_BACKUP_MOUNT}/${f.name}` })),
      // Literal text: Terraform must not read the shell's ${…} as its own interpolation.
      uploads: [
        { path: OFFSITE_SCRIPT, content: escapeTerraformTemplate(props.script) },
        // restic runs as root, the image's user.
        secretFile(OFFSITE_SECRETS.repositoryPassword, props.repositoryPassword),
        secretFile(OFFSITE_SECRETS.s3Credentials, `[default]\naws_access_key_id = ${props.accessKeyId}\naws_secret_access_key = ${props.secretAccessKey}\n`),
      ],
      memoryMiB: props.memoryMiB ?? 1024,
      // A run interrupted mid-upload leaves a lock restic removes on the next run; a clean stop is better.
      destroyGraceSeconds: 60,
      healthcheck: { test: ["CMD", "/bin/sh", OFFSITE_SCRIPT, "health"], intervalSeconds: 60, timeoutSeconds: 10, retries: 1, startPeriodSeconds: 30 },
    });
  }
}
