import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without types; the test runs the very function the script prints with.
import { blockers, engineRanges, satisfies, treeRange } from "../scripts/node-engines.mjs";
import { REPO } from "./util.js";

const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
const v = (s: string) => s.split(".").map(Number);

describe("engines.node is what the dependency tree accepts", () => {
  it("package.json (and the lockfile's copy) say exactly the range every installed package's engines allow", () => {
    expect(pkg.engines.node).toBe(treeRange());
    expect(JSON.parse(readFileSync(join(REPO, "package-lock.json"), "utf8")).packages[""].engines.node).toBe(pkg.engines.node);
  });

  it("the Node that CI pins (scripts/node-lts.sh) and the Node 24 it tests with are inside the range", () => {
    const pinned = /^DEFAULT_VERSION=(\S+)$/m.exec(readFileSync(join(REPO, "scripts", "node-lts.sh"), "utf8"))![1]!;
    const node24 = /node-lts\.sh (24\.\d+\.\d+)/.exec(readFileSync(join(REPO, ".ci", "run"), "utf8"))![1]!;
    expect(satisfies(pkg.engines.node, v(pinned))).toBe(true);
    expect(satisfies(pkg.engines.node, v(node24))).toBe(true);
  });

  it("Node 20 is outside: the tree has packages that refuse it (ini@7 among them)", () => {
    expect(satisfies(pkg.engines.node, v("20.19.0"))).toBe(false);
    expect(blockers(v("20.19.0")).some((b: string) => b.startsWith("ini "))).toBe(true);
  });

  it("reads npm's range forms the tree uses", () => {
    expect(satisfies("^22.22.2 || ^24.15.0 || >=26.0.0", [22, 22, 2])).toBe(true);
    expect(satisfies("^22.22.2 || ^24.15.0 || >=26.0.0", [22, 22, 1])).toBe(false);
    expect(satisfies("^22.22.2 || ^24.15.0 || >=26.0.0", [25, 9, 0])).toBe(false);
    expect(satisfies(">= 14", [14, 0, 0])).toBe(true);
    expect(satisfies(">=16 || 14 >=14.17", [14, 16, 9])).toBe(false);
    expect(satisfies(">=16 || 14 >=14.17", [14, 17, 0])).toBe(true);
    expect(satisfies("18 || 20 || >=22", [21, 0, 0])).toBe(false);
    expect(satisfies(">=6 <7 || >=8", [7, 1, 0])).toBe(false);
    expect(satisfies(">=0.8.x", [0, 8, 0])).toBe(true);
    expect(satisfies("^0.10.2", [0, 11, 0])).toBe(false);
    expect(engineRanges().size).toBeGreaterThan(10);
  });
});
