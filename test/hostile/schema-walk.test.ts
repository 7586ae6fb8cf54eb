import { execa } from "execa";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { renderFiles } from "../../stacks/synth.js";
import { DeploymentSchema } from "../../src/deployment/deployment-schema.js";
import { deploymentForProfile, loadDeploymentFile, type Deployment } from "../../src/deployment/load-deployment.js";
import { deploymentTuning } from "../../src/deployment/deployment-tuning.js";
import { deriveHostPlan, deriveNodeHostPlan } from "../../src/host/derive-host-plan.js";
import { renderHostScripts } from "../../src/renderers/host/index.js";
import { renderPostgresOverride } from "../../src/renderers/postgres-conf.js";
import { renderRedisConf } from "../../src/renderers/redis-conf.js";
import { queueKeyPatterns } from "../../src/renderers/monitoring/prometheus.js";
import { HardwareProfileSchema } from "../../src/profile/hardware-profile-schema.js";
import { loadProfileFile } from "../../src/profile/load-profile.js";
import { formatProblem, InputError } from "../../src/profile/problems.js";
import { immichSdkConfigValidator } from "../immich-sdk-schema.js";
import { REPO } from "../util.js";
import { BAIT_SECRETS, writeBait } from "./corpus.js";
import { renderedProblems } from "./rendered-checks.js";
import { allCases, allFields, BASES_DIR, contextsOf, EACH, fieldName, loadBases, selectCases, type WalkCase } from "./schema-walk.js";
import { SHELLCHECK } from "../tools.js";

/**
 * The schema walk's cases (test/hostile/schema-walk.ts) through the loaders and the render path in-process, with
 * the corpus's judges: refused with located problems only (never another exception), within a time and memory
 * bound per case; accepted only if no rule says it must be refused, and then every rendered file passes the value
 * checks and Immich's config schema, every host script `bash -n` and shellcheck (batched, deduplicated by content).
 * A sample also goes through the compiled CLI, to check exit codes and the shape of stderr.
 *
 * HOSTILE_CASES sets the number of cases (20,000 under CI, 2,000 elsewhere), HOSTILE_SEED their selection.
 */
const N = Number(process.env.HOSTILE_CASES ?? (process.env.CI ? 20_000 : 2_000));
const SEED = Number(process.env.HOSTILE_SEED ?? 20261203);
const CLI_SAMPLE = Number(process.env.HOSTILE_CLI_CASES ?? (process.env.CI ? 200 : 20));
/**
 * Accepted cases rendered through the whole stack (`renderFiles`, what `render` writes; about 0.2 s each): the
 * first of each field and hostile kind, up to this many. Every other accepted case renders the files its values
 * reach without the stack: host scripts (the Immich host's and each ML node's), PostgreSQL and Redis settings.
 */
const FULL_RENDERS = Number(process.env.HOSTILE_RENDERS ?? (process.env.CI ? 200 : 40));
/** Per case, loading and rendering each (the corpus allows 10 s for a whole CLI process). */
const LOAD_LIMIT_MS = 2_000;
const RENDER_LIMIT_MS = 5_000;
/** How much one case may raise the process's peak RSS. */
const CASE_RSS_GROWTH_KIB = 256 * 1024;
const PEAK_RSS_KIB = 2 * 1024 * 1024;
const LOCATED = /^.+:\d+:\d+: \S.*: .+$/;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/;
const immichConfig = immichSdkConfigValidator();

/**
 * Findings that belong to items of issue 20 other work is fixing: each says which item. A known failure that
 * no longer happens fails the test too, so that this list only holds what is still true: delete its line.
 */
interface Known {
  readonly item: string;
  readonly field: RegExp;
  readonly kind: RegExp;
  readonly verdict: Verdict;
}
// Findings not fixed yet, each with the issue item it belongs to; an entry that no longer fails must be removed.
const KNOWN_FAILURES: readonly Known[] = [];

