import { execa } from "execa";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import type { ImportPressureTuning } from "../tuning/import-pressure.js";
import { formatProgress, ImportJournal, planBatches, type BatchOutcome, type ImportFile } from "./import-batches.js";
import { judgePressure, type PressureReading } from "./import-pressure.js";

/**
 * The batch import: Immich's own CLI (`immich upload`, the way upstream documents bringing an old library in)
 * run once per batch of explicit files, with a pressure check before each batch and a journal after it.
 */
export interface ImportRunOptions {
  readonly dirs: readonly string[];
  readonly journal: ImportJournal;
  readonly thresholds: ImportPressureTuning;
  readonly readPressure: () => Promise<PressureReading>;
  /** Immich's API base URL, `…/api`. */
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Extensions Immich accepts (`.jpg`…), from GET /server/media-types. */
  readonly extensions: ReadonlySet<string>;
  /** How to run @immich/cli: the command and its leading arguments (`[node, bin]` or `[immich]`). */
  readonly cli: readonly string[];
  readonly pollSeconds: number;
  readonly out: (line: string) => void;
  readonly sleep?: (seconds: number) => Promise<void>;
}

export interface ImportSummary {
  readonly uploaded: number;
  readonly duplicates: number;
  readonly failed: readonly { readonly path: string; readonly reason: string }[];
  /** Files found this run that a previous run had already handled. */
  readonly resumedPast: number;
}

/** Every file below the folders with an extension Immich accepts, sorted; hidden folders and files are skipped. */
export function collectFiles(dirs: readonly string[], extensions: ReadonlySet<string>): ImportFile[] {
  const files: ImportFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && extensions.has(extname(e.name).toLowerCase())) files.push({ path, bytes: statSync(path).size });
    }
  };
  for (const d of dirs) walk(resolve(d));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The CLI's `--json-output` object: printed whole, indented, between a line `{` and a line `}`. In both lists `id`
 * is Immich's asset id and `filepath` the local file (@immich/cli 3.2.2, checkForDuplicates and uploadFiles).
 */
export function parseCliJson(stdout: string): { newAssets: { id: string; filepath: string }[]; duplicates: { id: string; filepath: string }[] } | undefined {
  const lines = stdout.split("\n");
  const start = lines.indexOf("{");
  const end = lines.lastIndexOf("}");
  if (start < 0 || end < start) return undefined;
  try {
    const j = JSON.parse(lines.slice(start, end + 1).join("\n")) as { newAssets?: unknown; duplicates?: unknown };
    if (!Array.isArray(j.newAssets) || !Array.isArray(j.duplicates)) return undefined;
    return j as ReturnType<typeof parseCliJson>;
  } catch {
    return undefined;
  }
}

/** `- <path> - <error>` lines the CLI prints for files it failed to hash or upload. */
export function cliFailures(stdout: string, files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("- ")) continue;
    const path = files.find((f) => line.startsWith(`- ${f} - `));
    if (path) out.set(path, line.slice(path.length + 5).slice(0, 300));
  }
  return out;
}

export async function runImport(o: ImportRunOptions): Promise<ImportSummary> {
  const sleep = o.sleep ?? ((s: number) => new Promise<void>((r) => setTimeout(r, s * 1000)));
  const all = collectFiles(o.dirs, o.extensions);
  const done = o.journal.done();
  const todo = all.filter((f) => !done.has(f.path));
  const totalBytes = all.reduce((n, f) => n + f.bytes, 0);
  let doneBytes = all.filter((f) => done.has(f.path)).reduce((n, f) => n + f.bytes, 0);
  let doneFiles = all.length - todo.length;
  if (doneFiles > 0) o.out(`resuming: ${doneFiles} of ${all.length} files were handled by an earlier run (journal ${o.journal.file})`);
  const batches = planBatches(todo, o.thresholds.batchFiles.value, o.thresholds.batchBytes.value);
  const started = Date.now();
  let bytesThisRun = 0;
  // The CLI keeps an auth file; a directory of its own per run keeps the key out of the operator's home.
  const config = mkdtempSync(join(tmpdir(), "immich-iac-import-"));
  try {
    for (const [i, batch] of batches.entries()) {
      for (;;) {
        const verdict = judgePressure(await o.readPressure(), o.thresholds);
        if (!verdict.wait) break;
        o.out(`waiting before batch ${i + 1}/${batches.length}: ${verdict.reasons.join(", ")}`);
        await sleep(o.pollSeconds);
      }
      const paths = batch.map((f) => f.path);
      const r = await execa(o.cli[0]!, [...o.cli.slice(1), "upload", "--json-output", "--no-progress", "--concurrency", String(o.thresholds.uploadConcurrency.value), "--", ...paths], {
        reject: false,
        env: { IMMICH_INSTANCE_URL: o.apiUrl, IMMICH_API_KEY: o.apiKey, IMMICH_CONFIG_DIR: config },
        extendEnv: true,
      });
      const result = parseCliJson(r.stdout);
      if (r.exitCode !== 0 || !result) {
        const said = `${r.stdout}\n${r.stderr}`.replaceAll(o.apiKey, "<key>").trim().split("\n").slice(-5).join("\n");
        throw new Error(`batch ${i + 1}/${batches.length}: immich upload failed (exit ${r.exitCode}); nothing of this batch is in the journal, a new run retries it:\n${said}`);
      }
      const uploaded = new Set(result.newAssets.map((a) => a.filepath));
      const duplicates = new Set(result.duplicates.map((d) => d.filepath));
      const failures = cliFailures(r.stdout, paths);
      const outcome: BatchOutcome = {
        files: paths,
        uploaded: uploaded.size,
        duplicates: duplicates.size,
        failed: paths.filter((p) => !uploaded.has(p) && !duplicates.has(p)).map((p) => ({ path: p, reason: failures.get(p) ?? "not uploaded (see immich upload's output)" })),
      };
      o.journal.record(outcome);
      const bytes = batch.reduce((n, f) => n + f.bytes, 0);
      doneBytes += bytes;
      bytesThisRun += bytes;
      doneFiles += batch.length;
      o.out(
        `batch ${i + 1}/${batches.length}: ${outcome.uploaded} uploaded, ${outcome.duplicates} duplicates, ${outcome.failed.length} failed; ` +
          formatProgress({ doneFiles, totalFiles: all.length, doneBytes, totalBytes, bytesThisRun, secondsThisRun: (Date.now() - started) / 1000 }),
      );
    }
  } finally {
    rmSync(config, { recursive: true, force: true });
  }
  return { ...o.journal.summary(), resumedPast: all.length - todo.length };
}
