import { relative } from "node:path";
import { render } from "../../../stacks/synth.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { pick } from "./synth.js";

export function renderCommand(opts: { deployment?: string; profile?: string; out: string }, io: CliIo): number {
  for (const file of render({ outdir: opts.out, ...pick(opts) })) io.out(`wrote ${relative(process.cwd(), file)}\n`);
  return EXIT_OK;
}
