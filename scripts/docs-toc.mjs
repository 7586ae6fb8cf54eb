#!/usr/bin/env node
// The table of contents of each page under docs/: the ## and ### headings, written between `<!-- toc -->` and
// `<!-- /toc -->`. `node scripts/docs-toc.mjs` rewrites them; `--check` only says which page is stale (exit 1).
// test/docs.test.ts runs the check, so a heading added without its line in the contents fails the tests.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const START = "<!-- toc -->";
const END = "<!-- /toc -->";

/** Markdown without its fenced code blocks (a `# comment` in a shell block is no heading), lines kept in place. */
export function withoutFences(md) {
  let fence = null;
  return md
    .split("\n")
    .map((line) => {
      const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence === null && m) {
        fence = m[1];
        return "";
      }
      if (fence !== null) {
        if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
        return "";
      }
      return line;
    })
    .join("\n");
}

/** GitHub's heading anchor: lower case, everything but letters, digits, spaces, `-` and `_` dropped, spaces as `-`. */
export function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

/** Every heading of a page with its level and anchor; a repeated anchor gets `-1`, `-2`… as on GitHub. */
export function headings(md) {
  const seen = new Map();
  return [...withoutFences(md).matchAll(/^(#{1,6}) +(.+?) *#* *$/gm)].map((m) => {
    const base = slug(m[2]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { level: m[1].length, text: m[2], anchor: n === 0 ? base : `${base}-${n}` };
  });
}

/** The contents of a page: its ## and ### headings as a nested list of links. */
export function toc(md) {
  return headings(md)
    .filter((h) => h.level === 2 || h.level === 3)
    .map((h) => `${h.level === 3 ? "  " : ""}- [${h.text}](#${h.anchor})`)
    .join("\n");
}

/** The page with its contents block rewritten; undefined when it has no `<!-- toc -->` block. */
export function withToc(md) {
  const a = md.indexOf(START);
  const b = md.indexOf(END);
  if (a < 0 || b < a) return undefined;
  return `${md.slice(0, a)}${START}\n${toc(md)}\n${md.slice(b)}`;
}

export const DOCS_DIR = join(REPO, "docs");

function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const name of readdirSync(DOCS_DIR).filter((f) => f.endsWith(".md")).sort()) {
    const file = join(DOCS_DIR, name);
    const md = readFileSync(file, "utf8");
    const next = withToc(md);
    if (next === undefined || next === md) continue;
    stale++;
    if (check) console.error(`docs/${name}: its contents are stale (run node scripts/docs-toc.mjs)`);
    else writeFileSync(file, next);
  }
  if (check && stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
