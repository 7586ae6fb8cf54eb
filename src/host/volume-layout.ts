import type { Role } from "../profile/hardware-profile-schema.js";
import { WAL_METRICS_SUBDIR } from "../renderers/backup/wal-archiver.js";

/** One directory a Docker volume binds: where, which role's storage, and who owns it inside. */
export interface VolumeDirectory {
  /** Stable key, also the ImmichStack volume it backs. */
  readonly key: "database" | "redis" | "library" | "thumbs" | "encodedVideo" | "backups" | "postgresArchive" | "offsiteState" | "modelCache" | "proxy" | "auth" | "prometheus" | "grafana";
  readonly role: Role;
  /** Below the role's mountpoint; "" = the mountpoint itself. */
  readonly subdir: string;
  /** `uid:gid` the image runs as (postgres and redis images use 999). */
  readonly owner: string;
  readonly mode: string;
}

/**
 * The single source of where every volume lives: ImmichStack binds its volumes here, and the host scripts
 * create exactly these directories with these owners.
 */
export const VOLUME_LAYOUT: readonly VolumeDirectory[] = [
  { key: "database", role: "database", subdir: "pgdata", owner: "999:999", mode: "0700" },
  { key: "redis", role: "database", subdir: "redis", owner: "999:999", mode: "0750" },
  { key: "proxy", role: "database", subdir: "caddy", owner: "0:0", mode: "0700" },
  { key: "auth", role: "database", subdir: "authelia", owner: "0:0", mode: "0700" },
  // Prometheus' TSDB on the fast pool; the image runs as nobody.
  { key: "prometheus", role: "database", subdir: "prometheus", owner: "65534:65534", mode: "0750" },
  // Grafana's SQLite database (its users and preferences); the image runs as 472 with group root.
  { key: "grafana", role: "database", subdir: "grafana", owner: "472:0", mode: "0750" },
  { key: "library", role: "library", subdir: "", owner: "0:0", mode: "0750" },
  { key: "thumbs", role: "thumbnails", subdir: "thumbs", owner: "0:0", mode: "0750" },
  { key: "encodedVideo", role: "thumbnails", subdir: "encoded-video", owner: "0:0", mode: "0750" },
  { key: "backups", role: "backups", subdir: "", owner: "0:0", mode: "0750" },
  // WAL and base backups: written by the archiver as the database image's postgres user.
  { key: "postgresArchive", role: "backups", subdir: "postgres", owner: "999:999", mode: "0700" },
  // The off-site copy's status, metrics, cache and restore drills: never copied off-site itself.
  { key: "offsiteState", role: "backups", subdir: "offsite", owner: "0:0", mode: "0700" },
  { key: "modelCache", role: "ml-cache", subdir: "", owner: "0:0", mode: "0750" },
];

/** A directory inside a volume that another container binds on its own, so it must exist before either starts. */
export interface VolumeSubdirectory {
  /** The volume it lies in. */
  readonly volume: VolumeDirectory["key"];
  /** Below the volume's directory. */
  readonly subdir: string;
  readonly owner: string;
  readonly mode: string;
}

/**
 * Subdirectories the host scripts create with the volumes. The node exporter binds the WAL archiver's textfile
 * directory on its own: were it missing when the exporter starts, Docker would create it and its parent as root,
 * and the archiver (the postgres user) could write neither its state nor its metrics. Docker starts the two
 * containers in parallel in effect (a depends_on orders creation, not the archiver's first mkdir), so the
 * directory is made before either, with the archiver as its owner.
 */
export const VOLUME_SUBDIRECTORIES: readonly VolumeSubdirectory[] = [
  { volume: "postgresArchive", subdir: "state", owner: "999:999", mode: "0700" },
  // World-readable: the node exporter reads it as nobody.
  { volume: "postgresArchive", subdir: WAL_METRICS_SUBDIR, owner: "999:999", mode: "0755" },
];

export function volumeSubdirectoryPath(s: VolumeSubdirectory, dataRoot: string): string {
  return `${volumeHostPath(volumeDirectory(s.volume), dataRoot)}/${s.subdir}`;
}

export function volumeHostPath(v: VolumeDirectory, dataRoot: string): string {
  return v.subdir ? `${dataRoot}/${v.role}/${v.subdir}` : `${dataRoot}/${v.role}`;
}

export function volumeDirectory(key: VolumeDirectory["key"]): VolumeDirectory {
  return VOLUME_LAYOUT.find((v) => v.key === key)!;
}
