// The pages a reader of the repository sees (README.md and docs/*.md) and their shell blocks, for the tests that
// check the pages (test/docs.test.ts) and run their blocks (test/docs-shell-blocks.test.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error -- a plain .mjs script without types; the tests use the same parser the script writes with.
import { headings } from "../scripts/docs-toc.mjs";
import { REPO } from "./util.js";

/** README.md and every page under docs/: what a reader of the repository sees. */
export const PAGES = ["README.md", ...readdirSync(join(REPO, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)].sort();
export const text = (page: string) => readFileSync(join(REPO, page), "utf8");
export const anchorsOf = (page: string): Set<string> => new Set((headings(text(page)) as { anchor: string }[]).map((h) => h.anchor));

/** The language tags of shell blocks: each is run by a test or says why not. */
export const SHELL = new Set(["sh", "bash", "shell", "console"]);
export const NOT_RUN = /^<!-- not run by a test: (.*\S.*) -->$/;
export const RUN_BY = /^<!-- run by a test: (test\/\S+\.test\.ts) -->$/;

export interface ShellBlock {
  readonly page: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  /** The line before the fence. */
  readonly marker: string;
  readonly body: string;
}

/** Every fenced block tagged sh, bash, shell or console, with the line before its fence. */
export function shellBlocks(page: string): ShellBlock[] {
  const lines = text(page).split("\n");
  const blocks: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s{0,3})(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    let j = i + 1;
    const close = new RegExp(`^\\s{0,3}\\${fence[0]}{${fence.length},}\\s*$`);
    while (j < lines.length && !close.test(lines[j]!)) j++;
    if (SHELL.has(open[3]!)) blocks.push({ page, line: i + 1, lang: open[3]!, marker: (lines[i - 1] ?? "").trim(), body: lines.slice(i + 1, j).join("\n") });
    i = j;
  }
  return blocks;
}

