// `npm run bench`: whole-process `immich-iac synth` of the example deployment against a minimal cdktf app
// declaring the same resources, measured alternately in one run. Prints medians, the ratio and peak RSS.
import { execa } from "execa";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "bench-synth-"));
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
