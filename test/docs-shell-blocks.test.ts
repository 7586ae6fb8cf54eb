import { execa } from "execa";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PAGES, RUN_BY, shellBlocks, type ShellBlock } from "./docs-pages.js";
import { REPO } from "./util.js";

/**
 * Runs every shell block of README.md and docs/ marked `<!-- run by a test: test/docs-shell-blocks.test.ts -->`,
 * as a reader would paste it in a clone with the CLI on the PATH (README's quick start): in a scratch directory
 * that has the clone's shipped inputs (deployments/, hardware-profiles/, test/fixtures/) and `bin/` first on the
 * PATH, so nothing a block writes lands in the repository. An `sh` block must exit 0. A `console` block is a
 * transcript: each `$ ` line is run, and each line shown after it must be a line of what it printed, in order
 * (a line ending in `…` is the start of one).
 */
const ME = "test/docs-shell-blocks.test.ts";
const blocks = PAGES.flatMap(shellBlocks).filter((b) => RUN_BY.exec(b.marker)?.[1] === ME);

const scratch = mkdtempSync(join(tmpdir(), "iac-docs-blocks-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function workDir(b: ShellBlock): string {
  const dir = mkdtempSync(join(scratch, `${b.page.replace(/\W/g, "_")}-${b.line}-`));
  for (const d of ["deployments", "hardware-profiles", "test"]) symlinkSync(join(REPO, d), join(dir, d));
  return dir;
}

const run = (script: string, cwd: string) =>
  execa("bash", ["-euo", "pipefail", "-c", script], {
    cwd,
    env: { PATH: `${join(REPO, "bin")}:${process.env.PATH}` },
    reject: false,
    all: true,
  });

/** The transcript's commands, each with the lines it shows as output. */
export function transcript(body: string): { command: string; shown: string[] }[] {
  const steps: { command: string; shown: string[] }[] = [];
  for (const line of body.split("\n")) {
    if (line.startsWith("$ ")) steps.push({ command: line.slice(2), shown: [] });
    else if (line.trim() !== "") {
      if (!steps.length) throw new Error(`a console block must start with a "$ " line, got ${JSON.stringify(line)}`);
      steps.at(-1)!.shown.push(line);
    }
  }
  return steps;
}

describe("shell blocks of the docs that run offline", () => {
  it("there are blocks to run (validate, explain, synth, render, plan-report on the shipped examples)", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((b) => [`${b.page}:${b.line}`, b] as const))("%s", async (_where, b) => {
    const cwd = workDir(b);
    if (b.lang !== "console") {
      const r = await run(b.body, cwd);
      expect(r.exitCode, r.all).toBe(0);
      return;
    }
    for (const step of transcript(b.body)) {
      const r = await run(step.command, cwd);
      const lines = r.all.split("\n");
      let at = 0;
      for (const want of step.shown) {
        const matches = (got: string) => (want.endsWith("…") ? got.startsWith(want.slice(0, -1)) : got === want);
        while (at < lines.length && !matches(lines[at]!)) at++;
        expect(at < lines.length, `${step.command} should print ${JSON.stringify(want)}; it printed:\n${r.all}`).toBe(true);
        at++;
      }
    }
  }, 300_000);
});
