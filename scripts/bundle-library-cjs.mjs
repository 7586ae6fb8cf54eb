// Builds the package's CommonJS entry (dist/cjs/index.cjs) for apps that `require("immich-iac")`: the same library
// as the ESM build, with the peer dependencies (cdktf, constructs, the provider bindings) left to the app, so the
// app's constructs tree and ours are one. Dependencies that ship ESM only (execa) are bundled in.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const peers = Object.keys(pkg.peerDependencies ?? {});

await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: "dist/cjs/index.cjs",
  // A peer and any of its subpaths (@cdktf/provider-docker/lib/container/index.js) stay the app's.
  external: peers.flatMap((p) => [p, `${p}/*`]),
  // The bundle is CommonJS: give modules that locate shipped files a file URL of the bundle itself.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: "none",
  logLevel: "warning",
});
