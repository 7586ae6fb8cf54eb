// Builds the package's CommonJS entries for apps that `require("immich-iac")`: the same library as the ESM build,
// with the peer dependencies (cdktf, constructs) left to the app, so the app's constructs tree and ours are one.
// Dependencies that ship ESM only (execa) are bundled in.
//
// The generated provider bindings (providers/, exported as `immich-iac/providers/<provider>/<module>`) are built
// one CommonJS file per module (dist/cjs/providers/docker/container.cjs, and the barrel docker.cjs), and every
// other file requires them instead of bundling a copy: a Container an app creates and one our constructs create
// are then of one class (our constructs and policy rules test `instanceof Container`).
import { build } from "esbuild";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const ROOT = process.cwd();
const OUT = join(ROOT, "dist/cjs");
const PROVIDERS = join(ROOT, "providers");
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const peers = Object.keys(pkg.peerDependencies ?? {});

/** providers/<p>/<module>/ → its output file; providers/<p>/index.ts (the barrel) → dist/cjs/providers/<p>.cjs. */
const providerModules = [];
for (const provider of readdirSync(PROVIDERS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  const dir = join(PROVIDERS, provider.name);
  providerModules.push({ source: join(dir, "index.ts"), out: join("providers", provider.name) });
  for (const mod of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    if (existsSync(join(dir, mod.name, "index.ts"))) providerModules.push({ source: join(dir, mod.name, "index.ts"), out: join("providers", provider.name, mod.name) });
  }
}
const outOfSource = new Map(providerModules.map((m) => [m.source, join(OUT, `${m.out}.cjs`)]));

/** The output file a source file ends up in: its provider module's, or the library's. */
function outputOf(file) {
  for (const m of providerModules) {
    const moduleDir = dirname(m.source);
    if (m.source === file || (m.out.split(sep).length === 3 && file.startsWith(moduleDir + sep))) return outOfSource.get(m.source);
  }
  return join(OUT, "index.cjs");
}

const providerModulesExternal = {
  name: "provider-modules-external",
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
      const targetOut = outOfSource.get(target);
      if (!targetOut) return undefined;
      const importerOut = outputOf(args.importer);
      if (importerOut === targetOut) return undefined; // inside the module being built
      let spec = relative(dirname(importerOut), targetOut).split(sep).join("/");
      if (!spec.startsWith(".")) spec = `./${spec}`;
      return { path: spec, external: true };
    });
  },
};

await build({
  entryPoints: [{ in: "src/index.ts", out: "index" }, ...providerModules.map((m) => ({ in: m.source, out: m.out }))],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outdir: OUT,
  outExtension: { ".js": ".cjs" },
  // A peer and any of its subpaths stay the app's.
  external: peers.flatMap((p) => [p, `${p}/*`]),
  plugins: [providerModulesExternal],
  // The bundle is CommonJS: give modules that locate shipped files a file URL of the bundle itself.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: "none",
  logLevel: "warning",
});
