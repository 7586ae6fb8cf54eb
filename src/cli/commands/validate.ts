import { loadDocumentFile } from "../../load-any.js";
import { formatProblem, InputError } from "../../profile/problems.js";
import { EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from "../io.js";

/** Validates every file (hardware profiles and deployments) and reports every problem of every file. */
export function validateCommand(files: readonly string[], io: CliIo): number {
  let failed = false;
  for (const file of files) {
    try {
      const kind = loadDocumentFile(file);
      io.out(`${file}: valid ${kind}\n`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failed = true;
      for (const p of e.problems) io.err(`${formatProblem(p)}\n`);
    }
  }
  return failed ? EXIT_INVALID_INPUT : EXIT_OK;
}
