#!/usr/bin/env node
// Generates the TypeScript bindings of exactly the Terraform providers scripts/tf-toolchain.sh builds (docker,
// random, tls, at the versions its PROVIDERS table names) from those providers' own schema, with the CDK for
// Terraform's provider generator (@cdktf/provider-generator, pinned in package.json). The prebuilt
// @cdktf/provider-* packages bound other versions (docker 3.6.2 while we run 4.6.0) and are archived.
//
//   node scripts/generate-bindings.mjs                 writes providers/ (commit the result)
//   node scripts/generate-bindings.mjs --out DIR       writes DIR/ (the drift test compares it with providers/)
//   node scripts/generate-bindings.mjs --schema FILE   generates from a saved schema, without Terraform
//
// Without --schema it runs scripts/tf-toolchain.sh (offline once its cache is warm: the providers come from its
// filesystem mirror), `terraform init`s a configuration that requires exactly those versions, and reads
// `terraform providers schema -json` and `terraform version -json`. The schema is kept beside the bindings
// (providers/schema.json) so that the bindings can be re-derived and checked without Terraform.
import { execa } from "execa";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

// The generator's helpers (@cdktf/commons) report errors as telemetry to HashiCorp's checkpoint service unless
// told not to: this script stays offline.
process.env.CHECKPOINT_DISABLE = "1";

