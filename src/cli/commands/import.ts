import { getSupportedMediaTypes } from "@immich/sdk";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { loadDeploymentFile, type Deployment } from "../../deployment/load-deployment.js";
import { deploymentTuning } from "../../deployment/deployment-tuning.js";
import { ImportJournal } from "../../libraries/import-batches.js";
import { HOST_READING_SCRIPT, parseHostReading, prometheusScalar, PROMETHEUS_QUERIES, type PressureReading } from "../../libraries/import-pressure.js";
import { runImport } from "../../libraries/import-run.js";
import { visible } from "../../profile/problems.js";
import { tuneImportPressure } from "../../tuning/import-pressure.js";
import { runOnHost } from "../host-exec.js";
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from "../io.js";
import { API_KEY_VARIABLE, immichUrlProblem } from "./libraries.js";

export interface ImportOptions {
  readonly deployment: string;
  readonly url?: string;
  /** Prometheus' URL (monitoring on, reached e.g. through an SSH tunnel): readings from it instead of SSH. */
  readonly prometheus?: string;
  readonly journal?: string;
  readonly pollSeconds?: string;
}

/** How to run @immich/cli: IMMICH_IAC_IMMICH_CLI (its `immich` script), run by IMMICH_IAC_IMMICH_NODE when set (it needs Node ≥ 22). */
function cliCommand(env: NodeJS.ProcessEnv): string[] {
  const bin = env.IMMICH_IAC_IMMICH_CLI ?? "immich";
  return env.IMMICH_IAC_IMMICH_NODE ? [env.IMMICH_IAC_IMMICH_NODE, bin] : [bin];
}

/**
 * Where the readings come from: Prometheus when given (node exporter's PSI and hwmon, the SMART exporter), else
 * the host itself (/proc/pressure/io, /sys/class/hwmon) over the deploy user's SSH. IMMICH_IAC_IMPORT_READINGS
 * names a file in the host script's output format instead: the test seam for forcing a reading.
 */
function pressureReader(d: Deployment, opts: ImportOptions, env: NodeJS.ProcessEnv): () => Promise<PressureReading> {
  const file = env.IMMICH_IAC_IMPORT_READINGS;
  if (file) return async () => parseHostReading(existsSync(file) ? readFileSync(file, "utf8") : "");
  if (opts.prometheus) {
    const base = opts.prometheus.replace(/\/+$/, "");
    return async () => {
      const value = async (q: string) => {
        try {
          const r = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(q)}`);
          return prometheusScalar(await r.json());
        } catch {
          return undefined;
        }
      };
      const [io, drive, cpu] = await Promise.all([value(PROMETHEUS_QUERIES.ioSomeAvg10), value(PROMETHEUS_QUERIES.driveTempC), value(PROMETHEUS_QUERIES.cpuTempC)]);
      return { ...(io !== undefined ? { ioSomeAvg10: io } : {}), ...(drive !== undefined ? { driveTempC: drive } : {}), ...(cpu !== undefined ? { cpuTempC: cpu } : {}) };
    };
  }
  return async () => {
    try {
      const r = await runOnHost(d, HOST_READING_SCRIPT, [], "pipe");
      return r.exitCode === 0 ? parseHostReading(r.stdout) : {};
    } catch {
      return {}; // unreadable: reported as unknown, never waited on
    }
  };
}

/**
 * `import <dir>…`: uploads the folders' photos and videos with @immich/cli in batches, waiting between batches
 * while the host is under pressure, with a journal for resuming. Exit 0 when every file was uploaded or was a
 * duplicate, 1 when some failed (listed) or the upload stopped, 2 on invalid input.
 */
export async function importCommand(dirs: readonly string[], opts: ImportOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const d = loadDeploymentFile(opts.deployment);
  const url = opts.url ?? `https://${d.domain}`;
  const key = env[API_KEY_VARIABLE];
  const poll = opts.pollSeconds === undefined ? 30 : /^\d{1,4}$/.test(opts.pollSeconds) ? Number(opts.pollSeconds) : NaN;
  const missingDir = dirs.find((x) => !existsSync(x) || !statSync(x).isDirectory());
  const invalid =
    immichUrlProblem(url) ??
    (opts.prometheus !== undefined ? immichUrlProblem(opts.prometheus)?.replace("--url", "--prometheus") : undefined) ??
    (missingDir !== undefined ? `not a folder: ${JSON.stringify(missingDir.slice(0, 200))}` : undefined) ??
    (Number.isNaN(poll) || poll < 1 ? "--poll-seconds: expected whole seconds, 1-9999" : undefined) ??
    (!key || !/^[A-Za-z0-9_\-+/=.]{16,512}$/.test(key) ? `${API_KEY_VARIABLE} is not set or not an Immich API key (expected the uploading user's key in the environment)` : undefined);
  if (invalid) {
    io.err(`immich-iac: import: ${invalid}\n`);
    return EXIT_INVALID_INPUT;
  }
  const apiUrl = `${url.replace(/\/+$/, "")}/api`;
  const absolute = dirs.map((x) => resolve(x)).sort();
  const journalFile =
    opts.journal ?? join(env.XDG_STATE_HOME ?? join(homedir(), ".local", "state"), "immich-iac", `import-${d.name}-${createHash("sha256").update(absolute.join("\n")).digest("hex").slice(0, 16)}.jsonl`);
  mkdirSync(resolve(journalFile, ".."), { recursive: true, mode: 0o700 });
  const thresholds = tuneImportPressure(d.profile, deploymentTuning(d).jobs);
  let extensions: Set<string>;
  try {
    const types = await getSupportedMediaTypes({ baseUrl: apiUrl, headers: { "x-api-key": key! } });
    extensions = new Set([...types.image, ...types.video].map((e) => e.toLowerCase()));
  } catch (e) {
    io.err(`immich-iac: import: reading Immich's media types: ${visible(String((e as { status?: number }).status ?? (e as Error).message)).slice(0, 200)}\n`);
    return EXIT_FAILURE;
  }
  io.out(
    `thresholds (${d.profile.metadata.name}): I/O stall ${thresholds.ioSomeAvg10MaxPercent.value} %, drives ${thresholds.driveTempMaxC.value} °C, CPU ${thresholds.cpuTempMaxC.value} °C; ` +
      `batches of ${thresholds.batchFiles.value} files / ${Math.round(thresholds.batchBytes.value / 1024 / 1024)} MiB, ${thresholds.uploadConcurrency.value} uploads at once\n`,
  );
  try {
    const s = await runImport({
      dirs: absolute,
      journal: new ImportJournal(journalFile),
      thresholds,
      readPressure: pressureReader(d, opts, env),
      apiUrl,
      apiKey: key!,
      extensions,
      cli: cliCommand(env),
      pollSeconds: poll,
      out: (line) => io.out(`${line}\n`),
    });
    io.out(`summary: ${s.uploaded} uploaded, ${s.duplicates} duplicates skipped, ${s.failed.length} failed\n`);
    for (const f of s.failed) io.out(`  failed: ${f.path}: ${f.reason}\n`);
    return s.failed.length === 0 ? EXIT_OK : EXIT_FAILURE;
  } catch (e) {
    io.err(`immich-iac: import: ${visible((e as Error).message)}\n`);
    return EXIT_FAILURE;
  }
}
