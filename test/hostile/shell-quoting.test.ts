import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { q } from "../../src/renderers/host/prelude.js";

/** What bash makes of `printf %s <word>`: the word, read back exactly when it was quoted right. */
const echoThroughBash = (word: string) => execFileSync("bash", ["-c", `printf %s ${word}`], { encoding: "utf8" });

describe("q(): one shell word for any string, judged by bash", () => {
  it.each([
    ["plain", "fast/immich/database"],
    ["command substitution", "$(touch PWNED)"],
    ["backticks", "`id`"],
    ["quotes", `it's "quoted"`],
    ["a lone single quote", "'"],
    ["newline", "a\nb"],
    ["glob and brace", "*{a,b}?[c]"],
    ["tilde and hash", "~root #comment"],
    ["empty", ""],
    ["leading dash", "-rf"],
  ])("%s", (_name, value) => {
    expect(echoThroughBash(q(value))).toBe(value);
  });

  it("round-trips arbitrary strings (no NUL: bash arguments cannot hold one)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }).filter((s) => !s.includes("\0")), (value) => {
        expect(echoThroughBash(q(value))).toBe(value);
      }),
      { numRuns: 200 },
    );
  });
});
