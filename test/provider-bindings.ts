import { execa } from "execa";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { REPO } from "./util.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * Runs scripts/generate-bindings.mjs into a fresh directory (with extra arguments, e.g. --schema) and lists how
 * its output differs from the committed providers/: files missing, extra, or with other contents. [] when equal.
 */
export async function regenerateAndDiff(args: readonly string[] = []): Promise<{ differences: string[]; fileCount: number }> {
  const out = join(mkdtempSync(join(tmpdir(), "iac-bindings-")), "providers");
  await execa(process.execPath, [join(REPO, "scripts/generate-bindings.mjs"), "--out", out, ...args], { cwd: REPO });
  const committedDir = join(REPO, "providers");
  const committed = new Map(files(committedDir).map((f) => [relative(committedDir, f), f]));
  const generated = new Map(files(out).map((f) => [relative(out, f), f]));
  const differences: string[] = [];
  for (const [rel, f] of generated) {
    if (!committed.has(rel)) differences.push(`${rel}: generated, not committed`);
    else if (!readFileSync(f).equals(readFileSync(committed.get(rel)!))) differences.push(`${rel}: differs from the generator's output`);
  }
  for (const rel of committed.keys()) if (!generated.has(rel)) differences.push(`${rel}: committed, not generated`);
  return { differences: differences.sort(), fileCount: generated.size };
}
