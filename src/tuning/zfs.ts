import type { HardwareProfile, Role } from "../profile/hardware-profile-schema.js";
import { derive, SOURCES, type Derived } from "./derived.js";

export interface DatasetTuning {
  readonly role: Role;
  readonly pool: string;
  /** Full dataset name, `<pool>/immich/<role>`. */
  readonly dataset: string;
  /** Where the dataset is mounted on the host. */
  readonly mountpoint: string;
  readonly properties: Readonly<Record<string, Derived<string>>>;
}

export interface ZfsTuning {
  /** One dataset per role that sits on a ZFS pool. */
  readonly datasets: readonly DatasetTuning[];
  /** `zfs_arc_max` in bytes; 0 when no pool is ZFS. */
  readonly arcMaxBytes: Derived<number>;
}

/** Mount root on the host for every dataset. */
export const DATA_ROOT = "/srv/immich";

type PropertySet = Record<string, [value: string, why: string]>;

const COMMON: PropertySet = {
  compression: ["lz4", "lz4 stores incompressible blocks as-is at ~10 GB/s per thread"],
  atime: ["off", "no access-time writes on reads"],
  xattr: ["sa", "xattrs in the dnode: much faster on Linux"],
};

const BY_ROLE: Readonly<Record<Role, PropertySet>> = {
  database: {
    recordsize: ["32K", "PostgreSQL data: 32K with compression (8K/16K is the older advice)"],
    logbias: ["latency", "small frequent writes; throughput fragments and bypasses the SLOG"],
    primarycache: ["all", "the ARC is Postgres' OS cache"],
    redundant_metadata: ["most", "fewer metadata copies for a write-heavy dataset"],
  },
  library: {
    recordsize: ["1M", "originals are large and written once: sequential workload"],
    primarycache: ["metadata", "keep video streams out of the ARC, leave it to the database"],
    dnodesize: ["auto", "room for xattr=sa"],
  },
  thumbnails: {
    recordsize: ["128K", "thumbnails and previews are 10–500 KB (rule of thumb)"],
    primarycache: ["all", "thumbnails are the hot read set of the web app"],
  },
  "ml-cache": {
    recordsize: ["128K", "model files: default recordsize"],
  },
  backups: {
    recordsize: ["1M", "database dumps are large sequential files"],
    primarycache: ["metadata", "backups are written once, rarely read"],
  },
  docker: {
    recordsize: ["128K", "image layers and container roots: default recordsize"],
  },
};

/** Dataset properties per role on the ZFS pools, and the ARC cap from the memory budget. */
export function tuneZfs(profile: HardwareProfile, arcMiB: number): ZfsTuning {
  const datasets: DatasetTuning[] = [];
  for (const pool of profile.spec.storage.pools) {
    if (pool.filesystem !== "zfs") continue;
    for (const role of pool.roles) {
      const props: Record<string, Derived<string>> = {};
      for (const [k, [v, why]] of Object.entries({ ...COMMON, ...BY_ROLE[role] })) {
        props[k] = derive(v, why, SOURCES.zfsWorkload);
      }
      datasets.push({ role, pool: pool.name, dataset: `${pool.name}/immich/${role}`, mountpoint: roleMountpoint(role), properties: props });
    }
  }
  const hasZfs = datasets.length > 0;
  const bytes = hasZfs ? arcMiB * 1024 * 1024 : 0;
  return {
    datasets,
    arcMaxBytes: derive(bytes, hasZfs ? `${arcMiB} MiB ARC budget × 1048576` : "no ZFS pool", SOURCES.zfsArc),
  };
}

/** Host directory where a role's storage is mounted (its dataset's mountpoint on ZFS). */
export function roleMountpoint(role: Role, dataRoot: string = DATA_ROOT): string {
  return `${dataRoot}/${role}`;
}
