// `npm run bench`: whole-process `immich-iac synth` of the example deployment against a minimal cdktf app
// declaring the same resources, measured alternately in one run. Prints medians, the ratio and peak RSS.
import { execa } from "execa";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileSync } from "node:fs";
import { generatePlan } from "./plan-report.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET = 1.25;
const CLI = join(ROOT, "dist", "immich-iac.cjs");
const BASELINE = join(ROOT, "dist", "bench", "minimal-app.js");
const PRELOAD = join(ROOT, "bench", "report-rss.cjs");

interface Sample {
  readonly ms: number;
  readonly rssKiB: number;
}

async function measure(args: string[]): Promise<Sample> {
  const rssFile = join(mkdtempSync(join(tmpdir(), "bench-rss-")), "rss");
  const start = process.hrtime.bigint();
  await execa("node", ["--require", PRELOAD, ...args], { cwd: ROOT, env: { BENCH_RSS_FILE: rssFile } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, rssKiB: Number(readFileSync(rssFile, "utf8")) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** plan-report on generated plans: whole process, median of RUNS, and the time per resource across sizes. */
async function benchPlanReport(): Promise<void> {
  const TARGET_S = 0.5;
  const dir = mkdtempSync(join(tmpdir(), "bench-plan-"));
  const sizes = [1000, 2500, 5000];
  const medians: number[] = [];
  let peak = 0;
  for (const n of sizes) {
    const file = join(dir, `plan-${n}.json`);
    writeFileSync(file, JSON.stringify(generatePlan(n)));
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      const rssFile = join(mkdtempSync(join(tmpdir(), "bench-rss-")), "rss");
      const start = process.hrtime.bigint();
      const r = await execa("node", ["--require", PRELOAD, CLI, "plan-report", file, "--json"], { cwd: ROOT, env: { BENCH_RSS_FILE: rssFile }, reject: false });
      if (![0, 2, 3, 4].includes(r.exitCode ?? -1)) throw new Error(`plan-report failed: ${r.stderr}`);
      samples.push({ ms: Number(process.hrtime.bigint() - start) / 1e6, rssKiB: Number(readFileSync(rssFile, "utf8")) });
    }
    medians.push(median(samples.map((s) => s.ms)));
    if (n === 5000) peak = Math.max(...samples.map((s) => s.rssKiB));
  }
  console.log(`plan-report --json on generated plans, ${RUNS} runs each, whole process`);
  sizes.forEach((n, i) => console.log(`  ${String(n).padStart(5)} resources  median ${medians[i]!.toFixed(0)} ms`));
  const perResource = (medians[2]! - medians[0]!) / (sizes[2]! - sizes[0]!);
  const predicted = medians[0]! + perResource * (sizes[1]! - sizes[0]!);
  console.log(`  marginal cost ${(perResource * 1000).toFixed(1)} µs/resource; 2500 predicted from 1000 and 5000: ${predicted.toFixed(0)} ms, measured ${medians[1]!.toFixed(0)} ms (linear if close)`);
  console.log(`  5000 resources: median ${(medians[2]! / 1000).toFixed(3)} s (target ≤ ${TARGET_S} s): ${medians[2]! / 1000 <= TARGET_S ? "met" : "MISSED"}; peak RSS ${(peak / 1024).toFixed(0)} MiB`);
  if (process.env.BENCH_STRICT && medians[2]! / 1000 > TARGET_S) process.exitCode = 1;
}

async function main(): Promise<void> {
  // In a private directory: the state (next to --out) must not sit in the shared /tmp, which synth refuses.
  const out = join(mkdtempSync(join(tmpdir(), "bench-synth-")), "out");
  await execa("node", [CLI, "synth", "--out", out], { cwd: ROOT });
  const [stack] = readdirSync(join(out, "stacks"));
  const fixture = join(out, "stacks", stack!, "cdk.tf.json");
  const resources = Object.values(JSON.parse(readFileSync(fixture, "utf8")).resource as Record<string, object>).reduce((n, r) => n + Object.keys(r).length, 0);

  const ours: Sample[] = [];
  const base: Sample[] = [];
  await measure([CLI, "synth", "--out", out]); // warm the file cache
  await measure([BASELINE, fixture, mkdtempSync(join(tmpdir(), "bench-base-"))]);
  for (let i = 0; i < RUNS; i++) {
    ours.push(await measure([CLI, "synth", "--out", out]));
    base.push(await measure([BASELINE, fixture, mkdtempSync(join(tmpdir(), "bench-base-"))]));
  }
  const mo = median(ours.map((s) => s.ms));
  const mb = median(base.map((s) => s.ms));
  const ratio = mo / mb;
  console.log(`synth of the example deployment (${resources} resources), ${RUNS} alternating runs each, whole process`);
  console.log(`  immich-iac synth     median ${mo.toFixed(0)} ms   peak RSS ${(Math.max(...ours.map((s) => s.rssKiB)) / 1024).toFixed(0)} MiB`);
  console.log(`  minimal cdktf app    median ${mb.toFixed(0)} ms   peak RSS ${(Math.max(...base.map((s) => s.rssKiB)) / 1024).toFixed(0)} MiB`);
  console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×): ${ratio <= TARGET ? "met" : "MISSED"}`);
  if (process.env.BENCH_STRICT && ratio > TARGET) process.exitCode = 1;
}

await main();
console.log("");
await benchPlanReport();
