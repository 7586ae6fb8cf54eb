import type { Role } from "../profile/hardware-profile-schema.js";

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

export function volumeHostPath(v: VolumeDirectory, dataRoot: string): string {
  return v.subdir ? `${dataRoot}/${v.role}/${v.subdir}` : `${dataRoot}/${v.role}`;
}

export function volumeDirectory(key: VolumeDirectory["key"]): VolumeDirectory {
  return VOLUME_LAYOUT.find((v) => v.key === key)!;
}
