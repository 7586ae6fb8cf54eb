#!/usr/bin/env node
// The Node.js versions the whole dependency tree accepts: every `engines.node` in package-lock.json (what `npm ci`
// installs in a clone, dev dependencies included: an operator's quick start installs those too), intersected.
// Prints the range package.json's `engines.node` must be, one `^major.minor.patch` per Node major from the lowest
// version of that major every package accepts (and `>=` for the newest majors, when every package accepts them all).
// test/node-engines.test.ts compares it with package.json, so a dependency that raises the floor fails the tests.
//
// Usage: node scripts/node-engines.mjs [--why]   (--why: the packages that set each bound)
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");

/** [major, minor, patch] of `1.2.3`, `1.2`, `1` (missing parts 0); `x`/`*` parts mark a wildcard (undefined). */
function parts(v) {
  return v.replace(/^v/, "").split(".").map((p) => (/^[x*]$/i.test(p) ? undefined : Number(p)));
}
const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** One comparator set (space-separated, all must hold) as a test on [major, minor, patch]. */
function comparatorSet(text) {
  const tests = [];
  // ">= 14" is ">=14": join an operator to the version after it.
  for (const tok of text.replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1").trim().split(/\s+/).filter(Boolean)) {
    const m = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(tok);
    const op = m[1] ?? "";
    const p = parts(m[2]);
    const [a = 0, b, c] = p;
    const lo = [a, b ?? 0, c ?? 0];
    if (op === ">=") tests.push((v) => cmp(v, lo) >= 0);
    else if (op === ">") tests.push((v) => cmp(v, lo) > 0);
    else if (op === "<") tests.push((v) => cmp(v, lo) < 0);
    else if (op === "<=") tests.push((v) => cmp(v, lo) <= 0);
    else if (op === "^") {
      const hi = a > 0 ? [a + 1, 0, 0] : b > 0 ? [0, b + 1, 0] : [0, 0, (c ?? 0) + 1];
      tests.push((v) => cmp(v, lo) >= 0 && cmp(v, hi) < 0);
    } else if (op === "~" || b === undefined || c === undefined) {
      // `~1.2.3`, and a partial version (`20`, `0.8.x`): that minor (or major) line.
      const hi = b === undefined ? [a + 1, 0, 0] : [a, b + 1, 0];
      tests.push((v) => cmp(v, lo) >= 0 && cmp(v, hi) < 0);
    } else tests.push((v) => cmp(v, lo) === 0);
  }
  return (v) => tests.every((t) => t(v));
}

/** Whether version `v` ([major, minor, patch]) satisfies an npm range (`||` of comparator sets). */
export function satisfies(range, v) {
  return range.split("||").some((set) => comparatorSet(set)(v));
}

/** Every `engines.node` of the lockfile's packages: range → the packages that declare it. */
export function engineRanges(lockText = readFileSync(join(REPO, "package-lock.json"), "utf8")) {
  const ranges = new Map();
  for (const [path, pkg] of Object.entries(JSON.parse(lockText).packages)) {
    const node = pkg.engines?.node;
    if (!path || typeof node !== "string") continue;
    const name = path.replace(/^.*node_modules\//, "");
    ranges.set(node, [...(ranges.get(node) ?? []), name]);
  }
  return ranges;
}

const MAJORS = Array.from({ length: 31 - 18 }, (_, i) => 18 + i); // 18–30
const MINORS = 60;
const PATCHES = 20;

/** The range every declared range accepts: `^M.m.p` per major from its lowest accepted version, `>=` for the tail. */
export function treeRange(ranges = engineRanges()) {
  const all = [...ranges.keys()];
  const ok = (v) => all.every((r) => satisfies(r, v));
  const floors = [];
  for (const major of MAJORS) {
    let floor;
    for (let minor = 0; minor < MINORS && !floor; minor++) for (let patch = 0; patch < PATCHES && !floor; patch++) if (ok([major, minor, patch])) floor = [major, minor, patch];
    floors.push(floor);
  }
  // The newest majors that all start at .0.0 collapse into one `>=`.
  let tail = floors.length;
  while (tail > 0 && floors[tail - 1] && floors[tail - 1][1] === 0 && floors[tail - 1][2] === 0) tail--;
  const terms = floors.slice(0, tail).filter(Boolean).map((f) => `^${f.join(".")}`);
  if (tail < floors.length) terms.push(`>=${floors[tail].join(".")}`);
  return terms.join(" || ");
}

/** The packages whose range excludes `v`. */
export function blockers(v, ranges = engineRanges()) {
  return [...ranges].filter(([r]) => !satisfies(r, v)).map(([r, names]) => `${names.join(", ")} (${r})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(treeRange());
  if (process.argv.includes("--why")) {
    for (const probe of ["20.19.0", "22.21.0", "22.22.1", "24.14.0", "25.0.0"]) {
      const b = blockers(parts(probe));
      console.log(`${probe}: ${b.length ? `refused by ${b.join("; ")}` : "accepted"}`);
    }
  }
}
