import { execa } from "execa";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROVIDER_CONSTRAINTS } from "../constructs/provider-versions.js";
import { REPO } from "./util.js";

// The README's library example, compiled against the package's published types (self-reference through
// package.json "exports", so exactly what `import … from "immich-iac"` gives another repo) and run.
describe("README example", () => {
  it("compiles and synthesizes", async () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const m = /<!-- example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- example:end -->/.exec(readme);
    expect(m, "README needs a ```ts block between <!-- example:start --> and <!-- example:end -->").not.toBeNull();
    const gen = join(REPO, "test", ".gen");
    mkdirSync(gen, { recursive: true });
    writeFileSync(join(gen, "readme-example.ts"), m![1]!);
    writeFileSync(
      join(gen, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, rootDir: ".", outDir: "out", types: ["node"] },
        files: ["readme-example.ts"],
      }),
    );
    const tsc = await execa(join(REPO, "node_modules", ".bin", "tsc"), ["-p", join(gen, "tsconfig.json")], { cwd: REPO, reject: false });
    expect(tsc.stdout + tsc.stderr).toBe("");
    const out = mkdtempSync(join(tmpdir(), "iac-readme-"));
    const run = await execa("node", [join(gen, "out", "readme-example.js")], { cwd: REPO, env: { CDKTF_OUTDIR: out }, reject: false });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const file = join(out, "stacks", "photos", "cdk.tf.json");
    expect(existsSync(file)).toBe(true);
    const json = JSON.parse(readFileSync(file, "utf8"));
    expect(Object.keys(json.resource.docker_container)).toHaveLength(5);
    // The constructs carry the provider range they are tested in, not the exact versions the bindings record.
    expect(json.terraform.required_providers.docker.version).toBe(PROVIDER_CONSTRAINTS.docker);
    expect(json.terraform.required_providers.random.version).toBe(PROVIDER_CONSTRAINTS.random);
  }, 60_000);
});
