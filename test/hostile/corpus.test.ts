import { execa } from "execa";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { immichSdkConfigValidator } from "../immich-sdk-schema.js";
import { REPO } from "../util.js";
import { BAIT_SECRETS, HOSTILE_CASES, writeBait, type HostileCase } from "./corpus.js";
import { renderedProblems } from "./rendered-checks.js";
import { SHELLCHECK } from "../tools.js";

const BIN = join(REPO, "dist", "immich-iac.cjs");
const RSS = join(REPO, "bench", "report-rss.cjs");
/** The CPU time (user + system) one input may cost the CLI. */
const TIME_LIMIT_MS = 10_000;
/** Wall time after which the CLI counts as hung (blocked, not working): generous, as a loaded machine is slow. */
const HANG_MS = 60_000;
const MEMORY_LIMIT_KIB = 1024 * 1024;
const LOCATED = /^.+:\d+:\d+: \S.*: .+$/;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/;
const immichConfig = immichSdkConfigValidator();

const scratch = mkdtempSync(join(tmpdir(), "iac-hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(args: string[], dir: string) {
  const [rssFile, cpuFile] = [join(dir, ".rss"), join(dir, ".cpu")];
  const started = performance.now();
  const r = await execa("node", ["-r", RSS, BIN, ...args], { cwd: dir, reject: false, timeout: HANG_MS, env: { BENCH_RSS_FILE: rssFile, BENCH_CPU_FILE: cpuFile }, stripFinalNewline: false });
  const read = (f: string) => (existsSync(f) ? Number(readFileSync(f, "utf8")) : Number.NaN);
  return { ...r, ms: performance.now() - started, rssKiB: read(rssFile), cpuMs: read(cpuFile) };
}

/** What an accepted profile or deployment renders, checked by bash, shellcheck and the value checks. */
async function checkRendered(c: HostileCase, dir: string) {
  const [command, input] = [c.args(dir)[0], c.args(dir).at(-1)!];
  if (command !== "validate") return;
  const kind = c.id.startsWith("profile/") ? "--profile" : "--deployment";
  const out = join(dir, "render");
  const r = await cli(["render", kind, input, "--out", out], dir);
  expect(r.exitCode, r.stderr).toBe(0);
  const files: Record<string, string> = {};
  for (const f of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) files[relative(out, join(f.parentPath, f.name))] = readFileSync(join(f.parentPath, f.name), "utf8");
  }
  expect(renderedProblems(files, immichConfig)).toEqual([]);
  const scripts = Object.keys(files).filter((f) => f.endsWith(".sh")).map((f) => join(out, f));
  for (const s of scripts) expect((await execa("bash", ["-n", s], { reject: false })).stderr, s).toBe("");
  if (!SHELLCHECK.ok) return;
  const sc = await execa("shellcheck", ["--severity=style", ...scripts], { reject: false });
  expect(sc.stdout, "shellcheck").toBe("");
  expect(sc.exitCode).toBe(0);
}

// Outside CI a missing shellcheck is a listed skip, not a silent pass.
if (!SHELLCHECK.ok) it.skip(`rendered host scripts of accepted hostile inputs judged by shellcheck (skipped: ${SHELLCHECK.reason}; bash -n still runs)`, () => {});

describe(`${HOSTILE_CASES.length} hostile inputs through the CLI: a clean located error within ${TIME_LIMIT_MS / 1000} s of CPU and 1 GiB, or accepted and valid for its consumers`, () => {
  it("the corpus has at least 100 cases, each with its own id", () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE_CASES.map((c) => c.id)).size).toBe(HOSTILE_CASES.length);
  });

  it.concurrent.each(HOSTILE_CASES.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const dir = mkdtempSync(join(scratch, "case-"));
    writeBait(dir);
    c.setup?.(dir);
    const args = c.args(dir);
    const r = await cli(args, dir);
    expect(r.timedOut, `${c.id} hung: no exit within ${HANG_MS} ms`).toBe(false);
    expect(r.cpuMs, `${c.id}: CPU time (ms)`).toBeLessThan(TIME_LIMIT_MS);
    expect(r.rssKiB, "peak RSS (KiB)").toBeLessThan(MEMORY_LIMIT_KIB);
    const output = `${r.stdout}${r.stderr}`;
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
    expect(output).not.toMatch(RAW_CONTROL);
    for (const secret of [...BAIT_SECRETS, ...(c.secret ? [c.secret] : [])]) expect(output).not.toContain(secret);
    if (c.says) expect(output).toContain(c.says);
    const verdictCommand = args[0] === "plan-report";
    if (c.expect === "refused") {
      expect(r.exitCode, output).toBe(verdictCommand ? 5 : 2);
      const lines = r.stderr.split("\n").filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      if (!c.unlocated) for (const line of lines) expect(line).toMatch(LOCATED);
    } else {
      expect(verdictCommand ? [0, 2, 3, 4] : [0], output).toContain(r.exitCode);
      await checkRendered(c, dir);
    }
    expect(existsSync(join(dir, "PWNED")) || existsSync(join(REPO, "PWNED"))).toBe(false);
  }, 3 * HANG_MS);
});
