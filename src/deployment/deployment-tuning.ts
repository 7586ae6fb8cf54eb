import { parsePostgresTag } from "../plan/versions.js";
import { computeTuning, type Tuning } from "../tuning/tuning.js";
import type { Deployment } from "./load-deployment.js";

/** The tuning a deployment's stack uses: its profile with the deployment's choices and its extra ML nodes. */
export function deploymentTuning(d: Deployment): Tuning {
  const postgres = parsePostgresTag(d.postgres.imageTag);
  return computeTuning(d.profile, {
    ...(d.mlBackend ? { mlBackend: d.mlBackend } : {}),
    softwareTranscoding: d.softwareTranscoding,
    monitoring: d.monitoring.enabled,
    ...(postgres ? { postgresMajor: postgres.major } : {}),
    mlNodes: d.mlNodes,
  });
}
