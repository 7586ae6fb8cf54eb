import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProfileFile } from "../src/profile/load-profile.js";
import { InputError } from "../src/profile/problems.js";
import { problemsOfText, shippedProfileText } from "./util.js";

describe("profile loader locations", () => {
  it("points at the value of a wrong field with line:col", () => {
    const text = shippedProfileText("homelab-minimal").replace("threads: 8", "threads: eight");
    const line = text.split("\n").findIndex((l) => l.includes("threads: eight")) + 1;
    expect(problemsOfText(text, "h.yaml")).toEqual([
      `h.yaml:${line}:14: spec.cpu.threads: wrong type (expected a number, got "eight")`,
    ]);
  });

  it("points at the key of an unknown field", () => {
    const text = "apiVersion: immich-iac/v1\nkind: HardwareProfile\nbogus: 1\n";
    expect(problemsOfText(text, "x.yaml")).toContain('x.yaml:3:1: bogus: unknown field (expected one of the documented fields, got "bogus")');
  });

  it("points at the parent mapping of a missing field", () => {
    const text = "apiVersion: immich-iac/v1\nkind: HardwareProfile\nmetadata:\n  description: no name\nspec: {}\n";
    expect(problemsOfText(text, "x.yaml")).toContain("x.yaml:4:3: metadata.name: required field is missing (expected a string, got nothing)");
  });

  it("reports YAML syntax errors with their line:col and no validation noise", () => {
    expect(problemsOfText("apiVersion: immich-iac/v1\nkind: [HardwareProfile\nmetadata: {}\n", "s.yaml")).toEqual([
      "s.yaml:3:1: (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  it("reports a duplicate key as a YAML error", () => {
    const [p] = problemsOfText("kind: HardwareProfile\nkind: HardwareProfile\n", "d.yaml");
    expect(p).toBe(`d.yaml:2:1: (yaml): duplicate key (expected each field once, got "kind" again)`);
  });

  it("reports a missing file as a problem, not a crash", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-"));
    let err: unknown;
    try {
      loadProfileFile(join(dir, "nope.yaml"));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ line: 1, col: 1, path: "(file)", message: "file not found" });
  });

  it("loads a valid file from disk with defaults applied", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-"));
    const file = join(dir, "h.yaml");
    writeFileSync(file, shippedProfileText("homelab-minimal"));
    const p = loadProfileFile(file);
    expect(p.spec.accelerators).toEqual([]);
    expect(p.spec.storage.pools[0]!.filesystem).toBe("zfs");
  });
});
