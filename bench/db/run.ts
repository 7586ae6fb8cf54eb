// `npm run bench:db [-- --short] [-- --sizes 20000,100000 --seconds 6 --rounds 2 --only face-search,ingestion --profile <file> --json <file>]`
// Needs root (it chroots into the Debian trixie root of scripts/upstream-root.sh, which it builds if missing).
import { execa } from "execa";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { TRIXIE_ROOT } from "../trixie-root.js";
import { FULL, runDbBench, SHORT } from "./harness.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const OPTIONS = {
  short: { type: "boolean", default: false },
  sizes: { type: "string" },
  seconds: { type: "string" },
  rounds: { type: "string" },
  profile: { type: "string", default: join(ROOT, "bench", "db", "this-machine.yaml") },
  json: { type: "string" },
  only: { type: "string" },
} as const;
const parsed = (() => {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (e) {
    // An unknown or malformed option: one line, no stack trace.
    console.error(`bench:db: ${(e as Error).message}`);
    process.exit(2);
  }
})();
const { values } = parsed;

const positive = (name: string, v: string | undefined, def: number) => {
  const n = v === undefined ? def : Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`bench:db: --${name} expects a positive whole number (got "${v}")`);
    process.exit(2);
  }
  return n;
};
const preset = values.short ? SHORT : FULL;
const sizes = values.sizes === undefined ? [...preset.sizes] : values.sizes.split(",").map((s) => positive("sizes", s, 0));
const seconds = positive("seconds", values.seconds, preset.seconds);
const rounds = positive("rounds", values.rounds, preset.rounds);

if (process.getuid?.() !== 0) {
  console.error("bench:db: needs root (it starts PostgreSQL by chroot into the Debian trixie root)");
  process.exit(2);
}
if (!existsSync(`${TRIXIE_ROOT}/.immich-iac-ready`)) {
  console.error(`bench:db: no trixie root at ${TRIXIE_ROOT}: building it with scripts/upstream-root.sh`);
  await execa("bash", [join(ROOT, "scripts", "upstream-root.sh")], { stdio: "inherit", env: { IMMICH_IAC_TRIXIE_ROOT: TRIXIE_ROOT } });
}

const r = await runDbBench({ sizes, seconds, rounds, profile: values.profile!, ...(values.only ? { only: values.only.split(",") } : {}), log: (l) => console.error(l) }).catch((e: unknown) => {
  console.error(`bench:db: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
console.log(`Immich-shaped database benchmark, ${r.date}`);
console.log(`machine: ${r.machine}`);
console.log(`server: ${r.postgres}`);
console.log(`${sizes.join(", ")} assets; ${seconds} s per class, configuration and round; ${rounds} round(s), configurations interleaved`);
for (const c of r.configs) console.log(`  ${c.id}: ${c.label} — shared_buffers ${r.shown[c.id].shared_buffers}, work_mem ${r.shown[c.id].work_mem}, max_wal_size ${r.shown[c.id].max_wal_size}`);
console.log("");
console.log(r.table);
for (const [size, sp] of Object.entries(r.spread)) {
  console.log(`${size} assets: round-to-round spread of one configuration's tx/s, (max − min) / mean: median ${(sp.median * 100).toFixed(0)} %, largest ${(sp.max * 100).toFixed(0)} % — ratios inside it are noise`);
}
if (values.json) writeFileSync(values.json, JSON.stringify(r, null, 2));
