import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { versionsMarkdown } from "../src/cli/commands/versions.js";
import { REPO } from "./util.js";

const DOC = readFileSync(join(REPO, "docs", "versions.md"), "utf8");

describe("docs/versions.md", () => {
  it("shows the table src/versions.ts holds (regenerate with immich-iac versions --markdown)", () => {
    const table = /<!-- versions-table:start -->\n([\s\S]*?)<!-- versions-table:end -->/.exec(DOC)?.[1];
    expect(table).toBe(versionsMarkdown());
  });

  it("marks every shell block that no test runs", () => {
    const lines = DOC.split("\n");
    const fences = lines.flatMap((l, i) => (/^\s*```(sh|bash|shell|console)\s*$/.test(l) ? [i] : []));
    expect(fences.length).toBeGreaterThan(0);
    for (const i of fences) expect(lines[i - 1], `line ${i + 1}`).toMatch(/^\s*<!-- not run by a test: .+ -->$/);
  });
});
