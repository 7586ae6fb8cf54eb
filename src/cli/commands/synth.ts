import { synthesize } from "../../../stacks/synth.js";
import { EXIT_OK, type CliIo } from "../io.js";

export interface SynthCommandOptions {
  readonly deployment?: string;
  readonly profile?: string;
  readonly out: string;
}

export async function synthCommand(opts: SynthCommandOptions, io: CliIo): Promise<number> {
  const result = synthesize({ outdir: opts.out, ...pick(opts) });
  for (const s of result.stacks) io.out(`synthesized ${opts.out}/stacks/${s}/cdk.tf.json\n`);
  return EXIT_OK;
}

export function pick(opts: { deployment?: string; profile?: string }): { deployment?: string; profile?: string } {
  return { ...(opts.deployment ? { deployment: opts.deployment } : {}), ...(opts.profile ? { profile: opts.profile } : {}) };
}
