import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/profile/problems.js";
import { problemsOfText } from "../util.js";

describe("a problem line quotes no character that breaks or reorders a line", () => {
  // Found by the schema walk (test/hostile/schema-walk.ts): U+2028 and U+2029 end a line in JavaScript, in
  // editors and in log viewers, so a quoted value could fake a second problem line.
  it.each([
    ["line separator", "\u2028", "\\u{2028}"],
    ["paragraph separator", "\u2029", "\\u{2029}"],
  ])("a %s in a value is written as its escape", (_name, char, escaped) => {
    const line = problemsOfText(`apiVersion: immich-iac/v1\nkind: HardwareProfile\nmetadata:\n  name: "a${char}b"\n`).find((l) => l.includes("metadata.name"));
    expect(line).toMatch(/^p\.yaml:4:9: metadata\.name: invalid format/);
    expect(line).toContain(`"a${escaped}b"`);
    expect(line).not.toContain(char);
  });

  it("a line separator in a path or message is escaped too", () => {
    expect(formatProblem({ file: "f\u2028.yaml", line: 1, col: 1, path: "a", message: "m\u2029" })).toBe("f\\u{2028}.yaml:1:1: a: m\\u{2029}");
  });
});
