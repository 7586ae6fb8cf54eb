import type { App } from "cdktf";
import { withStack } from "../../../stacks/synth.js";
import { loadDeploymentFile, sshTarget, type Deployment } from "../../deployment/load-deployment.js";
import { loadDocumentFile } from "../../load-any.js";
import { formatProblem, InputError, type Problem } from "../../profile/problems.js";
import { EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from "../io.js";

/**
 * Validates every file (hardware profiles and deployments) and reports every problem of every file. A
 * deployment is also synthesized (into withStack's scratch directory), so that validate refuses whatever synth refuses.
 */
export function validateCommand(files: readonly string[], io: CliIo): number {
  let failed = false;
  for (const file of files) {
    try {
      const kind = loadDocumentFile(file);
      if (kind === "Deployment") synthesizes(file);
      io.out(`${file}: valid ${kind}\n`);
      if (kind === "Deployment") {
        const d = loadDeploymentFile(file);
        if (!d.backup.offsite) {
          io.err(`${file}: warning: spec.backup.offsite is not set: every copy of the photos and the database stays on this server, and losing it loses them\n`);
        }
        for (const note of deployUserNotes(d)) io.err(`${file}: note: ${note}\n`);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failed = true;
      for (const p of e.problems) io.err(`${formatProblem(p)}\n`);
    }
  }
  return failed ? EXIT_INVALID_INPUT : EXIT_OK;
}

/**
 * A deploy user taken from `ssh://user@…` (the Immich host's by default, an ML node's always) is often the
 * operator's own login (`pi`, `debian`): say what the host scripts will do to that account, before the apply.
 */
export function deployUserNotes(d: Deployment): string[] {
  if (!d.host.manage) return [];
  const gets = (u: string) =>
    `the host scripts add "${u}" to the docker group (root-equivalent), give it passwordless sudo (NOPASSWD: ALL) and lock its password (key login only)`;
  const notes: string[] = [];
  if (d.host.deployUserFromDockerHost) {
    const u = d.host.deployUser.name;
    notes.push(
      `the deploy user is "${u}", the SSH user of spec.dockerHost (spec.host.deployUser.name is not set): ${gets(u)}. ` +
        `If "${u}" is a person's account, set spec.host.deployUser.name to a machine account like immich-deploy and connect as that one`,
    );
  }
  for (const n of d.mlNodes) {
    const u = sshTarget(n.dockerHost)?.user;
    if (u === undefined) continue;
    notes.push(`ML node ${n.name}: its deploy user is its SSH user "${u}": ${gets(u)}. If "${u}" is a person's account, connect as a machine account like immich-deploy`);
  }
  return notes;
}

/** Synthesizes a valid deployment and throws what the constructs and policy rules refuse as a problem of the file. */
function synthesizes(file: string): void {
  try {
    withStack(loadDeploymentFile(file), (stack) => (stack.node.root as App).synth());
  } catch (e) {
    if (e instanceof InputError) throw e;
    const problem: Problem = { file, line: 1, col: 1, path: "(synth)", message: `the stack cannot be synthesized: ${(e as Error).message}` };
    throw new InputError([problem]);
  }
}
