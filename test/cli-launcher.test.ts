import { execa } from "execa";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./util.js";

// dist/immich-iac.cjs is a launcher (scripts/bundle-cli.mjs): it turns on Node's compile cache in the user's own
// cache directory, then loads the bundle dist/immich-iac-cli.cjs. These run the compiled launcher as users do.
const BIN = join(REPO, "dist", "immich-iac.cjs");
const STACK = join("stacks", "example", "cdk.tf.json");

/** The environment of a run: the suite's, with these variables set (undefined removes one). */
function env(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, ...vars };
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete e[k];
  return e;
}

async function synth(vars: Record<string, string | undefined>): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), "iac-launch-")), "out");
  const r = await execa("node", [BIN, "synth", "--out", out], { env: env(vars), extendEnv: false, reject: false, timeout: 60_000 });
  expect(r.exitCode, r.stderr).toBe(0);
  return readFileSync(join(out, STACK), "utf8");
}

describe("the CLI launcher's compile cache", () => {
  it("lives in XDG_CACHE_HOME/immich-iac/node-compile-cache, private to the user, and changes nothing synthesized", async () => {
    const xdg = mkdtempSync(join(tmpdir(), "iac-xdg-"));
    const cold = await synth({ XDG_CACHE_HOME: xdg, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined });
    const dir = join(xdg, "immich-iac", "node-compile-cache");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(xdg, "immich-iac")).mode & 0o777).toBe(0o700);
    // Node keeps one folder per version and architecture (v22.23.3-x64-…), holding the compiled bundle.
    const [tagged, ...more] = readdirSync(dir);
    expect(more).toEqual([]);
    expect(tagged).toMatch(new RegExp(`^${process.version.replace(/\./g, "\\.")}-${process.arch}-`));
    expect(readdirSync(join(dir, tagged!)).length).toBeGreaterThanOrEqual(1);
    const warm = await synth({ XDG_CACHE_HOME: xdg, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined });
    const without = await synth({ XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "iac-xdg-")), NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(warm).toBe(cold);
    expect(without).toBe(cold);
  });

  it("is left off when NODE_DISABLE_COMPILE_CACHE is set: nothing is written", async () => {
    const xdg = mkdtempSync(join(tmpdir(), "iac-xdg-"));
    await synth({ XDG_CACHE_HOME: xdg, NODE_DISABLE_COMPILE_CACHE: "1", NODE_COMPILE_CACHE: undefined });
    expect(readdirSync(xdg)).toEqual([]);
  });

  // A recursive mkdir under /proc never returns (Node 22: ENOENT, then the parent exists, again): the launcher makes
  // one level at a time and runs without the cache when it cannot.
  it.skipIf(!existsSync("/proc/self"))("with HOME=/proc and no XDG_CACHE_HOME, runs without the cache instead of hanging", async () => {
    const r = await execa("node", [BIN, "--version"], { env: env({ HOME: "/proc", XDG_CACHE_HOME: undefined, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined }), extendEnv: false, reject: false, timeout: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // Compiled code read from the cache is run: a directory another user owns (or could have made) is not used.
  it.skipIf(process.getuid?.() !== 0)("does not use a cache directory owned by another user (needs root to chown)", async () => {
    const xdg = mkdtempSync(join(tmpdir(), "iac-xdg-"));
    const dir = join(xdg, "immich-iac", "node-compile-cache");
    mkdirSync(dir, { recursive: true });
    chownSync(join(xdg, "immich-iac"), 65534, 65534);
    chownSync(dir, 65534, 65534);
    await synth({ XDG_CACHE_HOME: xdg, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined });
    expect(readdirSync(dir)).toEqual([]);
  });
});
