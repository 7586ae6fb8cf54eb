import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { HardwareProfileSchema, type HardwareProfile } from "./hardware-profile-schema.js";
import { loadYamlFile, parseYaml } from "./load-yaml.js";
import { InputError, oneOf, quoteShort } from "./problems.js";

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

/** The names of the shipped profiles, sorted. */
export function shippedProfileNames(): string[] {
  return readdirSync(shippedProfilesDir())
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

/**
 * A profile named on the command line (`--profile`), read the way a deployment's `spec.hardwareProfile` is: a
 * name without `/` or a `.yaml`/`.yml` ending is a shipped profile (`homelab-minimal`); anything else is a path.
 * A bare name that is no shipped profile is still taken as a file when one exists by that name (as before names
 * were accepted); otherwise it is refused with the shipped names.
 */
export function profileArgumentPath(ref: string): string {
  if (ref.includes("/") || /\.ya?ml$/.test(ref)) return ref;
  if (shippedProfileNames().includes(ref)) return shippedProfilePath(ref);
  if (existsSync(ref)) return ref;
  throw new InputError([
    {
      file: "(arguments)",
      line: 1,
      col: 1,
      path: "--profile",
      message: `unknown hardware profile (expected a shipped profile — ${oneOf(shippedProfileNames())} — or a path to a .yaml file, got ${quoteShort(ref)})`,
    },
  ]);
}
