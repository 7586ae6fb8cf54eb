import { execa } from "execa";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "./util.js";

const README = readFileSync(join(REPO, "README.md"), "utf8");

describe("README: the operator's first screen", () => {
  const dir = mkdtempSync(join(tmpdir(), "iac-quickstart-"));
  // A clone with its node_modules: removing it takes more than the default 10 s on a busy machine.
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

  it("the quick start runs as pasted in a fresh clone, up to the line that needs a server", async () => {
    // Links and anchors of every page, and the marker before this block, are checked by test/docs.test.ts.
    const block = /## Quick start[\s\S]*?<!-- run by a test: test\/readme-quickstart\.test\.ts -->\n```sh\n([\s\S]*?)```/.exec(README)?.[1];
    expect(block, "README needs a ```sh block under ## Quick start").toBeDefined();
    const lines = block!.split("\n").filter(Boolean);
    expect(lines.at(-1)).toMatch(/# needs your server/);
    const runnable = lines.filter((l) => !l.includes("# needs your server"));
    const clone = join(dir, "clone");
    await execa("git", ["clone", "--quiet", REPO, clone]);
    // npm ci from the local cache: the same packages the repository's own install fetched.
    const r = await execa("bash", ["-euo", "pipefail", "-c", runnable.join("\n")], {
      cwd: clone,
      input: "a long passphrase nobody uses\n",
      env: { npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" },
      reject: false,
      all: true,
    });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/^\$argon2id\$v=19\$/m);
    expect(r.all).toContain("shared_buffers");
    expect(readFileSync(join(clone, "cdktf.out", "stacks", "example", "cdk.tf.json"), "utf8")).toContain('"docker_container"');
  }, 600_000);
});
