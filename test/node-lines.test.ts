import { execa } from "execa";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "./util.js";

/**
 * The other Node LTS line users have: CI runs the suites on Node 22 (scripts/node-lts.sh) and, with the Node 24 it
 * installs beside it (IMMICH_IAC_NODE24_BIN, set by .ci/run), runs the compiled CLI under 24 here: the same checks
 * pass and synth writes byte for byte what it writes under the Node running the suite. Outside CI, without that
 * Node, the suite is skipped with the reason; under CI its absence fails the run.
 */
const NODE24_BIN = process.env.IMMICH_IAC_NODE24_BIN;
const node24 = NODE24_BIN ? join(NODE24_BIN, "node") : undefined;
const reason = "IMMICH_IAC_NODE24_BIN is not set (.ci/run sets it: bash scripts/node-lts.sh 24.21.0)";
if (!node24 && process.env.CI) throw new Error(`CI needs Node 24: ${reason}`);
if (node24 && !existsSync(node24)) throw new Error(`IMMICH_IAC_NODE24_BIN=${NODE24_BIN} has no node`);

const BIN = join(REPO, "dist", "immich-iac.cjs");
const scratch = mkdtempSync(join(tmpdir(), "iac-node24-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!node24)(`the CLI under Node 24${node24 ? "" : ` (skipped: ${reason})`}`, () => {
  const under24 = (args: string[], input?: string) => execa(node24!, [BIN, ...args], { cwd: scratch, reject: false, ...(input ? { input } : {}) });

  it("runs on Node 24", async () => {
    expect((await execa(node24!, ["--version"])).stdout).toMatch(/^v24\./);
  });

  it("validates every shipped deployment and profile", async () => {
    const files = ["example", "xeon-enterprise", "homelab"].map((d) => join(REPO, "deployments", `${d}.yaml`));
    const r = await under24(["validate", ...files]);
    expect(r.exitCode, r.stderr).toBe(0);
  });

  it("synthesizes the example byte for byte as the Node running this suite does", async () => {
    const out = (n: string) => join(scratch, n, "cdktf.out");
    const a = await under24(["synth", "--out", out("v24"), "--state", join(scratch, "v24", "terraform.tfstate")]);
    expect(a.exitCode, a.stderr).toBe(0);
    const b = await execa(process.execPath, [BIN, "synth", "--out", out("here"), "--state", join(scratch, "here", "terraform.tfstate")], { cwd: scratch, reject: false });
    expect(b.exitCode, b.stderr).toBe(0);
    const stack = join("stacks", "example", "cdk.tf.json");
    expect(readFileSync(join(out("v24"), stack), "utf8")).toBe(readFileSync(join(out("here"), stack), "utf8"));
  });

  it("hashes a password and reports a blocked plan with exit 4", async () => {
    const h = await under24(["hash-password"], "a long passphrase nobody uses\n");
    expect(h.stdout).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    const r = await under24(["plan-report", join(REPO, "test", "fixtures", "plans", "downgrade.json"), "--json"]);
    expect(r.exitCode).toBe(4);
    expect(JSON.parse(r.stdout).counts.blocked).toBe(2);
  });
});
