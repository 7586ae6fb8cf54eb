import { loadProfileFile } from "../../profile/load-profile.js";
import { explainJson, explainTable } from "../../tuning/explain.js";
import { computeTuning } from "../../tuning/tuning.js";
import { EXIT_OK, type CliIo } from "../io.js";

export interface ExplainOptions {
  readonly profile: string;
  readonly json?: boolean;
}

export function explainCommand(opts: ExplainOptions, io: CliIo): number {
  const tuning = computeTuning(loadProfileFile(opts.profile));
  io.out(opts.json ? `${JSON.stringify(explainJson(tuning), null, 2)}\n` : explainTable(tuning));
  return EXIT_OK;
}
