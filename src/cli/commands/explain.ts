import { loadProfileFile, profileArgumentPath } from "../../profile/load-profile.js";
import { explainJson, explainMlNodeJson, explainMlNodeTable, explainTable } from "../../tuning/explain.js";
import { tuneMlNode } from "../../tuning/ml-nodes.js";
import { computeTuning } from "../../tuning/tuning.js";
import { deploymentTuning } from "../../deployment/deployment-tuning.js";
import { loadDeploymentFile } from "../../deployment/load-deployment.js";
import { EXIT_OK, EXIT_INVALID_INPUT, type CliIo } from "../io.js";
import { reachability, reachabilityTable } from "../../deployment/access-explain.js";

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
  const deployment = opts.deployment ? loadDeploymentFile(opts.deployment) : undefined;
  const tuning = deployment ? deploymentTuning(deployment) : computeTuning(profile!);
  // A deployment also says who reaches what (spec.access); a profile alone has no access settings.
  if (opts.json) io.out(`${JSON.stringify({ ...explainJson(tuning), ...(deployment ? { access: reachability(deployment) } : {}) }, null, 2)}\n`);
  else io.out(`${explainTable(tuning)}${deployment ? `\n${reachabilityTable(deployment)}` : ""}`);
  return EXIT_OK;
}
