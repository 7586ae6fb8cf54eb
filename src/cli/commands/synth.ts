import { resolveDeployment, synthesizeDeployment } from "../../../stacks/synth.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { prepareSynthOutput } from "../state-location.js";

export interface SynthCommandOptions {
  readonly deployment?: string;
  readonly profile?: string;
  readonly out: string;
  /** The Terraform state file. @default - terraform.<name>.tfstate next to `out` */
  readonly state?: string;
}

export async function synthCommand(opts: SynthCommandOptions, io: CliIo): Promise<number> {
  const deployment = resolveDeployment(pick(opts));
  const result = synthesizeDeployment(deployment, prepareSynthOutput(deployment.name, opts, io));
  for (const s of result.stacks) io.out(`synthesized ${opts.out}/stacks/${s}/cdk.tf.json\n`);
  return EXIT_OK;
}

export function pick(opts: { deployment?: string; profile?: string }): { deployment?: string; profile?: string } {
  return { ...(opts.deployment ? { deployment: opts.deployment } : {}), ...(opts.profile ? { profile: opts.profile } : {}) };
}
