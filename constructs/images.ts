/** Upstream image repositories [IMM docker/docker-compose.yml; BI]. */
export const IMMICH_SERVER_IMAGE = "ghcr.io/immich-app/immich-server";
export const IMMICH_ML_IMAGE = "ghcr.io/immich-app/immich-machine-learning";
export const IMMICH_POSTGRES_IMAGE = "ghcr.io/immich-app/postgres";

/**
 * Redis 7.4 at its newest patch release (7.4.11): 7.4.6 fixed CVE-2025-49844 (Lua use-after-free, remote code
 * execution) and 7.4.9 a further set of CVEs [redis.io advisory CVE-2025-49844; redis/docs#3292, May 2026].
 * Valkey 9 (what Immich's compose ships) is the alternative.
 */
export enum RedisEngine {
  REDIS = "redis",
  VALKEY = "valkey",
}

export const REDIS_IMAGES: Readonly<Record<RedisEngine, string>> = {
  [RedisEngine.REDIS]: "docker.io/library/redis:7.4.11",
  [RedisEngine.VALKEY]: "docker.io/valkey/valkey:9.0.1",
};

/** `repo:tag` or `repo:tag@digest`. */
export function imageRef(repo: string, tag: string, digest?: string): string {
  return digest ? `${repo}:${tag}@${digest}` : `${repo}:${tag}`;
}
