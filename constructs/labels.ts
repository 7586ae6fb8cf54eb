export { LABEL_COMPONENT, LABEL_DATA, LABEL_DEPLOYMENT } from "../src/contract/labels.js";
export { Component, containerName } from "../src/contract/container-names.js";
import { Component } from "../src/contract/container-names.js";

/** Components whose containers hold state that an abrupt kill can damage. */
export const STATEFUL_COMPONENTS: readonly Component[] = [Component.DATABASE, Component.REDIS, Component.JOB_HANDLER];

/** Components that must only sit on internal (no-egress) networks. */
export const BACKEND_COMPONENTS: readonly Component[] = [Component.DATABASE, Component.REDIS];

/**
 * On a network that only one exporter and Prometheus join: its value is the exporter's monitoring role. Policy
 * IIAC013 lets a container with host access (added capabilities, the Docker socket, the host's root) sit on such a
 * network and no other.
 */
export const LABEL_EXPORTER_NETWORK = "io.immich-iac.exporter-network";
