import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { parse } from "yaml";
import { deploymentPath, SHIPPED_DEPLOYMENTS } from "../stack-util.js";
import { startS3Server, type S3Server } from "./s3-server.js";
import {
  createVolumeDirectories,
  e2eDeployment,
  liftPreventDestroy,
  provideImages,
  removeLeftovers,
  resynth,
  tf,
  toolchain,
  waitHealthy,
  type Toolchain,
} from "./harness.js";

/**
 * `npm run bench` (second part): per shipped deployment, from a bare engine to every container healthy
 * (init + apply + health wait, wall time) and the second plan's wall time, median of BENCH_APPLY_RUNS (3).
 * Baselines measured in the same run: the health floor (Docker reports healthy only after the first check,
 * one healthcheck interval after start: 30 s here), and `plan` of an empty stack with the same providers
 * (what any plan costs before the first resource is refreshed). Goals: healthy in under 2 minutes, second
 * plan under 15 s with zero changes. Prints; asserts only that the plan is empty, never a time.
 */
const RUNS = Number(process.env.BENCH_APPLY_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: string[] = [];
let t: Toolchain;
let s3: S3Server | undefined;

beforeAll(async () => {
  t = await toolchain();
  // Deployments with an off-site target copy to a real S3 server here, as in the real-apply suite.
  const buckets = SHIPPED_DEPLOYMENTS.map((n) => parse(readFileSync(deploymentPath(n), "utf8"))?.spec?.backup?.offsite?.bucket).filter((b): b is string => typeof b === "string");
  s3 = await startS3Server([...new Set(buckets)]);
}, 1_800_000);

afterAll(async () => {
  await s3?.stop();
  console.log(["bare engine → all healthy, and the second plan (median of " + RUNS + ")", ...results].join("\n"));
});

describe.each(SHIPPED_DEPLOYMENTS)("bench %s", (name) => {
  it("times apply-to-healthy and the second plan", async () => {
    const toHealthy: number[] = [];
    const secondPlan: number[] = [];
    let emptyPlan = 0;
    for (let i = 0; i < RUNS; i++) {
      const d = e2eDeployment(deploymentPath(name));
      await removeLeftovers(d.name);
      const json = resynth(d);
      createVolumeDirectories(json, d.dataRoot);
      await provideImages(json);
      try {
        const init = await tf(t, d, ["init", "-input=false", "-no-color"]);
        const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"]);
        if (apply.exitCode !== 0) throw new Error(apply.all);
        const healthy = await waitHealthy(d.name);
        toHealthy.push(init.seconds + apply.seconds + healthy);
        const plan = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"]);
        if (plan.exitCode !== 0) throw new Error(`second plan not empty:\n${plan.all}`);
        secondPlan.push(plan.seconds);
        if (i === 0) emptyPlan = await planOfEmptyStack(t, d.work, json);
      } finally {
        liftPreventDestroy(d);
        await tf(t, d, ["destroy", "-input=false", "-auto-approve", "-no-color"]);
        await removeLeftovers(d.name);
        rmSync(d.work, { recursive: true, force: true });
      }
    }
    const h = median(toHealthy);
    const p = median(secondPlan);
    results.push(
      `  ${name.padEnd(16)} healthy ${h.toFixed(1)} s (goal < 120 s: ${h < 120 ? "met" : "MISSED"}; ${(h / 30).toFixed(2)}× the 30 s health floor)` +
        `   second plan ${p.toFixed(1)} s, no changes (goal < 15 s: ${p < 15 ? "met" : "MISSED"}; ${(p / emptyPlan).toFixed(2)}× an empty stack's ${emptyPlan.toFixed(1)} s)`,
    );
  }, 3_600_000);
});

/** `plan` of a stack with the same providers and backend-less, but no resources: the fixed cost of any plan. */
async function planOfEmptyStack(t: Toolchain, work: string, json: any): Promise<number> {
  const dir = join(work, "empty");
  mkdirSync(dir, { recursive: true });
  const empty = { terraform: { required_providers: json.terraform.required_providers }, provider: json.provider };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(empty));
  const d = { stackDir: dir };
  await tf(t, d, ["init", "-input=false", "-no-color"]);
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) samples.push((await tf(t, d, ["plan", "-input=false", "-no-color"])).seconds);
  return median(samples);
}
