import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { statePathOf } from "../../stacks/synth.js";
import { refusePseudoFileSystem } from "../profile/paths.js";
import { InputError } from "../profile/problems.js";
import type { CliIo } from "./io.js";

/**
 * The Terraform state holds every generated secret (database and Redis passwords, the OIDC client secret,
 * the JWKS key). Its directory is created private (0700) when missing; a directory every user may write to
 * (`/tmp`, `/var/tmp`), or one another user owns, is refused: they could read or swap the state. Says where it is.
 */
export function checkStateLocation(statePath: string, io: CliIo): void {
  refusePseudoFileSystem(statePath, "--state");
  const dir = dirname(statePath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { mode, uid } = statSync(dir);
  const refuse = (why: string): never => {
    throw new InputError([
      {
        file: statePath,
        line: 1,
        col: 1,
        path: "(state)",
        message: `the Terraform state holds every secret and ${dir} ${why} (expected a private directory: pass --state <file> in one, e.g. ~/immich-state/, or --out somewhere that is not shared)`,
      },
    ]);
  };
  if ((mode & 0o002) !== 0) refuse("is writable by every user");
  const me = process.getuid?.();
  if (me !== undefined && uid !== me && uid !== 0) refuse(`belongs to another user (uid ${uid})`);
  io.err(`immich-iac: state: ${statePath} (holds every secret: keep it private, back it up, never commit it)\n`);
  if ((mode & 0o077) !== 0) {
    io.err(`immich-iac: note: ${dir} is readable by other users (chmod 700 it: the state file inside is only as private as its directory)\n`);
  }
}

/**
 * Before a CLI synth: checks where the state will be (above), creates the output directory, and returns the
 * options `synthesizeDeployment` takes. `synth` and `plan` both go through here, so neither skips the check.
 */
export function prepareSynthOutput(stack: string, opts: { readonly out: string; readonly state?: string }, io: CliIo): { outdir: string; state?: string } {
  refusePseudoFileSystem(opts.out, "--out");
  checkStateLocation(statePathOf(opts.out, stack, opts.state), io);
  mkdirSync(opts.out, { recursive: true });
  return { outdir: opts.out, ...(opts.state ? { state: opts.state } : {}) };
}
