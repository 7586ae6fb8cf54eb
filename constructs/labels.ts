export { LABEL_COMPONENT, LABEL_DATA, LABEL_DEPLOYMENT } from "../src/contract/labels.js";
export { Component, containerName } from "../src/contract/container-names.js";
import { Component } from "../src/contract/container-names.js";

/** Components whose containers hold state that an abrupt kill can damage. */
export const STATEFUL_COMPONENTS: readonly Component[] = [Component.DATABASE, Component.REDIS, Component.JOB_HANDLER];

/** Components that must only sit on internal (no-egress) networks. */
export const BACKEND_COMPONENTS: readonly Component[] = [Component.DATABASE, Component.REDIS];
