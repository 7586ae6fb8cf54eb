// Entry point for `cdktf synth` and `cdktf deploy` (cdktf.json "app"): the deployment file named by
// IMMICH_IAC_DEPLOYMENT (relative to the working directory), else the bundled example. Input errors are printed
// as the CLI prints them (file:line:col: path: message, exit 2), never as a stack trace.
import { formatProblem, InputError } from "../src/profile/problems.js";
import { synthesize } from "./synth.js";

const deployment = process.env.IMMICH_IAC_DEPLOYMENT;
try {
  synthesize({ outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out", ...(deployment ? { deployment } : {}) });
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.exitCode = 2;
}
