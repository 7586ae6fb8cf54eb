import { loadProfileFile, profileArgumentPath } from "../../profile/load-profile.js";
import { explainJson, explainMlNodeJson, explainMlNodeTable, explainTable } from "../../tuning/explain.js";
import { tuneMlNode } from "../../tuning/ml-nodes.js";
import { computeTuning } from "../../tuning/tuning.js";
import { deploymentTuning } from "../../deployment/deployment-tuning.js";
import { loadDeploymentFile } from "../../deployment/load-deployment.js";
import { EXIT_OK, EXIT_INVALID_INPUT, type CliIo } from "../io.js";

export interface ExplainOptions {
  /** A hardware profile alone (the defaults a deployment of it gets): a shipped profile's name or a path. */
  readonly profile?: string;
  /** A deployment: its profile with its choices and its extra ML nodes. */
  readonly deployment?: string;
  readonly json?: boolean;
}

export function explainCommand(opts: ExplainOptions, io: CliIo): number {
  if ((opts.profile === undefined) === (opts.deployment === undefined)) {
    io.err("immich-iac explain: give --profile <file> or --deployment <file> (one of them)\n");
    return EXIT_INVALID_INPUT;
  }
  const profile = opts.profile !== undefined ? loadProfileFile(profileArgumentPath(opts.profile)) : undefined;
  if (profile?.spec.purpose === "ml-node") {
    const node = tuneMlNode({ name: profile.metadata.name, address: "", profile });
    io.out(opts.json ? `${JSON.stringify(explainMlNodeJson(node), null, 2)}\n` : explainMlNodeTable(node));
    return EXIT_OK;
  }
  const tuning = opts.deployment ? deploymentTuning(loadDeploymentFile(opts.deployment)) : computeTuning(profile!);
  io.out(opts.json ? `${JSON.stringify(explainJson(tuning), null, 2)}\n` : explainTable(tuning));
  return EXIT_OK;
}
