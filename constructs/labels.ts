export { LABEL_COMPONENT, LABEL_DATA, LABEL_DEPLOYMENT } from "../src/contract/labels.js";

/** Values of `io.immich-iac.component`. */
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

/** Components whose containers hold state that an abrupt kill can damage. */
export const STATEFUL_COMPONENTS: readonly Component[] = [Component.DATABASE, Component.REDIS, Component.JOB_HANDLER];

/** Components that must only sit on internal (no-egress) networks. */
export const BACKEND_COMPONENTS: readonly Component[] = [Component.DATABASE, Component.REDIS];

/** Docker container name for a component of a deployment, e.g. `immich-home-database`. */
export function containerName(deployment: string, component: string, suffix = ""): string {
  return `immich-${deployment}-${component}${suffix}`;
}

/**
 * On a network that only one exporter and Prometheus join: its value is the exporter's monitoring role. Policy
 * IIAC013 lets a container with host access (added capabilities, the Docker socket, the host's root) sit on such a
 * network and no other.
 */
export const LABEL_EXPORTER_NETWORK = "io.immich-iac.exporter-network";
