import { tfToolchain } from "../upstream/tf-toolchain.js";
import { execa } from "execa";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDER_CONSTRAINTS } from "../../constructs/provider-versions.js";
import { REPO } from "../util.js";

/**
 * Another IaC repo's view of the package: `npm pack`, installed from the tarball into a fresh cdktf app next to
 * the newest cdktf and constructs our peer ranges allow (from the npm registry, as a user's install would), the
 * README example (which takes its provider bindings from the package) compiled as ESM and as CommonJS, run, and
 * the result judged by Terraform's `validate` with the provider versions the constructs pin. Needs the npm registry; without it the suite is
 * skipped outside CI and fails under CI.
 */
const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
const peers = pkg.peerDependencies as Record<string, string>;
const registry = await execa("npm", ["view", "constructs", "version"], { reject: false, timeout: 60_000 });
const offline = registry.exitCode !== 0 ? `the npm registry cannot be reached (${registry.stderr.split("\n")[0]})` : "";
if (offline && process.env.CI) throw new Error(`CI needs the npm registry for the package test: ${offline}`);

const { binary: terraform } = tfToolchain();

function readmeExample(): string {
  const m = /<!-- example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- example:end -->/.exec(readFileSync(join(REPO, "README.md"), "utf8"));
  if (!m) throw new Error("README needs a ```ts block between <!-- example:start --> and <!-- example:end -->");
  return m[1]!;
}

describe.skipIf(offline !== "")(`the packed library in a fresh cdktf app${offline ? ` (skipped: ${offline})` : ""}`, () => {
  let app: string;
  let installed: Record<string, string>;

  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), "iac-consumer-"));
    const packed = await execa("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", app], { cwd: REPO });
    const tarball = join(app, JSON.parse(packed.stdout)[0].filename as string);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    // The newest versions the peer ranges allow, as `npm install` of a new app picks them.
    const wanted = Object.entries(peers).map(([name, range]) => `${name}@${range}`);
    const install = await execa("npm", ["install", "--no-audit", "--no-fund", "--prefer-online", tarball, ...wanted, "typescript@5.9.3", "@types/node@20"], { cwd: app, reject: false, all: true });
    expect(install.exitCode, install.all).toBe(0);
    const ls = JSON.parse((await execa("npm", ["ls", "--all", "--json"], { cwd: app, reject: false })).stdout);
    installed = Object.fromEntries(Object.entries(ls.dependencies as Record<string, { version: string }>).map(([k, v]) => [k, v.version]));
  }, 600_000);

  afterAll(() => app && rmSync(app, { recursive: true, force: true }));

  it("installs one constructs, the newest our peer range allows, and ships no tests, benchmarks or sources", async () => {
    const newest = JSON.parse((await execa("npm", ["view", `constructs@${peers.constructs}`, "version", "--json"])).stdout);
    expect(installed.constructs).toBe([newest].flat().at(-1));
    const copies = (await execa("find", [join(app, "node_modules"), "-name", "package.json", "-path", "*/constructs/package.json", "-not", "-path", "*/constructs/*/*"])).stdout.split("\n").filter(Boolean);
    expect(copies).toEqual([join(app, "node_modules", "constructs", "package.json")]);
    const shipped = readdirSync(join(app, "node_modules", "immich-iac"), { recursive: true }) as string[];
    expect(shipped).toContain("LICENSE");
    expect(shipped.filter((f) => /^(test|bench|dist\/bench|src)(\/|$)/.test(f))).toEqual([]);
  });

  for (const flavour of ["esm", "commonjs"] as const) {
    it(`compiles the README example as ${flavour}, synthesizes it, and Terraform validates it with the pinned providers`, async () => {
      const dir = join(app, flavour);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "package.json"), JSON.stringify({ type: flavour === "esm" ? "module" : "commonjs" }));
      writeFileSync(join(dir, "main.ts"), readmeExample());
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, rootDir: ".", outDir: "out", types: ["node"] }, files: ["main.ts"] }),
      );
      const tsc = await execa(join(app, "node_modules", ".bin", "tsc"), ["-p", join(dir, "tsconfig.json")], { cwd: dir, reject: false, all: true });
      expect(tsc.all).toBe("");
      const emitted = readFileSync(join(dir, "out", "main.js"), "utf8");
      expect(emitted.includes('require("immich-iac")')).toBe(flavour === "commonjs");
      const run = await execa("node", [join(dir, "out", "main.js")], { cwd: dir, env: { CDKTF_OUTDIR: join(dir, "cdktf.out") }, reject: false, all: true });
      expect(run.exitCode, run.all).toBe(0);
      const stackDir = join(dir, "cdktf.out", "stacks", "photos");
      const json = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
      expect(Object.keys(json.resource.docker_container)).toHaveLength(5);
      for (const provider of ["docker", "random"] as const) expect(json.terraform.required_providers[provider].version).toBe(PROVIDER_CONSTRAINTS[provider]);
      if (!terraform) return;
      const init = await execa(terraform, ["init", "-backend=false", "-input=false", "-no-color"], { cwd: stackDir, reject: false, all: true });
      expect(init.exitCode, init.all).toBe(0);
      const validate = await execa(terraform, ["validate", "-json", "-no-color"], { cwd: stackDir, reject: false });
      expect(JSON.parse(validate.stdout).diagnostics, validate.stdout).toEqual([]);
    }, 180_000);

    // The bindings ship in the package (immich-iac/providers/...): the app's classes must be the ones our
    // constructs instantiate, or `instanceof` (our policy rules, an app's aspects) misses half the resources.
    it(`gives a ${flavour} app the binding classes our constructs use`, async () => {
      const dir = join(app, `${flavour}-classes`);
      mkdirSync(dir, { recursive: true });
      const names = "{ Testing, TerraformStack }";
      const lib = "{ computeTuning, ImmichStack, loadProfileFile, shippedProfilePath }";
      const load =
        flavour === "esm"
          ? [`import ${names} from "cdktf";`, `import { Container } from "immich-iac/providers/docker/container";`, `import * as docker from "immich-iac/providers/docker";`, `import ${lib} from "immich-iac";`]
          : [`const ${names} = require("cdktf");`, `const { Container } = require("immich-iac/providers/docker/container");`, `const docker = require("immich-iac/providers/docker");`, `const ${lib} = require("immich-iac");`];
      const file = join(dir, flavour === "esm" ? "probe.mjs" : "probe.cjs");
      writeFileSync(
        file,
        [
          ...load,
          `const stack = new TerraformStack(Testing.app(), "photos");`,
          `new docker.provider.DockerProvider(stack, "docker", {});`,
          `new ImmichStack(stack, "immich", { deploymentName: "photos", domain: "photos.example.com", tuning: computeTuning(loadProfileFile(shippedProfilePath("epyc-4004-prosumer"))) });`,
          `const ours = stack.node.findAll().filter((c) => c.constructor.name === "Container");`,
          `console.log(JSON.stringify({ containers: ours.length, sameClass: ours.every((c) => c instanceof Container), barrel: docker.container.Container === Container }));`,
          "",
        ].join("\n"),
      );
      const run = await execa("node", [file], { cwd: dir, reject: false, all: true });
      expect(run.exitCode, run.all).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ containers: 5, sameClass: true, barrel: true });
    }, 60_000);
  }
});
