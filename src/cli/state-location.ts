import { closeSync, constants, fchmodSync, lstatSync, mkdirSync, openSync, statSync } from "node:fs";
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

/**
 * Where `plan` saves Terraform's plan: next to the state, in the directory {@link checkStateLocation} accepted,
 * because a saved plan holds every secret in clear as the state does. `terraform.home.tfstate` →
 * `terraform.home.tfplan`.
 */
export function planPathOf(statePath: string): string {
  return statePath.endsWith(".tfstate") ? `${statePath.slice(0, -".tfstate".length)}.tfplan` : `${statePath}.tfplan`;
}

/**
 * Creates (or empties) the plan file private, 0600, before Terraform writes it: Terraform creates a new plan
 * file 0644 (umask 022) but keeps the mode of one that exists. Never through a symbolic link.
 */
export function preparePlanFile(planPath: string): void {
  const refuse = (why: string): never => {
    throw new InputError([{ file: planPath, line: 1, col: 1, path: "(plan)", message: `the saved plan holds every secret and ${why} (expected a regular file or none: remove it)` }]);
  };
  let st;
  try {
    st = lstatSync(planPath);
  } catch {
    st = undefined;
  }
  if (st && !st.isFile()) refuse(st.isSymbolicLink() ? "is a symbolic link" : "is not a regular file");
  const fd = openSync(planPath, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o600);
  try {
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}
