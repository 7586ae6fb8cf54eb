import { execa } from "execa";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./util.js";

/** issue 20 item 11, through the compiled CLI: it never writes through a link, and never touches the kernel's file systems. */

const BIN = join(REPO, "dist", "immich-iac.cjs");
const cli = (args: string[], cwd: string) => execa("node", [BIN, ...args], { cwd, reject: false, timeout: 20_000 });
const PROFILE = join(REPO, "hardware-profiles", "homelab-minimal.yaml");

/** A scratch directory with a victim file outside the output directory. */
function scene() {
  const dir = mkdtempSync(join(tmpdir(), "iac-paths-"));
  const victim = join(dir, "victim.txt");
  writeFileSync(victim, "precious\n");
  const out = join(dir, "out");
  mkdirSync(join(out, "redis"), { recursive: true });
  return { dir, victim, out };
}

describe("render never writes through a link planted in its output", () => {
  it("a symbolic link where a file goes: refused, the victim untouched", async () => {
    const { dir, victim, out } = scene();
    symlinkSync(victim, join(out, "redis", "redis.conf"));
    const r = await cli(["render", "--profile", PROFILE, "--out", out], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${join(out, "redis", "redis.conf")}:1:1: (output): a symbolic link in the output directory (expected a regular file or nothing, got a link): immich-iac never writes through a link`);
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });

  it("a symbolic link where a directory goes: refused, nothing written into its target", async () => {
    const { dir, victim, out } = scene();
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, "caddy"));
    const r = await cli(["render", "--profile", PROFILE, "--out", out], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${join(out, "caddy")}:1:1: (output): a symbolic link in the output directory (expected a directory or nothing, got a link)`);
    expect(() => readFileSync(join(elsewhere, "Caddyfile"))).toThrow();
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });

  it("a hard link to a victim: refused before it is truncated", async () => {
    const { dir, victim, out } = scene();
    linkSync(victim, join(out, "redis", "redis.conf"));
    const r = await cli(["render", "--profile", PROFILE, "--out", out], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("(output): a file with 2 names (expected a regular file of its own, got a hard link)");
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });

  it("a clean output directory, and a second render over the first, both work", async () => {
    const { dir, out } = scene();
    expect((await cli(["render", "--profile", PROFILE, "--out", out], dir)).exitCode).toBe(0);
    const first = readFileSync(join(out, "redis", "redis.conf"), "utf8");
    expect((await cli(["render", "--profile", PROFILE, "--out", out], dir)).exitCode).toBe(0);
    expect(readFileSync(join(out, "redis", "redis.conf"), "utf8")).toBe(first);
  });
});

describe("the kernel's file systems are refused at once, not hung on", () => {
  it.each([
    [["render", "--profile", PROFILE, "--out", "/proc/x"], "/proc/x:1:1: (--out): on the kernel's /proc file system (expected a directory on disk, got a path under /proc)"],
    [["synth", "--profile", PROFILE, "--out", "/sys/kernel/x"], "/sys/kernel/x:1:1: (--out): on the kernel's /sys file system"],
    [["synth", "--profile", PROFILE, "--state", "/proc/self/x/s"], "/proc/self/x/s:1:1: (--state): on the kernel's /proc file system"],
    [["validate", "/proc/self/environ"], "/proc/self/environ:1:1: (file): on the kernel's /proc file system (expected a file on disk, got a path under /proc)"],
  ])("%j", async (args, says) => {
    const dir = mkdtempSync(join(tmpdir(), "iac-paths-"));
    const started = Date.now();
    const r = await cli(args, dir);
    expect(r.timedOut).toBe(false);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(says);
  });

  it("a link to /proc is judged by where it leads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-paths-"));
    symlinkSync("/proc/self", join(dir, "me"));
    const r = await cli(["render", "--profile", PROFILE, "--out", join(dir, "me", "x")], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("(--out): on the kernel's /proc file system");
  });
});
