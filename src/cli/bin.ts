import { run } from "./main.js";

// No top-level await: this file is also the entry of the CommonJS bundle (scripts/bundle-cli.mjs).
void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
