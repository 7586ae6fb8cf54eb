// Bundles the CLI into one CommonJS file (dist/immich-iac-cli.cjs): one module to load instead of hundreds,
// and no ESM-to-CommonJS interop for cdktf and the provider bindings. Start-up is most of a synth.
//
// dist/immich-iac.cjs (the `bin`) is a launcher that turns on Node's compile cache (module.enableCompileCache,
// Node >= 22.1) in the user's own cache directory before it loads the bundle, so that V8 does not parse and compile
// the 3 MB bundle from scratch on every run. Never in the shared temporary directory (Node's default), where
// another user could leave compiled code for us to run. NODE_DISABLE_COMPILE_CACHE=1 turns it off; a cache that
// cannot be written (read-only home) is skipped silently.
//
// Two parts of cdktf that the CLI never uses are left out of the bundle (docs/development.md#benchmarks):
// - `archiver` (and its ~800 KB of streams, glob and zip code), which cdktf loads eagerly for TerraformAsset
//   directories: no immich-iac construct declares an asset, and calling it says so instead of zipping;
// - the stack trace every cdktf token captures when it is created (Lazy, Intrinsic, references), kept only to
//   decorate an error about an unresolvable token: it is captured when IMMICH_IAC_TOKEN_STACK_TRACES=1.
// Neither changes what is synthesized (the tests compare the output of every shipped deployment byte for byte).
import { build } from "esbuild";
import { chmodSync, writeFileSync } from "node:fs";

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
  outfile: "dist/immich-iac-cli.cjs",
  // The bundle is CommonJS: give modules that locate shipped files a file URL of the bundle itself.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: "none",
  logLevel: "warning",
  plugins: [leanCdktf],
});
const LAUNCHER = `#!/usr/bin/env node
// immich-iac's command line: turns on Node's compile cache in the user's own cache directory, then runs the bundle
// (dist/immich-iac-cli.cjs). Written by scripts/bundle-cli.mjs.
"use strict";
const { enableCompileCache } = require("node:module");
if (typeof enableCompileCache === "function" && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  try {
    const { mkdirSync, statSync } = require("node:fs");
    const { homedir } = require("node:os");
    const { isAbsolute, join } = require("node:path");
    const xdg = process.env.XDG_CACHE_HOME;
    // One level at a time: a recursive mkdir never returns under /proc (HOME=/proc), and a missing home means no cache.
    let dir = xdg && isAbsolute(xdg) ? xdg : join(homedir(), ".cache");
    for (const part of ["", "immich-iac", "node-compile-cache"]) {
      dir = join(dir, part);
      try {
        mkdirSync(dir, { mode: 0o700 });
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
      }
    }
    const st = statSync(dir);
    // Only a directory of our own: compiled code read from it is run.
    if (st.isDirectory() && (typeof process.getuid !== "function" || st.uid === process.getuid())) enableCompileCache(dir);
  } catch {
    // No usable cache directory: run without the cache.
  }
}
require("./immich-iac-cli.cjs");
`;
writeFileSync("dist/immich-iac.cjs", LAUNCHER);
chmodSync("dist/immich-iac.cjs", 0o755);
