import { App } from "cdktf";
import { shippedProfilePath, loadProfileFile } from "../src/profile/load-profile.js";
import { computeTuning } from "../src/tuning/tuning.js";
import { ImmichDeploymentStack } from "./deployment-stack.js";

/** The profile the bundled example deployment is built from. */
export const EXAMPLE_PROFILE = "epyc-4004-prosumer";

export interface SynthOptions {
  /** A hardware profile file; default the bundled example's profile. */
  readonly profile?: string;
  readonly outdir: string;
}

export interface SynthResult {
  readonly stacks: readonly string[];
}

export function synthesize(opts: SynthOptions): SynthResult {
  const profile = loadProfileFile(opts.profile ?? shippedProfilePath(EXAMPLE_PROFILE));
  const app = new App({ outdir: opts.outdir, skipBackendValidation: true });
  const name = profile.metadata.name;
  new ImmichDeploymentStack(app, name, {
    name,
    dockerHost: "unix:///var/run/docker.sock",
    tuning: computeTuning(profile),
  });
  app.synth();
  return { stacks: [name] };
}
