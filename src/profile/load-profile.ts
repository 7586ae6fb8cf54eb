import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { HardwareProfileSchema, type HardwareProfile } from "./hardware-profile-schema.js";
import { loadYamlFile, parseYaml } from "./load-yaml.js";

/** The folder of profiles shipped with the package (works from `src/` and from `dist/src/`). */
export function shippedProfilesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "hardware-profiles");
    if (existsSync(join(candidate, "schema.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("hardware-profiles/ not found next to the immich-iac package");
    dir = parent;
  }
}

export function loadProfileFile(file: string): HardwareProfile {
  return loadYamlFile(file, HardwareProfileSchema, undefined, "HardwareProfile");
}

export function parseProfile(text: string, file = "<inline>"): HardwareProfile {
  return parseYaml(text, file, HardwareProfileSchema, undefined, "HardwareProfile");
}

/** Path of a shipped profile by name (`epyc-4004-prosumer`). */
export function shippedProfilePath(name: string): string {
  return resolve(shippedProfilesDir(), `${name}.yaml`);
}
