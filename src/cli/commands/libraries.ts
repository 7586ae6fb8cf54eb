import { createLibrary, deleteLibrary, getAllLibraries, scanLibrary, searchUsersAdmin, updateLibrary } from "@immich/sdk";
import { loadDeploymentFile } from "../../deployment/load-deployment.js";
import { describeAction, desiredLibraries, planLibrarySync, type SyncAction } from "../../libraries/sync-plan.js";
import { visible } from "../../profile/problems.js";
import { RiskClass } from "../../plan/upgrade-rules.js";
import { EXIT_FAILURE, EXIT_VERDICT_INVALID_INPUT, type CliIo } from "../io.js";

/** The admin API key (Immich → Account settings → API keys, with the library permissions), never an argument. */
export const API_KEY_VARIABLE = "IMMICH_API_KEY";

export interface LibrariesSyncOptions {
  readonly deployment: string;
  /** Immich's base URL. @default https://<the deployment's domain> */
  readonly url?: string;
  readonly dryRun?: boolean;
  /** Undeclared libraries to delete by name, even with assets. */
  readonly delete?: readonly string[];
  readonly scanAll?: boolean;
  readonly json?: boolean;
}

/** An API key as Immich issues them (base64url-ish, no spaces); bounded so that nothing odd reaches a header. */
const API_KEY = /^[A-Za-z0-9_\-+/=.]{16,512}$/;
const NAME = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;

/** Immich's base URL: http(s), no credentials, no query; `/api` is appended. */
export function immichUrlProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `--url: expected a URL like https://photos.example.com (got ${JSON.stringify(url.slice(0, 100))})`;
  }
  if (!["http:", "https:"].includes(u.protocol) || u.username || u.password || u.search || u.hash) {
    return `--url: expected http(s)://host[:port][/path] without credentials, query or fragment (got ${JSON.stringify(url.slice(0, 100))})`;
  }
  return undefined;
}

/** What went wrong talking to Immich, without the key and with Immich's own message when it gave one. */
function apiFailure(what: string, e: unknown): string {
  const err = e as { status?: number; data?: { message?: unknown }; message?: string; cause?: { code?: string; message?: string } };
  if (typeof err.status === "number") {
    const said = Array.isArray(err.data?.message) ? err.data.message.join("; ") : typeof err.data?.message === "string" ? err.data.message : "";
    const hint = err.status === 401 || err.status === 403 ? ` (is ${API_KEY_VARIABLE} an admin's key with the library and user permissions?)` : "";
    return `${what}: Immich answered ${err.status}${said ? `: ${visible(said.slice(0, 300))}` : ""}${hint}`;
  }
  return `${what}: ${visible(String(err.cause?.code ?? err.cause?.message ?? err.message ?? e).slice(0, 300))}`;
}

/**
 * `libraries sync`: makes Immich's external libraries what the deployment declares (create, update import paths
 * and exclusions, scan), deletes only what `--delete` names. Exit codes are plan-report's: 0 nothing to do,
 * 2 safe, 3 maintenance (assets go offline or are removed), 4 blocked (nothing done), 5 invalid input, 1 failure.
 */
export async function librariesSyncCommand(opts: LibrariesSyncOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const deployment = loadDeploymentFile(opts.deployment);
  const url = opts.url ?? `https://${deployment.domain}`;
  const urlProblem = immichUrlProblem(url);
  const badName = (opts.delete ?? []).find((n) => !NAME.test(n));
  const key = env[API_KEY_VARIABLE];
  const invalid = urlProblem ?? (badName !== undefined ? `--delete: expected a library name (got ${JSON.stringify(badName.slice(0, 64))})` : undefined) ??
    (key === undefined || key === "" ? `${API_KEY_VARIABLE} is not set (expected an Immich admin's API key in the environment, never on the command line)` : !API_KEY.test(key) ? `${API_KEY_VARIABLE} does not look like an Immich API key (expected 16-512 letters, digits, - _ + / = .)` : undefined);
  if (invalid) {
    io.err(`immich-iac: libraries sync: ${invalid}\n`);
    return EXIT_VERDICT_INVALID_INPUT;
  }
  const api = { baseUrl: `${url.replace(/\/+$/, "")}/api`, headers: { "x-api-key": key! } };

  let plan;
  try {
    const [users, libraries] = await Promise.all([searchUsersAdmin({}, api), getAllLibraries(api)]);
    plan = planLibrarySync(desiredLibraries(deployment.libraries.external, deployment.auth.users), libraries, users, {
      deleteNames: opts.delete ?? [],
      scanAll: opts.scanAll ?? false,
    });
  } catch (e) {
    io.err(`immich-iac: libraries sync: ${apiFailure("reading Immich's users and libraries", e)}\n`);
    return EXIT_FAILURE;
  }

  const done: string[] = [];
  if (!opts.dryRun && plan.class !== RiskClass.BLOCKED) {
    const created = new Map<string, string>();
    for (const a of plan.actions) {
      try {
        await apply(a, api, created);
        done.push(describeAction(a));
      } catch (e) {
        io.err(`immich-iac: libraries sync: ${apiFailure(describeAction(a), e)}\n`);
        for (const line of done) io.err(`  done before the failure: ${line}\n`);
        return EXIT_FAILURE;
      }
    }
  }
  const lines = plan.actions.map(describeAction);
  if (opts.json) {
    io.out(`${JSON.stringify({ class: RiskClass[plan.class].toLowerCase(), dryRun: opts.dryRun ?? false, actions: lines, untouched: plan.untouched, problems: plan.problems }, null, 2)}\n`);
  } else {
    const verb = opts.dryRun ? "would" : "did";
    for (const p of plan.problems) io.out(`BLOCKED: ${p}\n`);
    for (const l of lines) io.out(`${verb}: ${l}\n`);
    for (const n of plan.untouched) io.out(`left alone: library ${n} (not in the deployment; --delete ${n} removes it and its assets from Immich)\n`);
    if (plan.problems.length === 0 && lines.length === 0) io.out("libraries in sync: nothing to do\n");
    if (plan.problems.length > 0) io.out("nothing was changed\n");
  }
  return plan.class;
}

async function apply(a: SyncAction, api: { baseUrl: string; headers: Record<string, string> }, created: Map<string, string>): Promise<void> {
  switch (a.kind) {
    case "create":
      created.set(a.name, (await createLibrary({ createLibraryDto: a.dto }, api)).id);
      return;
    case "update":
      await updateLibrary({ id: a.id, updateLibraryDto: a.dto }, api);
      return;
    case "scan":
      await scanLibrary({ id: a.id ?? created.get(a.name)! }, api);
      return;
    case "delete":
      await deleteLibrary({ id: a.id }, api);
      return;
  }
}
