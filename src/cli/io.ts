/** Exit codes shared by every command (DESIGN.md). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;
/**
 * `plan` and `plan-report` answer with a verdict (0 nothing, 2 safe, 3 maintenance, 4 blocked); input they
 * cannot read or that is invalid gets this code instead, so that no gate mistakes it for a verdict.
 */
export const EXIT_VERDICT_INVALID_INPUT = 5;
/** The commands whose exit code is a verdict. */
export const VERDICT_COMMANDS: ReadonlySet<string> = new Set(["plan", "plan-report", "libraries"]);

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};
