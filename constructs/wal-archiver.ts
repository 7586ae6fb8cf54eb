import { Construct } from "constructs";
import { escapeTerraformTemplate } from "./host-resources.js";
import type { DataVolume } from "./data-volume.js";
import type { ImmichNetwork } from "./immich-network.js";
import type { ImmichPostgres } from "./immich-postgres.js";
import { Component } from "./labels.js";
import { Fn } from "cdktf";
import { secretFileOfContainerUser, ServiceContainer } from "./service-container.js";

/** The archiver's libpq password file (PGPASSFILE). */
export const WAL_PGPASS = "/run/secrets/wal/pgpass";

/** A .pgpass field: `\` and `:` escaped with `\` (a taken-over database's password may hold either). */
function pgpassEscape(password: string): string {
  // HCL string literals: cdktf passes these through unescaped, so each backslash is doubled for Terraform.
  return Fn.replace(Fn.replace(password, "\\\\", "\\\\\\\\"), ":", "\\\\:");
}
import { ARCHIVE_MOUNT, WAL_ARCHIVER_SCRIPT } from "../src/renderers/backup/wal-archiver.js";

export interface WalArchiverProps {
  readonly deploymentName: string;
  /** The database it streams from; the archiver runs its image, so the tools match the server's major. */
  readonly database: ImmichPostgres;
  /** The back network the database is on. */
  readonly network: ImmichNetwork;
  /** `<dataRoot>/backups/postgres`: another dataset (and pool) than PGDATA. */
  readonly archiveVolume: DataVolume;
  /** Password of the database role: a reference to a sensitive value, never a literal. */
  readonly password: string;
  /** The script's text (`renderWalArchiver`). */
  readonly script: string;
  /** @default 256 */
  readonly memoryMiB?: number;
}

/**
 * Continuous archiving for point-in-time recovery without a binary added to Immich's PostgreSQL image:
 * pg_receivewal streams WAL through a replication slot and pg_basebackup takes base backups, in a container of
 * the database's own image running as its postgres user. Healthy only while WAL streams and base backups succeed.
 */
export class WalArchiver extends Construct {
  public readonly service: ServiceContainer;

  constructor(scope: Construct, id: string, props: WalArchiverProps) {
    super(scope, id);
    const db = props.database;
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.BACKUP,
      nameSuffix: "-wal",
      image: db.image,
      entrypoint: ["/bin/bash", WAL_ARCHIVER_SCRIPT],
      command: ["run"],
      user: "999:999",
      env: {
        PGHOST: db.hostname,
        PGPORT: String(db.port),
        PGUSER: db.username,
        PGDATABASE: db.databaseName,
        PGPASSFILE: WAL_PGPASS,
        PGAPPNAME: "immich-iac-wal-archiver",
      },
      networks: [props.network],
      volumes: [{ volume: props.archiveVolume, containerPath: ARCHIVE_MOUNT }],
      // Literal text: Terraform must not read the shell's ${…} as its own interpolation.
      uploads: [
        { path: WAL_ARCHIVER_SCRIPT, content: escapeTerraformTemplate(props.script) },
        // libpq's password file (any database: replication connections match "*"), escaped as .pgpass wants
        // `\` and `:`. The archiver runs as 999, so the file is the container user's kind (root, 0444); libpq
        // warns about a group- or world-readable file and ignores it, so the script reads a private copy (0400, its own).
        secretFileOfContainerUser(WAL_PGPASS, `${db.hostname}:${db.port}:*:${db.username}:${pgpassEscape(props.password)}\n`),
      ],
      memoryMiB: props.memoryMiB ?? 256,
      destroyGraceSeconds: 30,
      dependsOn: [db.service],
      healthcheck: { test: ["CMD", "/bin/bash", WAL_ARCHIVER_SCRIPT, "health"], intervalSeconds: 30, timeoutSeconds: 20, retries: 3, startPeriodSeconds: 300 },
    });
  }
}
