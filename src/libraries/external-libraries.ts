import { DATA_ROOT_PARENTS } from "../deployment/data-root-parents.js";

/**
 * External libraries: folders Immich indexes where they are (Immich's docs/guides/external-library.md). Each is
 * bind-mounted read-only into the server and the job handler at a path that depends on its name only, so that
 * the import paths Immich keeps in its database survive a move of the folder on the host.
 */

/** Where every external folder appears inside the Immich containers: `<root>/<name>`. */
export const EXTERNAL_MOUNT_ROOT = "/mnt/external";

/** Immich's own bound on import paths and exclusion patterns per library (CreateLibraryDto: "max 128"). */
export const MAX_IMPORT_PATHS = 128;
export const MAX_EXCLUSION_PATTERNS = 128;
/** Each library is one bind in two containers (and a preflight check): a bound, not a limit anyone meets. */
export const MAX_EXTERNAL_LIBRARIES = 32;

/** A library name: part of its container path and Immich's library name (what `libraries sync` matches on). */
export const LIBRARY_NAME = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;

/**
 * The uid the Immich server and job handler run as (the image's user, root): the host plan checks the folder is
 * readable by it. Root reads any local folder; a network share that squashes root (NFS root_squash) is the case
 * this catches.
 */
export const IMMICH_CONTAINER_UID = 0;

/** One external library, as the deployment declares it. */
export interface ExternalLibrary {
  /** Immich's library name and the folder's name under /mnt/external. */
  readonly name: string;
  /** The folder on the Docker host; immich-iac never creates, chowns or writes it. */
  readonly hostPath: string;
  /** The name of the user (spec.auth.users) who owns the library in Immich. */
  readonly owner: string;
  /** Folders below hostPath to import, relative to it; empty = the whole folder. @default [] */
  readonly importPaths: readonly string[];
  /** Glob patterns Immich skips; undefined = whatever Immich has (not managed). @default - not managed */
  readonly exclusionPatterns?: readonly string[];
  /** Copy the folder off-site with the backup's restic too. @default false */
  readonly offsiteBackup: boolean;
}

export interface LibrarySettings {
  readonly external: readonly ExternalLibrary[];
  /**
   * Immich's `library.watch.enabled`: one switch for every library in Immich, set when the libraries ask for it.
   * @default - not set (Immich's default: off)
   */
  readonly watch?: boolean;
}

/** The container path of a library's folder. */
export function externalMountPath(name: string): string {
  return `${EXTERNAL_MOUNT_ROOT}/${name}`;
}

/** The import paths Immich gets, as container paths: the whole folder when none are listed. */
export function containerImportPaths(lib: Pick<ExternalLibrary, "name" | "importPaths">): string[] {
  const root = externalMountPath(lib.name);
  return lib.importPaths.length === 0 ? [root] : lib.importPaths.map((p) => `${root}/${p}`);
}

/**
 * Where an external folder may be: a place for data of the operator's own, the same allow-list as the data root
 * (`/srv`, `/data`, `/mnt`, `/media`, `/opt`, `/tank` and below, `/home/<user>/…`). A system directory (`/etc`,
 * `/var/lib/docker`, `/root`) in a container would show Immich's users whatever it holds.
 */
export function externalFolderProblem(path: string): string | undefined {
  const below = (dir: string) => path.startsWith(`${dir}/`);
  if (DATA_ROOT_PARENTS.some(below)) return undefined;
  if (/^\/home\/[a-z_][a-z0-9_-]{0,31}\/./.test(path)) return undefined;
  return `not a folder of photos (expected a folder below ${DATA_ROOT_PARENTS.join(", ")} or /home/<user>, like /mnt/nas/photos, got "${path}")`;
}

/** Why a relative import path is not one, or undefined: below the folder, no `.`/`..` segment, no empty segment. */
export function importPathProblem(path: string): string | undefined {
  if (path.startsWith("/")) return `expected a folder relative to hostPath, like 2019 or family/scans (got "${path}", an absolute path)`;
  if (path.split("/").some((s) => s === "" || s === "." || s === "..")) return `expected a folder below hostPath without '.', '..' or empty segments (got "${path}")`;
  return undefined;
}

/** `a` is `b` or lies below it. */
export function isSameOrBelow(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`);
}
