import { generatedPhotos } from "./generated-photos.js";
import { execa } from "execa";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCommand } from "../../src/cli/commands/import.js";
import { REPO } from "../util.js";
import { ImmichStandin, standinUser } from "./immich-standin.js";
import { libraryDeployment, writeDeployment } from "./library-util.js";

/**
 * `immich-iac import` driving the real @immich/cli 3.2.2 (on the Node 22 scripts/immich-cli.sh installs) against
 * the Immich stand-in (test/libraries/immich-standin.ts: requests validated against @immich/sdk's types). The
 * readings come from a file (IMMICH_IAC_IMPORT_READINGS) so that a reading can be forced above its threshold.
 */
const KEY = "importKey_0123456789abcdefABCDEF";
let cli: Record<string, string> | undefined;
let skip = "";
let immich: ImmichStandin;
const work = mkdtempSync(join(tmpdir(), "iac-import-"));
const readings = join(work, "readings");
const LOW = "some avg10=1.00 avg60=1.00 avg300=1.00 total=1\n";
const HIGH = "some avg10=95.00 avg60=50.00 avg300=10.00 total=9\n";


beforeAll(async () => {
  const r = await execa("bash", [join(REPO, "scripts", "immich-cli.sh")], { reject: false });
  if (r.exitCode !== 0) skip = `scripts/immich-cli.sh failed (no npm registry?): ${r.stderr.split("\n").slice(-2).join(" ")}`;
  else cli = Object.fromEntries(r.stdout.split("\n").filter(Boolean).map((l) => /^export (\w+)=(.*)$/.exec(l)!.slice(1, 3) as [string, string]));
  immich = new ImmichStandin(KEY, [standinUser("alice@example.com", "Alice", true)]);
  await immich.start();
}, 300_000);
afterAll(async () => immich?.stop());

const deployment = () => writeDeployment(libraryDeployment([]));
const env = () => ({ ...process.env, ...cli, IMMICH_API_KEY: KEY, IMMICH_IAC_IMPORT_READINGS: readings });

describe("immich-iac import with the real @immich/cli", () => {
  it("imports 600 files in batches, is stopped, and resumes without sending a file twice", async (ctx) => {
    if (skip) ctx.skip();
    const dir = join(work, "old-disk");
    generatedPhotos(dir, 600);
    writeFileSync(readings, LOW);
    const journal = join(work, "journal.jsonl");
    const file = deployment();
    // The compiled CLI in a process of its own, stopped once the journal holds a batch.
    const child = execa("node", [join(REPO, "dist", "immich-iac.cjs"), "import", dir, "--deployment", file, "--url", immich.url, "--journal", journal, "--poll-seconds", "1"], {
      env: env(),
      reject: false,
      detached: true,
    });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !(existsSync(journal) && readFileSync(journal, "utf8").split("\n").filter(Boolean).length >= 1)) await new Promise((r) => setTimeout(r, 100));
    process.kill(-child.pid!, "SIGKILL");
    await child;
    const afterStop = readFileSync(journal, "utf8").split("\n").filter(Boolean).length;
    expect(afterStop).toBeGreaterThanOrEqual(1);
    expect(immich.assets.size).toBeLessThan(600);

    let out = "";
    const code = await importCommand([dir], { deployment: file, url: immich.url, journal, pollSeconds: "1" }, { out: (t) => (out += t), err: (t) => (out += t) }, env());
    expect(out).toContain("resuming: ");
    expect(code).toBe(0);
    expect(immich.assets.size).toBe(600);
    // Every file's content reached the server exactly once: the interrupted batch's uploaded files were duplicates.
    expect(new Set(immich.uploads).size).toBe(immich.uploads.length);
    const summary = /summary: (\d+) uploaded, (\d+) duplicates skipped, 0 failed/.exec(out);
    expect(summary).not.toBeNull();
    expect(Number(summary![1]) + Number(summary![2])).toBe(600);
    expect(out).toMatch(/batch \d+\/\d+: \d+ uploaded, \d+ duplicates, 0 failed; 600\/600 files, .* ETA /);
  }, 300_000);

  it("a folder imported again: every file is a duplicate Immich already holds, none is uploaded or failed", async (ctx) => {
    if (skip) ctx.skip();
    const dir = join(work, "again");
    generatedPhotos(dir, 30);
    writeFileSync(readings, LOW);
    const run = async (journal: string) => {
      let out = "";
      const code = await importCommand([dir], { deployment: deployment(), url: immich.url, journal: join(work, journal), pollSeconds: "1" }, { out: (t) => (out += t), err: (t) => (out += t) }, env());
      return { code, out };
    };
    expect((await run("again-1.jsonl")).out).toContain("summary: 30 uploaded, 0 duplicates skipped, 0 failed");
    const before = immich.uploads.length;
    // A new journal: nothing recorded, so every file goes to the CLI, whose bulk-upload-check finds each by checksum.
    const second = await run("again-2.jsonl");
    expect(second.out).toContain("summary: 0 uploaded, 30 duplicates skipped, 0 failed");
    expect(second.code).toBe(0);
    expect(immich.uploads.length).toBe(before);
  }, 120_000);

  it("waits while the I/O stall is above the HDD threshold, and goes on when it drops", async (ctx) => {
    if (skip) ctx.skip();
    const dir = join(work, "nas-export");
    generatedPhotos(dir, 20);
    writeFileSync(readings, HIGH);
    const before = immich.uploads.length;
    let out = "";
    let droppedAt = 0;
    let uploadsWhileHigh = -1;
    const run = importCommand([dir], { deployment: deployment(), url: immich.url, journal: join(work, "j2.jsonl"), pollSeconds: "1" }, { out: (t) => (out += t), err: (t) => (out += t) }, env());
    await new Promise((r) => setTimeout(r, 3500));
    uploadsWhileHigh = immich.uploads.length - before;
    droppedAt = Date.now();
    writeFileSync(readings, LOW);
    expect(await run).toBe(0);
    expect(uploadsWhileHigh).toBe(0);
    expect(out).toContain("waiting before batch 1/1: I/O stall 95 % > 20 %");
    expect(out.match(/waiting before batch 1\/1/g)!.length).toBeGreaterThanOrEqual(2);
    expect(immich.uploads.length - before).toBe(20);
    expect(Date.now()).toBeGreaterThan(droppedAt);
    expect(out).toContain("summary: 20 uploaded, 0 duplicates skipped, 0 failed");
  }, 120_000);
});
