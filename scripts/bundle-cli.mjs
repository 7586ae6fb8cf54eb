// Bundles the CLI into one CommonJS file (dist/immich-iac.cjs): one module to load instead of hundreds,
// and no ESM-to-CommonJS interop for cdktf and the provider bindings. Start-up is most of a synth.
//
// Two parts of cdktf that the CLI never uses are left out of the bundle (docs/development.md#benchmarks):
// - `archiver` (and its ~800 KB of streams, glob and zip code), which cdktf loads eagerly for TerraformAsset
//   directories: no immich-iac construct declares an asset, and calling it says so instead of zipping;
// - the stack trace every cdktf token captures when it is created (Lazy, Intrinsic, references), kept only to
//   decorate an error about an unresolvable token: it is captured when IMMICH_IAC_TOKEN_STACK_TRACES=1.
// Neither changes what is synthesized (the tests compare the output of every shipped deployment byte for byte).
import { build } from "esbuild";
import { chmodSync } from "node:fs";

const NO_ARCHIVER = `module.exports = function archiver() {
  throw new Error("immich-iac's CLI does not bundle cdktf's archiver: TerraformAsset directories are not supported here; use the library (immich-iac as a package) with cdktf's own CLI");
};`;

const TOKEN_STACK_TRACE = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// cdktf/lib/tokens/private/stack-trace.js, captured only on request (scripts/bundle-cli.mjs).
const WANTED = process.env.IMMICH_IAC_TOKEN_STACK_TRACES === "1";
function captureStackTrace(below) {
  if (!WANTED) return [];
  below = below || captureStackTrace;
  const object = { stack: "" };
  const previousLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = Number.MAX_SAFE_INTEGER;
    Error.captureStackTrace(object, below);
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
  if (!object.stack) return [];
  return object.stack.split("\\n").slice(1).map((s) => s.replace(/^\\s*at\\s+/, ""));
}
exports.captureStackTrace = captureStackTrace;`;

/** @type {import("esbuild").Plugin} */
const leanCdktf = {
  name: "lean-cdktf",
  setup(b) {
    b.onResolve({ filter: /^archiver$/ }, (a) =>
      /[\\/]cdktf[\\/]lib[\\/]private[\\/]fs\.js$/.test(a.importer) ? { path: "archiver", namespace: "lean-cdktf" } : undefined,
    );
    b.onLoad({ filter: /^archiver$/, namespace: "lean-cdktf" }, () => ({ contents: NO_ARCHIVER, loader: "js" }));
    b.onLoad({ filter: /[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/ }, () => ({ contents: TOKEN_STACK_TRACE, loader: "js" }));
  },
};

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
  plugins: [leanCdktf],
});
chmodSync("dist/immich-iac.cjs", 0o755);