type Verdict = "warning" | "crash" | "unlocated" | "slow" | "memory" | "accepted-but-must-be-refused" | "render-crash" | "render-problem" | "shell";

interface Failure {
  readonly id: string;
  readonly verdict: Verdict;
  readonly detail: string;
}

const scratch = mkdtempSync(join(tmpdir(), "iac-schema-walk-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One directory per kind of file under test, each with the files its documents point at. */
const dirs = {
  profile: join(scratch, "profile"),
  deployment: join(scratch, "deployment"),
  node: join(scratch, "node"),
  cli: join(scratch, "cli"),
};
for (const d of Object.values(dirs)) {
  mkdirSync(d);
  writeBait(d);
  copyFileSync(join(BASES_DIR, "ml-node.yaml"), join(d, "ml-node.yaml"));
  copyFileSync(join(BASES_DIR, "rich-deployment.yaml"), join(d, "rich-deployment.yaml"));
}

/** Where a case's text is written, how it is loaded, and the deployment that renders it once accepted. */
function target(c: WalkCase): { file: string; load: () => unknown; deployment: (loaded: unknown) => Deployment } {
  if (c.doc === "deployment") {
    const file = join(dirs.deployment, "d.yaml");
    return { file, load: () => loadDeploymentFile(file), deployment: (d) => d as Deployment };
  }
  if (c.base.renderAs === "ml-node") {
    // The node's profile is judged as the rich deployment's ML node.
    const file = join(dirs.node, "ml-node.yaml");
    return { file, load: () => loadProfileFile(file), deployment: () => loadDeploymentFile(join(dirs.node, "rich-deployment.yaml")) };
  }
  const file = join(dirs.profile, "p.yaml");
  return { file, load: () => loadProfileFile(file), deployment: () => deploymentForProfile(file) };
}

/** Every ACL user, each with a stand-in SHA-256 (the stack fills the real one in at apply time). */
const REDIS_USERS = { immich: "0".repeat(64), authelia: "1".repeat(64), exporter: "2".repeat(64), healthcheck: "3".repeat(64) } as const;

/** The files a deployment's values reach that need no stack: host scripts, PostgreSQL and Redis settings. */
function stacklessFiles(d: Deployment): Record<string, string> {
  const t = deploymentTuning(d);
  return {
    "postgres/postgresql.override.conf": renderPostgresOverride(t.postgres.settings, d.name),
    "redis/redis.conf": renderRedisConf(t.redis.settings, { dataDir: "/data", port: 6379, users: REDIS_USERS, exporterKeyPatterns: queueKeyPatterns() }, d.name),
    ...Object.fromEntries(renderHostScripts(deriveHostPlan(d, t)).map((h) => [`host/${h.file}`, h.content])),
    ...Object.fromEntries(
      d.mlNodes.flatMap((n) => renderHostScripts(deriveNodeHostPlan(d, n, t.mlNodes.find((m) => m.name === n.name)!)).map((h) => [`ml-nodes/${n.name}/host/${h.file}`, h.content])),
    ),
  };
}

const scripts = new Map<string, { content: string; name: string; id: string }>();
const rendered = new Set<string>();
const fullyRendered = new Set<string>();
const failures: Failure[] = [];
const stats = { cases: 0, refused: 0, accepted: 0, renders: 0, fullRenders: 0, renderRefused: 0, slowestLoadMs: 0, slowestRenderMs: 0, loadMs: 0, renderMs: 0, textMs: 0, shellMs: 0 };

const digest = (text: string) => createHash("sha256").update(text).digest("hex");
const firstLine = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split("\n")[0]!.slice(0, 300);

/** Problems of an InputError that break the contract: unlocated, raw control characters, bait content. */
function problemsOfError(e: InputError, file: string, text: string): string[] {
  const bad: string[] = [];
  if (e.problems.length === 0) bad.push("an InputError without problems");
  const lines = text.split("\n").length;
  for (const p of e.problems) {
    const line = formatProblem(p);
    if (!LOCATED.test(line)) bad.push(`not located: ${line.slice(0, 200)}`);
    if (RAW_CONTROL.test(line)) bad.push(`raw control character in: ${JSON.stringify(line.slice(0, 200))}`);
    for (const s of BAIT_SECRETS) if (line.includes(s)) bad.push(`quotes bait file content: ${line.slice(0, 200)}`);
    // A problem of this file points into it; one of a referenced file (the profile) is its own business.
    if (p.file === file && (p.line < 1 || p.col < 1 || p.line > lines + 1)) bad.push(`position ${p.line}:${p.col} outside the file (${lines} lines)`);
  }
  return bad;
}

function judge(c: WalkCase): "refused" | "accepted" {
  const t0 = performance.now();
  const text = c.text();
  stats.textMs += performance.now() - t0;
  const t = target(c);
  writeFileSync(t.file, text);
  const fail = (verdict: Verdict, detail: string) => failures.push({ id: c.id, verdict, detail });
  // A warning (the yaml library's, Node's) reaches stderr unlocated: it is recorded, not printed.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((w: string | Error) => fail("warning", firstLine(w))) as typeof process.emitWarning;
  try {
    return judgeLoaded(c, text, t, fail);
  } finally {
    process.emitWarning = emitWarning;
  }
}

function judgeLoaded(c: WalkCase, text: string, t: ReturnType<typeof target>, fail: (verdict: Verdict, detail: string) => void): "refused" | "accepted" {
  const rssBefore = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let loaded: unknown;
  let outcome: "refused" | "accepted";
  try {
    loaded = t.load();
    outcome = "accepted";
  } catch (e) {
    if (!(e instanceof InputError)) {
      fail("crash", firstLine(e));
      return "refused";
    }
    const bad = problemsOfError(e, t.file, text);
    if (bad.length > 0) fail("unlocated", bad.join("; "));
    outcome = "refused";
  }
  const loadMs = performance.now() - t0;
  stats.loadMs += loadMs;
  stats.slowestLoadMs = Math.max(stats.slowestLoadMs, loadMs);
  if (loadMs > LOAD_LIMIT_MS) fail("slow", `loading took ${Math.round(loadMs)} ms (limit ${LOAD_LIMIT_MS})`);
  if (outcome === "accepted") {
    if (c.expect === "refused") fail("accepted-but-must-be-refused", `${c.field} = ${injected(c, text)}`);
    const key = digest(JSON.stringify(loaded));
    if (!rendered.has(key)) {
      rendered.add(key);
      const kind = `${c.doc}/${c.field}/${c.kind}`;
      const full = !fullyRendered.has(kind) && stats.fullRenders < FULL_RENDERS;
      if (full) {
        fullyRendered.add(kind);
        stats.fullRenders++;
      }
      renderAndCheck(c, (l) => {
        const d = t.deployment(l);
        return full ? renderFiles(d) : stacklessFiles(d);
      }, loaded, fail);
    }
  }
  const growth = process.resourceUsage().maxRSS - rssBefore;
  if (growth > CASE_RSS_GROWTH_KIB) fail("memory", `peak RSS grew by ${Math.round(growth / 1024)} MiB`);
  return outcome;
}

function renderAndCheck(c: WalkCase, render: (l: unknown) => Record<string, string>, loaded: unknown, fail: (v: Verdict, d: string) => void): void {
  const t0 = performance.now();
  let files: Record<string, string>;
  try {
    stats.renders++;
    files = render(loaded);
  } catch (e) {
    // `render --profile` refuses some valid profiles (a name too long for a deployment) with a located error.
    if (e instanceof InputError) {
      stats.renderRefused++;
      const bad = problemsOfError(e, "", "");
      if (bad.length > 0) fail("unlocated", bad.join("; "));
    } else fail("render-crash", firstLine(e));
    return;
  } finally {
    const ms = performance.now() - t0;
    stats.renderMs += ms;
    stats.slowestRenderMs = Math.max(stats.slowestRenderMs, ms);
    if (ms > RENDER_LIMIT_MS) fail("slow", `rendering took ${Math.round(ms)} ms (limit ${RENDER_LIMIT_MS})`);
  }
  const problems = renderedProblems(files, immichConfig);
  if (problems.length > 0) fail("render-problem", problems.join("; ").slice(0, 500));
  for (const [name, content] of Object.entries(files)) {
    if (!name.endsWith(".sh")) continue;
    const h = digest(content);
    if (!scripts.has(h)) scripts.set(h, { content, name, id: c.id });
  }
}

/** The injected value, short and printable, for a failure message. */
function injected(c: WalkCase, text: string): string {
  const parts = c.path.map(String);
  const last = parts.at(-1) ?? "";
  const line = text.split("\n").find((l) => l.trimStart().startsWith(`${last}:`) || l.trimStart().startsWith(`- ${last}:`));
  return `${c.kind}${line ? ` (${JSON.stringify(line.trim().slice(0, 120))})` : ""}`;
}

function isKnown(f: Failure): Known | undefined {
  return KNOWN_FAILURES.find((k) => k.verdict === f.verdict && k.field.test(f.id) && k.kind.test(f.id));
}

const cases = selectCases(allCases(), N, SEED);

// Outside CI a missing shellcheck is a listed skip, not a silent pass.
if (!SHELLCHECK.ok) it.skip(`host scripts of the schema walk judged by shellcheck (skipped: ${SHELLCHECK.reason}; bash -n still runs)`, () => {});

describe(`the schema walk: ${N} hostile cases of every field of profiles and deployments`, () => {
  it("reaches every leaf of both schemas: each field of the JSON Schema zod generates has cases", () => {
    const attacked = new Set(allCases().map((c) => `${c.doc}/${c.field}`));
    for (const [doc, schema] of [["profile", HardwareProfileSchema], ["deployment", DeploymentSchema]] as const) {
      const leaves = jsonSchemaLeaves(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema);
      expect(leaves.length).toBeGreaterThan(doc === "profile" ? 25 : 60);
      const missing = leaves.filter((l) => !attacked.has(`${doc}/${l}`));
      expect(missing, `fields of the ${doc} schema the walk does not attack`).toEqual([]);
    }
  });

  it("attacks every field in a document that is otherwise valid: each has a base holding its parent", () => {
    const bases = loadBases();
    const orphans = allFields()
      .filter((f) => contextsOf(f, bases).length === 0)
      .map((f) => `${f.doc}/${fieldName(f.pattern)}${f.branch ? ` (${f.branch.discriminator}: ${f.branch.value})` : ""}`);
    // The filesystem notifier has no field but its mode: it is written into the rich deployment by the walk.
    expect(orphans, "set these fields in test/hostile/schema-walk-bases/ so their hostile values are judged in a valid document").toEqual([
      "deployment/spec.auth.notifier (mode: filesystem)",
      "deployment/spec.auth.notifier.mode (mode: filesystem)",
    ]);
  });

  it("each base document is valid as it is", () => {
    for (const b of loadBases()) {
      const c = { doc: b.doc, base: b, text: () => b.text, id: `${b.doc}/${b.name}/(base)`, field: "(base)", kind: "base", path: [], expect: "either" } as WalkCase;
      expect(judge(c), b.name).toBe("accepted");
    }
    expect(failures).toEqual([]);
  });

  it(`every case is refused with located problems or accepted and valid for its consumers (seed ${SEED})`, async () => {
    expect(cases.length).toBe(N);
    expect(new Set(cases.map((c) => c.id)).size).toBe(N);
    const started = performance.now();
    for (const [i, c] of cases.entries()) {
      stats.cases++;
      if (judge(c) === "refused") stats.refused++;
      else stats.accepted++;
      // Let vitest's worker talk to its parent now and then: the loop is synchronous.
      if (i % 50 === 49) await new Promise((r) => setImmediate(r));
    }
    expect(process.resourceUsage().maxRSS, "peak RSS (KiB)").toBeLessThan(PEAK_RSS_KIB);
    const shellStarted = performance.now();
    failures.push(...(await shellFailures()));
    stats.shellMs = performance.now() - shellStarted;
    const totalMs = performance.now() - started;
    console.log(
      `schema walk: ${stats.cases} cases (${stats.refused} refused, ${stats.accepted} accepted), ${stats.renders} distinct renders (${stats.fullRenders} through the whole stack, ${stats.renderRefused} refused by render), ` +
        `${scripts.size} distinct host scripts; ${Math.round(totalMs / 1000)} s (loading ${Math.round(stats.loadMs / 1000)} s, slowest ${Math.round(stats.slowestLoadMs)} ms; ` +
        `rendering ${Math.round(stats.renderMs / 1000)} s, slowest ${Math.round(stats.slowestRenderMs)} ms; writing cases ${Math.round(stats.textMs / 1000)} s; ` +
        `bash -n and shellcheck ${Math.round(stats.shellMs / 1000)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)`,
    );
    const unknown = failures.filter((f) => !isKnown(f));
    const stale = KNOWN_FAILURES.filter((k) => !failures.some((f) => isKnown(f) === k));
    const shown = (fs: readonly Failure[]) => fs.slice(0, 60).map((f) => `${f.verdict}: ${f.id}: ${f.detail}`);
    expect(shown(unknown), `${unknown.length} failures`).toEqual([]);
    // With fewer cases than CI runs, a known failure may simply not have been drawn.
    if (N >= 20_000) expect(stale.map((k) => `${k.item}: ${k.field} ${k.kind} ${k.verdict}`), "known failures that no longer fail: delete them").toEqual([]);
  }, 900_000);

  it(`a sample of ${CLI_SAMPLE} cases through the compiled CLI: exit 2 with located lines, or 0`, async () => {
    const bin = join(REPO, "dist", "immich-iac.cjs");
    const rss = join(REPO, "bench", "report-rss.cjs");
    const step = Math.max(1, Math.floor(cases.length / CLI_SAMPLE));
    const sample = cases.filter((_, i) => i % step === 0).slice(0, CLI_SAMPLE);
    const bad: string[] = [];
    const run = async (c: WalkCase, k: number) => {
      const dir = join(dirs.cli, String(k));
      mkdirSync(dir);
      for (const f of ["ml-node.yaml", "rich-deployment.yaml"]) copyFileSync(join(dirs.cli, f), join(dir, f));
      writeBait(dir);
      // The node's profile is checked as the rich deployment's node, like the in-process judge does.
      const file = c.base.renderAs === "ml-node" ? join(dir, "ml-node.yaml") : join(dir, c.doc === "deployment" ? "d.yaml" : "p.yaml");
      writeFileSync(file, c.text());
      const args = c.base.renderAs === "ml-node" ? ["validate", join(dir, "rich-deployment.yaml")] : ["validate", file];
      // CPU time bounds the work; the wall-time limit only catches a hang (a loaded machine is slow).
      const r = await execa("node", ["-r", rss, bin, ...args], { cwd: dir, reject: false, timeout: 60_000, env: { BENCH_RSS_FILE: join(dir, ".rss"), BENCH_CPU_FILE: join(dir, ".cpu") } });
      const cpuMs = existsSync(join(dir, ".cpu")) ? Number(readFileSync(join(dir, ".cpu"), "utf8")) : Number.NaN;
      const output = `${r.stdout}${r.stderr}`;
      const peak = existsSync(join(dir, ".rss")) ? Number(readFileSync(join(dir, ".rss"), "utf8")) : Number.NaN;
      if (r.timedOut) bad.push(`${c.id}: hung (no exit within 60 s)`);
      else if (!(cpuMs < 10_000)) bad.push(`${c.id}: CPU time ${cpuMs} ms`);
      else if (![0, 2].includes(r.exitCode ?? -1)) bad.push(`${c.id}: exit ${r.exitCode}: ${output.slice(0, 300)}`);
      if (!(peak < 1024 * 1024)) bad.push(`${c.id}: peak RSS ${peak} KiB`);
      if (/^\s+at .+:\d+:\d+\)?$/m.test(output)) bad.push(`${c.id}: a stack trace`);
      if (RAW_CONTROL.test(output)) bad.push(`${c.id}: raw control characters`);
      for (const s of BAIT_SECRETS) if (output.includes(s)) bad.push(`${c.id}: bait content`);
      if (r.exitCode === 2) for (const line of r.stderr.split("\n").filter(Boolean)) if (!LOCATED.test(line)) bad.push(`${c.id}: unlocated line ${line.slice(0, 200)}`);
      if (r.exitCode === 0 && c.expect === "refused" && !failures.some((f) => f.id === c.id)) bad.push(`${c.id}: the CLI accepts what must be refused`);
    };
    // Two at a time: the machine has two cores.
    for (let i = 0; i < sample.length; i += 2) await Promise.all(sample.slice(i, i + 2).map((c, j) => run(c, i + j)));
    const unknown = bad.filter((b) => !KNOWN_FAILURES.some((k) => k.field.test(b) && k.kind.test(b.split(": ")[0]!)));
    expect(unknown).toEqual([]);
  }, 900_000);
});

/** bash -n and shellcheck over every distinct host script, in batches (one shellcheck process per batch). */
async function shellFailures(): Promise<Failure[]> {
  const out: Failure[] = [];
  const dir = join(scratch, "scripts");
  mkdirSync(dir, { recursive: true });
  const all = [...scripts.entries()].map(([h, s]) => {
    const file = join(dir, `${h.slice(0, 16)}-${s.name.replaceAll("/", "_")}`);
    writeFileSync(file, s.content);
    return { file, ...s };
  });
  const batches: (typeof all)[] = [];
  for (let i = 0; i < all.length; i += 100) batches.push(all.slice(i, i + 100));
  // Two batches at a time: the machine has two cores.
  for (let i = 0; i < batches.length; i += 2) await Promise.all(batches.slice(i, i + 2).map(checkBatch));
  return out;

  async function checkBatch(batch: typeof all): Promise<void> {
    const syntax = await execa("bash", ["-c", 'for f; do bash -n "$f" 2>&1 | sed "s|^|$f: |"; done', "_", ...batch.map((b) => b.file)], { reject: false });
    const sc = SHELLCHECK.ok ? await execa("shellcheck", ["--severity=style", "-f", "gcc", ...batch.map((b) => b.file)], { reject: false }) : { stdout: "" };
    for (const b of batch) {
      const lines = [...syntax.stdout.split("\n"), ...sc.stdout.split("\n")].filter((l) => l.startsWith(`${b.file}:`));
      if (lines.length > 0) out.push({ id: b.id, verdict: "shell", detail: `${b.name}: ${lines.slice(0, 3).join(" | ").replaceAll(dir, "")}` });
    }
  }
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}

/** Field paths of the leaves of a JSON Schema, with `[]` for list elements, as the walk names them. */
function jsonSchemaLeaves(s: JsonSchema, at = ""): string[] {
  const alternatives = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (alternatives.length > 0) return [...new Set(alternatives.flatMap((a) => jsonSchemaLeaves(a, at)))];
  if (s.properties) return Object.entries(s.properties).flatMap(([k, v]) => jsonSchemaLeaves(v, at ? `${at}.${k}` : k));
  if (s.items) return jsonSchemaLeaves(s.items, `${at}${EACH}`);
  if (typeof s.additionalProperties === "object") return jsonSchemaLeaves(s.additionalProperties, `${at}.*`);
  return [at];
}
