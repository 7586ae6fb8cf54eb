import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { parseProfile } from "../src/profile/load-profile.js";
import { formatProblem, InputError } from "../src/profile/problems.js";
import { IMMICH_MIN_RAM_GIB, LIMITS, type HardwareProfile } from "../src/profile/hardware-profile-schema.js";

export const REPO = join(import.meta.dirname, "..");
export const SHIPPED_PROFILES = ["epyc-4004-prosumer", "xeon-e2400-enterprise", "homelab-minimal"] as const;

export function shippedProfileText(name: string): string {
  return readFileSync(join(REPO, "hardware-profiles", `${name}.yaml`), "utf8");
}

export function shippedProfile(name: string): HardwareProfile {
  return parseProfile(shippedProfileText(name), `${name}.yaml`);
}

/** A small valid profile as plain data, to be changed by each test. */
export function baseProfile(): Record<string, any> {
  return {
    apiVersion: "immich-iac/v1",
    kind: "HardwareProfile",
    metadata: { name: "test-box", description: "test" },
    spec: {
      cpu: { vendor: "amd", model: "EPYC 4464P", cores: 12, threads: 24 },
      memory: { totalGiB: 64, ecc: true },
      storage: {
        pools: [
          { name: "fast", layout: "mirror", media: "nvme-gen4", devices: ["/dev/nvme0n1", "/dev/nvme1n1"], roles: ["database", "ml-cache", "thumbnails", "docker"] },
          { name: "tank", layout: "raidz2", media: "hdd", devices: ["/dev/sda", "/dev/sdb", "/dev/sdc", "/dev/sdd"], roles: ["library", "backups"] },
        ],
      },
      network: { interfaces: [{ name: "eth0", speedGbps: 10, mtu: 1500 }] },
      accelerators: [],
    },
  };
}

/** Problems for a profile given as data, formatted as the CLI prints them; [] when valid. */
export function problemsOf(data: unknown, file = "p.yaml"): string[] {
  try {
    parseProfile(stringify(data), file);
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
}

/** Problems for raw YAML text. */
export function problemsOfText(text: string, file = "p.yaml"): string[] {
  try {
    parseProfile(text, file);
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
}

/** Problems without the `file:line:col: ` prefix, to assert path and message exactly. */
export function messagesOf(data: unknown): string[] {
  return problemsOf(data).map((p) => p.replace(/^[^:]+:\d+:\d+: /, ""));
}

export function profileOf(data: unknown): HardwareProfile {
  return parseProfile(stringify(data), "p.yaml");
}

/**
 * The extremes the profile schema accepts (its LIMITS and minimums): what the tuning derives from them must
 * still be accepted by PostgreSQL, Redis and the kernel. Checked by the upstream suites like shipped profiles.
 */
export function boundaryProfiles(): Record<string, HardwareProfile> {
  const largest = baseProfile();
  largest.metadata.name = "largest-accepted";
  Object.assign(largest.spec.cpu, { cores: LIMITS.cores, threads: LIMITS.threads });
  largest.spec.memory.totalGiB = LIMITS.totalGiB;
  largest.spec.network.interfaces = [{ name: "eth0", speedGbps: LIMITS.speedGbps, mtu: 9216 }];
  const smallest = baseProfile();
  smallest.metadata.name = "smallest-accepted";
  Object.assign(smallest.spec.cpu, { cores: 1, threads: 1 });
  smallest.spec.memory.totalGiB = IMMICH_MIN_RAM_GIB;
  smallest.spec.network.interfaces = [{ name: "eth0", speedGbps: 0.01, mtu: 576 }];
  return { "largest-accepted": profileOf(largest), "smallest-accepted": profileOf(smallest) };
}

/** Base unit of each PostgreSQL memory setting, in kB (pg_settings.unit in PostgreSQL 17; `postgres -C` prints in it). */
export const BASE_UNIT_KB: Readonly<Record<string, number>> = {
  shared_buffers: 8,
  effective_cache_size: 8,
  wal_buffers: 8,
  work_mem: 1,
  maintenance_work_mem: 1,
  autovacuum_work_mem: 1,
  min_wal_size: 1024,
  max_wal_size: 1024,
};
