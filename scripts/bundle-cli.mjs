// Bundles the CLI into one CommonJS file (dist/immich-iac.cjs): one module to load instead of hundreds,
// and no ESM-to-CommonJS interop for cdktf and the provider bindings. Start-up is most of a synth.
import { build } from "esbuild";
import { chmodSync } from "node:fs";

await build({
  entryPoints: ["src/cli/bin.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: "dist/immich-iac.cjs",
  // The bundle is CommonJS: give modules that locate shipped files a file URL of the bundle itself.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: "#!/usr/bin/env node\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: "none",
  logLevel: "warning",
});
chmodSync("dist/immich-iac.cjs", 0o755);

