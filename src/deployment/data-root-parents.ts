/**
 * Directories meant for data that survives reboots and upgrades and belongs to no package: where a data root
 * (src/deployment/deployment-schema.ts) and an external library's folder (src/libraries/external-libraries.ts)
 * may be. A module of its own so that both import it without importing each other.
 */
export const DATA_ROOT_PARENTS = ["/srv", "/data", "/mnt", "/media", "/opt", "/tank"] as const;
