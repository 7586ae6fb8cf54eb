import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../src/deployment/load-deployment.js";
import { formatProblem, InputError } from "../src/profile/problems.js";
import { problemsOfText } from "./util.js";

/** issue 20 items 9–14: inputs that were read as something else, or accepted although wrong. */

const HASH = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys";

/** A valid deployment as text, with `extra` lines appended under `spec:` (two-space indent). */
function deploymentText(extra: string[] = [], name = "t"): string {
  return [
    "apiVersion: immich-iac/v1",
    "kind: Deployment",
    "metadata:",
    `  name: ${name}`,
    "spec:",
    "  hardwareProfile: homelab-minimal",
    "  domain: photos.example.com",
    "  timezone: UTC",
    "  auth:",
    "    users:",
    `      - {name: alice, displayName: Alice, email: alice@example.com, passwordHash: "${HASH}"}`,
    ...extra,
    "",
  ].join("\n");
}
/** The first line number `extra` lines get in {@link deploymentText}. */
const EXTRA_LINE = 12;

/** Problems of a deployment text, formatted as the CLI prints them, the temp dir removed. */
function deploymentProblems(text: string, files: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), "iac-hard-"));
  for (const [f, content] of Object.entries(files)) writeFileSync(join(dir, f), content);
  writeFileSync(join(dir, "d.yaml"), text);
  try {
    loadDeploymentFile(join(dir, "d.yaml"));
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => formatProblem(p).replace(`${dir}/`, ""));
  }
}

const TAG_REFUSED = (tag: string) =>
  `(yaml): a YAML tag is not allowed here (expected a plain value, or one of !!str, !!int, !!float, !!bool, !!null on a scalar; got "${tag}", which makes the value something else than it reads)`;

describe("9: YAML tags other than the core schema's scalars are refused at the tag", () => {
  it("the base text is valid", () => {
    expect(deploymentProblems(deploymentText())).toEqual([]);
  });

  it.each([
    ["ingress: !!omap [{tls: {mode: internal}}]", "!!omap"],
    ["host: !!omap [{manage: false}]", "!!omap"],
    ["monitoring: !!omap [{enabled: false}]", "!!omap"],
    ["monitoring: !!pairs [{enabled: false}]", "!!pairs"],
    ["monitoring: !!set {enabled}", "!!set"],
    ["monitoring: !!map {enabled: false}", "!!map"],
    ["jobHandler: {replicas: !foo 2}", "!foo"],
    ["dataRoot: !!binary L3Nydi9pbW1pY2g=", "!!binary"],
  ])("%s", (line, tag) => {
    const col = `  ${line}`.indexOf(tag) + 1;
    expect(deploymentProblems(deploymentText([`  ${line}`]))).toEqual([`d.yaml:${EXTRA_LINE}:${col}: ${TAG_REFUSED(tag)}`]);
  });

  it("every tag at once, each where it is written, also a tag on the line before its value", () => {
    const text = deploymentText(["  ingress: !!omap", "    - tls: {mode: internal}", "  host: !!omap [{manage: false}]"]);
    expect(deploymentProblems(text)).toEqual([`d.yaml:${EXTRA_LINE}:12: ${TAG_REFUSED("!!omap")}`, `d.yaml:${EXTRA_LINE + 2}:9: ${TAG_REFUSED("!!omap")}`]);
  });

  it("a %TAG directive cannot make !!str mean something else", () => {
    const text = `%TAG !! tag:evil.example,2000:\n---\n${deploymentText().replace("timezone: UTC", "timezone: !!str UTC")}`;
    expect(deploymentProblems(text)).toEqual([`d.yaml:10:13: ${TAG_REFUSED("!!str")}`]);
  });

  it("the core scalar tags keep working", () => {
    const text = deploymentText(["  timezone2: x"]).replace("  timezone2: x\n", "").replace("timezone: UTC", "timezone: !!str UTC").replace("  auth:", "  mountLocaltime: !!bool true\n  jobHandler: {replicas: !!int 2}\n  auth:");
    expect(deploymentProblems(text)).toEqual([]);
  });
});

describe("12: the loader's work is bounded by its input", () => {
  it("an alias inside its own anchor is a located problem, not a crash", () => {
    const text = "apiVersion: immich-iac/v1\nkind: HardwareProfile\nmetadata: &m {name: x, extra: *m}\n";
    expect(problemsOfText(text, "p.yaml")).toEqual([
      "p.yaml:3:31: (yaml): an alias inside its own anchor (expected *m after the value &m names, got a value that contains itself without end)",
    ]);
  });

  it("the same in a deployment", () => {
    const text = deploymentText().replace("  name: t", "  name: t\n  labels: &m [x, *m]");
    expect(deploymentProblems(text)).toEqual(["d.yaml:5:18: (yaml): an alias inside its own anchor (expected *m after the value &m names, got a value that contains itself without end)"]);
  });

  it("aliases of a large value are refused once they expand past 1 MiB in all", () => {
    const big = "x".repeat(200_000);
    const text = `apiVersion: immich-iac/v1\nkind: HardwareProfile\na: &a ${big}\nb: [${Array(6).fill("*a").join(", ")}]\n`;
    // Five copies (1,000,000 characters) fit; the sixth is where it passes 1 MiB.
    expect(problemsOfText(text, "p.yaml")).toEqual(["p.yaml:4:25: (yaml): aliases expand to too much text (expected at most 1 MiB in all, got more at this alias: write the values out)"]);
  });

  it("nested aliases count what they expand to", () => {
    const text = `apiVersion: immich-iac/v1\nkind: HardwareProfile\na: &a ${"x".repeat(100_000)}\nb: &b [*a, *a, *a, *a, *a]\nc: [*b, *b]\n`;
    expect(problemsOfText(text, "p.yaml")).toEqual(["p.yaml:5:9: (yaml): aliases expand to too much text (expected at most 1 MiB in all, got more at this alias: write the values out)"]);
  });
});
