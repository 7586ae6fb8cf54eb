import { describe, expect, it } from "vitest";
import { problemsOf, baseProfile } from "../util.js";

/**
 * Found by the schema walk (test/hostile/schema-walk.ts): a list without a bound, repeated 2,001 times, took 1–5 s
 * to refuse, because every cross-field problem about it carries the whole list and zod writes each into its error
 * message (quadratic). Bounded by the number of distinct values, and each repeated value reported once, such a list is two problems.
 */
describe("lists of a fixed set of values are bounded by its size", () => {
  it("a pool's roles: at most one of each of the 6 roles", () => {
    const p = baseProfile();
    p.spec.storage.pools[1].roles = Array(2001).fill("library");
    expect(problemsOf(p)).toEqual([
      expect.stringMatching(/^p\.yaml:\d+:\d+: spec\.storage\.pools\[1\]\.roles: too many entries \(expected at most 6, got a list of 2001\)$/),
      expect.stringMatching(/: spec\.storage\.pools\[1\]\.roles\[1\]: a role may be placed on one pool only \(expected "library" once/),
    ]);
  });

  it("an accelerator's uses: at most the 2 uses", () => {
    const p = baseProfile();
    p.spec.accelerators = [{ kind: "nvidia-gpu", model: "x", uses: Array(2001).fill("machine-learning") }];
    expect(problemsOf(p)).toEqual([
      expect.stringMatching(/^p\.yaml:\d+:\d+: spec\.accelerators\[0\]\.uses: too many entries \(expected at most 2, got a list of 2001\)$/),
      expect.stringMatching(/: spec\.accelerators\[0\]\.uses\[1\]: one accelerator per use \(expected "machine-learning" on one accelerator/),
    ]);
  });
});