// The generator module itself, not the package's index: the index also loads the jsii tool chain (jsii-pacmak),
// which only the other target languages need. Its helpers are taken from the generator's own dependencies so
// that they are the versions it was released with. Loaded after the toolchain's environment is in place:
// @cdktf/commons runs `terraform version` when loaded.
function loadGenerator() {
  const generatorRequire = createRequire(createRequire(import.meta.url).resolve("@cdktf/provider-generator/package.json"));
  const { TerraformProviderGenerator } = generatorRequire("./lib/get/generator/provider-generator.js");
  const { CodeMaker } = generatorRequire("codemaker");
  const { ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint } = generatorRequire("@cdktf/commons");
  return { TerraformProviderGenerator, CodeMaker, ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function usage(message) {
  process.stderr.write(`generate-bindings: ${message}\nusage: node scripts/generate-bindings.mjs [--out DIR] [--schema FILE]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let outDir = join(ROOT, "providers");
let schemaFile;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--out" && args[i + 1]) outDir = resolve(args[++i]);
  else if (a === "--schema" && args[i + 1]) schemaFile = resolve(args[++i]);
  else usage(`unknown argument ${JSON.stringify(a)}`);
}

/** The providers the toolchain builds: name, registry source, version (its PROVIDERS table is the one list). */
function toolchainProviders() {
  const script = readFileSync(join(ROOT, "scripts/tf-toolchain.sh"), "utf8");
  const table = /^PROVIDERS=\(\n([\s\S]*?)\n\)/m.exec(script);
  if (!table) throw new Error("scripts/tf-toolchain.sh: no PROVIDERS=( ... ) table");
  return table[1].split("\n").map((line) => {
    const m = /^\s*"([a-z0-9]+)\|([a-z0-9-]+\/[a-z0-9-]+)\|(\d+\.\d+\.\d+)\|/.exec(line);
    if (!m) throw new Error(`scripts/tf-toolchain.sh: unreadable PROVIDERS entry ${JSON.stringify(line)}`);
    return { name: m[1], source: m[2], version: m[3] };
  });
}

/** The schema of exactly those providers, as Terraform reports it, with the versions it selected. */
async function readSchema(providers) {
  const { stdout: envLines } = await execa("bash", [join(ROOT, "scripts/tf-toolchain.sh")], { stderr: "inherit" });
  const env = {};
  for (const line of envLines.split("\n")) {
    const m = /^export (\w+)=(.*)$/.exec(line);
    // printf %q quotes only paths with special characters; the cache paths have none.
    if (m) env[m[1]] = m[2].replace(/^'(.*)'$/, "$1");
  }
  const terraform = env.TERRAFORM_BINARY;
  if (!terraform) throw new Error("scripts/tf-toolchain.sh printed no TERRAFORM_BINARY");
  Object.assign(process.env, env, { TERRAFORM_BINARY_NAME: terraform });
  const work = mkdtempSync(join(tmpdir(), "immich-iac-bindings-"));
  try {
    const required = providers.map((p) => `    ${p.name} = { source = "${p.source}", version = "${p.version}" }`).join("\n");
    writeFileSync(join(work, "main.tf"), `terraform {\n  required_providers {\n${required}\n  }\n}\n`);
    const run = (cmdArgs) => execa(terraform, cmdArgs, { cwd: work, env: { ...env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" }, extendEnv: true });
    await run(["init", "-input=false", "-no-color", "-backend=false"]);
    const schema = JSON.parse((await run(["providers", "schema", "-json"])).stdout);
    const version = JSON.parse((await run(["version", "-json"])).stdout);
    // Only what the generator reads: the format, the schemas, and the versions Terraform selected.
    return { format_version: schema.format_version, provider_schemas: schema.provider_schemas, provider_versions: version.provider_selections };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Our package is ESM compiled with `moduleResolution: NodeNext`, where a relative import names its file: the
 * generator writes `from './container'` (CommonJS style), so each becomes `./container/index.js` or `./x.js`.
 * The generator's lazy-index.ts (CommonJS `exports` getters) and per-resource README links are not emitted.
 */
function postProcess(dir) {
  for (const file of walk(dir)) {
    if (file.endsWith("/lazy-index.ts") || file.endsWith("/README.md")) {
      rmSync(file);
      continue;
    }
    if (!file.endsWith(".ts")) continue;
    const source = readFileSync(file, "utf8");
    const fixed = source.replace(/(from\s+['"])(\.{1,2}\/[^'"]*)(['"])/g, (whole, pre, spec, post) => {
      const target = resolve(dirname(file), spec);
      if (existsSync(`${target}.ts`)) return `${pre}${spec}.js${post}`;
      if (existsSync(join(target, "index.ts"))) return `${pre}${spec}/index.js${post}`;
      throw new Error(`${relative(dir, file)}: cannot resolve ${spec}`);
    });
    const marked = markOverrides(fixed);
    if (marked !== source) writeFileSync(file, marked);
  }
}

/**
 * Our tsconfig has `noImplicitOverride` (a member that overrides says so); the generator writes no `override`.
 * The members it emits that override cdktf's are these, by the class they extend: every resource's attribute
 * synthesis, a list's constructor parameter properties, a provider's `alias`. tsc judges the result.
 */
function markOverrides(source) {
  return source
    .split(/(?=^export class )/m)
    .map((cls) => {
      let out = cls.replace(/^( {2}protected )(synthesizeAttributes|synthesizeHclAttributes)\(/gm, "$1override $2(");
      if (/^export class \w+ extends cdktf\.ComplexList \{/.test(cls)) {
        out = out.replace(/constructor\(protected terraformResource: (.*?), protected terraformAttribute: (.*?), protected wrapsSet: (.*?)\)/, "constructor(protected override terraformResource: $1, protected override terraformAttribute: $2, protected override wrapsSet: $3)");
      }
      if (/^export class \w+ extends cdktf\.TerraformProvider \{/.test(cls)) {
        out = out.replace(/^( {2}public )(get alias\(\)|set alias\()/gm, "$1override $2");
      }
      return out;
    })
    .join("");
}

/** Replacing --out deletes it: only an absent or empty directory, or an earlier output of this script. */
function checkReplaceable(dir) {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length === 0 || (entries.includes("schema.json") && entries.includes("README.md") && entries.every((e) => e === "schema.json" || e === "README.md" || statSync(join(dir, e)).isDirectory()))) return;
  throw new Error(`--out ${dir}: not empty and not an earlier output of this script (it would be replaced)`);
}

async function main() {
  const providers = toolchainProviders();
  checkReplaceable(outDir);
  const schema = schemaFile ? JSON.parse(readFileSync(schemaFile, "utf8")) : await readSchema(providers);
  const fqpns = Object.keys(schema.provider_schemas ?? {}).sort();
  const expected = providers.map((p) => `registry.terraform.io/${p.source}`).sort();
  if (JSON.stringify(fqpns) !== JSON.stringify(expected)) throw new Error(`schema holds ${fqpns.join(", ")}; expected exactly ${expected.join(", ")}`);
  for (const p of providers) {
    const got = schema.provider_versions?.[`registry.terraform.io/${p.source}`];
    if (got !== p.version) throw new Error(`schema describes ${p.source} ${got}; the toolchain builds ${p.version}`);
  }

  // From a saved schema Terraform is not needed: @cdktf/commons' version probe finds no such program and is quiet.
  if (schemaFile) process.env.TERRAFORM_BINARY_NAME = "generate-bindings-from-a-saved-schema-runs-no-terraform";
  const { TerraformProviderGenerator, CodeMaker, ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint } = loadGenerator();
  const code = new CodeMaker();
  for (const p of providers) {
    // One generator per provider over one CodeMaker, as `cdktf get` does (a generator's class names are unique
    // across everything it emitted, so a shared one would file random's provider class under docker's).
    const generator = new TerraformProviderGenerator(code, schema);
    // The constraint is the exact version built: generated resources record it as their provider's version.
    generator.generate(ConstructsMakerProviderTarget.from(new TerraformProviderConstraint({ name: p.name, source: p.source, version: p.version }), LANGUAGES[0]));
  }
  const staging = mkdtempSync(join(tmpdir(), "immich-iac-bindings-out-"));
  try {
    await code.save(staging);
    const generated = join(staging, "providers");
    postProcess(generated);
    writeFileSync(join(generated, "schema.json"), `${JSON.stringify(schema, null, 1)}\n`);
    writeFileSync(
      join(generated, "README.md"),
      [
        "# Generated provider bindings",
        "",
        "Generated by `node scripts/generate-bindings.mjs` with `@cdktf/provider-generator` from `schema.json`, the",
        "schema `terraform providers schema -json` reports for the providers scripts/tf-toolchain.sh builds:",
        "",
        ...providers.map((p) => `- \`${p.name}/\`: ${p.source} ${p.version}`),
        "",
        "Do not edit: re-run the script (docs/stack.md, \"Idempotence and the provider\"). test/provider-bindings.test.ts fails when",
        "these files differ from what the script generates from schema.json.",
        "",
      ].join("\n"),
    );
    rmSync(outDir, { recursive: true, force: true });
    renameOrCopy(generated, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  process.stderr.write(`generate-bindings: wrote ${relative(process.cwd(), outDir) || "."} (${providers.map((p) => `${p.name} ${p.version}`).join(", ")})\n`);
}

main().catch((e) => {
  process.stderr.write(`generate-bindings: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

function renameOrCopy(from, to) {
  try {
    renameSync(from, to);
  } catch {
    // Across file systems (the temporary directory on another mount): copy instead.
    cpSync(from, to, { recursive: true });
  }
}
