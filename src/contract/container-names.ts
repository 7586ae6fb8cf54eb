import { MONITORING_ROLES } from "../monitoring/monitoring-settings.js";

/**
 * Container names, and the bound they put on the names a deployment file chooses. Container names are host names
 * on the Docker networks: Prometheus scrapes `<container>:<port>` and Caddy proxies to them, so each must stay one
 * DNS label of at most 63 characters, or the lookup fails at run time (RFC 1035 §2.3.4).
 */

/** Longest DNS label. */
export const MAX_DNS_LABEL = 63;
/** Every container's name begins so: `immich-<deployment>-<component>[suffix]`. */
export const CONTAINER_PREFIX = "immich-";
/** Most job-handler containers; the second and later get the suffix `-<n>`. */
export const MAX_JOB_HANDLER_REPLICAS = 8;

/** Values of `io.immich-iac.component`, and the middle part of each container's name. */
export enum Component {
  DATABASE = "database",
  REDIS = "redis",
  SERVER = "server",
  JOB_HANDLER = "job-handler",
  MACHINE_LEARNING = "machine-learning",
  PROXY = "proxy",
  AUTH = "auth",
  BACKUP = "backup",
  MONITORING = "monitoring",
}

/** Docker container name for a component of a deployment, e.g. `immich-home-database`. */
export function containerName(deployment: string, component: string, suffix = ""): string {
  return `${CONTAINER_PREFIX}${deployment}-${component}${suffix}`;
}

/**
 * What follows `immich-<deployment>-` in every container the stack can run, whatever the deployment turns on
 * later: each component, the numbered job handlers, the WAL archiver (`backup-wal`) and each monitoring role.
 * Extra ML nodes (`machine-learning-<node>`) are bounded by their node name (see {@link maxMlNodeName}).
 * A new component or monitoring role lengthens this list and so tightens {@link MAX_DEPLOYMENT_NAME} by itself;
 * test/container-names.test.ts synthesizes the longest name with everything on and checks what really runs.
 */
export function containerTails(): string[] {
  return [
    ...Object.values(Component),
    `${Component.JOB_HANDLER}-${MAX_JOB_HANDLER_REPLICAS}`,
    `${Component.BACKUP}-wal`,
    ...MONITORING_ROLES.map((role) => `${Component.MONITORING}-${role}`),
  ];
}

/**
 * Longest deployment name: the longest container name the stack derives must stay one DNS label. The name is
 * bounded for every feature, not only those on now: renaming a deployment replaces all of its resources.
 */
export const MAX_DEPLOYMENT_NAME = MAX_DNS_LABEL - `${CONTAINER_PREFIX}-`.length - Math.max(...containerTails().map((t) => t.length));

/** Longest name an extra ML node of this deployment may have: its container is `immich-<deployment>-machine-learning-<node>`. */
export function maxMlNodeName(deployment: string): number {
  return MAX_DNS_LABEL - containerName(deployment, Component.MACHINE_LEARNING, "-").length;
}
