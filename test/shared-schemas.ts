import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { REPO } from "./util.js";

/**
 * The upstream schemas live outside the repo, in ../shared/schemas (or IMMICH_IAC_SCHEMAS). Under CI their
 * absence fails the suite; elsewhere the suites that need them are skipped and say why.
 */
export function sharedSchemasDir(): { dir?: string; reason: string } {
  const dir = process.env.IMMICH_IAC_SCHEMAS ?? resolve(REPO, "..", "shared", "schemas");
  if (existsSync(join(dir, "immich-v3.1.0", "immich-openapi-specs.json"))) return { dir, reason: "" };
  const reason = `upstream schemas not found at ${dir} (set IMMICH_IAC_SCHEMAS or check out ../shared)`;
  if (process.env.CI) throw new Error(`CI needs the upstream schemas: ${reason}`);
  return { reason };
}

export function readSchema(dir: string, rel: string): any {
  return JSON.parse(readFileSync(join(dir, rel), "utf8"));
}
