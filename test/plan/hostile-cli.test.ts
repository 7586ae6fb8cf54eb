import { execa } from "execa";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "../util.js";

// Plans that crashed `plan-report` (exit 1) or took 1.5 GiB: through the compiled bin, with its peak RSS
// measured as in test/hostile/corpus.test.ts. A verdict or exit 5, never 1; memory bounded by input size.
const BIN = join(REPO, "dist", "immich-iac.cjs");
const RSS = join(REPO, "bench", "report-rss.cjs");
const scratch = mkdtempSync(join(tmpdir(), "iac-plan-hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function planReport(name: string, text: string, ...flags: string[]) {
  const file = join(scratch, name);
  writeFileSync(file, text);
  const rssFile = join(scratch, `${name}.rss`);
  const started = performance.now();
  const r = await execa("node", ["-r", RSS, BIN, "plan-report", file, ...flags], { reject: false, env: { BENCH_RSS_FILE: rssFile }, maxBuffer: 512 * 1024 * 1024 });
  return { ...r, ms: performance.now() - started, rssMiB: existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : Number.NaN };
}
const head = (changes: string, drift = "") => `{"format_version":"1.2","resource_changes":[${changes}],"resource_drift":[${drift}]}`;

describe("plan-report on hostile plans: a verdict or exit 5, never a crash", () => {
  it("a label value with a non-callable toString → blocked (exit 4), not a crash", async () => {
    const r = await planReport("tostring.json", head(`{"address":"docker_volume.v","type":"docker_volume","change":{"actions":["delete"],"before":{"name":"immich-home-library","labels":[{"label":"io.immich-iac.data","value":{"toString":1}}]}}}`));
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(4);
  });

  it("40,000-deep drift → a report naming the attribute (exit 0)", async () => {
    const r = await planReport("deep.json", head("", `{"address":"docker_container.a","type":"docker_container","change":{"actions":["update"],"before":{"x":${"[".repeat(40_000)}${"]".repeat(40_000)}},"after":{}}}`));
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split("\n")).toContain("  ~ docker_container.a: x");
  });

  it("a 30 MB text as drift before → described by its length, not copied", async () => {
    const r = await planReport("string.json", head("", `{"address":"docker_container.a","type":"docker_container","change":{"actions":["update"],"before":"${"x".repeat(30 * 1024 * 1024)}","after":{}}}`));
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split("\n")).toContain("  ~ docker_container.a: (the whole resource: a text of 31457280 characters → a mapping)");
    expect(r.stdout.length).toBeLessThan(1000);
  });

  it.each([[[]], [["--markdown"]], [["--json"]]])("one million tiny resource changes %j: each reported, in bounded memory", async (flags) => {
    const changes = Array.from({ length: 1_000_000 }, (_, i) => `{"address":"a.${i}","type":"t","change":{"actions":["create"]}}`).join(",");
    const text = head(changes);
    expect(text.length).toBeGreaterThan(55 * 1024 * 1024);
    expect(text.length).toBeLessThan(64 * 1024 * 1024);
    const r = await planReport(`million${flags.join("")}.json`, text, ...flags);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(2);
    // 1.4 GiB before: a copy of the plan by the schema, a large object per change, the whole text at once.
    expect(r.rssMiB, "peak RSS (MiB)").toBeLessThan(768);
    expect(r.stdout).toContain("1000000 safe");
    if (flags[0] === "--json") expect(JSON.parse(r.stdout).resources).toHaveLength(1_000_000);
    else expect(r.stdout.split("\n").filter((l) => l.includes("a.999999")).length).toBe(1);
  }, 120_000);
});
