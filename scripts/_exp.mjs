import { build } from "esbuild";
const [out, ...flags] = process.argv.slice(2);
const plugins = [];
if (flags.includes("archiver")) plugins.push({ name: "no-archiver", setup(b) {
  b.onResolve({ filter: /^archiver$/ }, (a) => ({ path: "archiver", namespace: "stub" }));
  b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "module.exports = function archiver() { throw new Error('no archiver'); };", loader: "js" }));
}});
if (flags.includes("stack")) plugins.push({ name: "no-stack", setup(b) {
  b.onLoad({ filter: /cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/ }, () => ({ contents: "exports.captureStackTrace = function captureStackTrace() { return []; };", loader: "js" }));
}});
await build({ entryPoints: ["src/cli/bin.ts"], bundle: true, platform: "node", target: "node20", format: "cjs", outfile: out,
  define: { "import.meta.url": "__bundleUrl" }, banner: { js: "#!/usr/bin/env node\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: "none", logLevel: "warning", plugins, minifyWhitespace: flags.includes("minws"), minifySyntax: flags.includes("minsyn"), keepNames: flags.includes("minsyn") });
