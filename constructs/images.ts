/** Upstream image repositories [IMM docker/docker-compose.yml; BI]. */
export const IMMICH_SERVER_IMAGE = "ghcr.io/immich-app/immich-server";
export const IMMICH_ML_IMAGE = "ghcr.io/immich-app/immich-machine-learning";
export const IMMICH_POSTGRES_IMAGE = "ghcr.io/immich-app/postgres";

/** Redis 7.4, pinned to a patch release; Valkey 9 (what Immich's compose ships) as the alternative. */
export enum RedisEngine {
  REDIS = "redis",
  VALKEY = "valkey",
}

export const REDIS_IMAGES: Readonly<Record<RedisEngine, string>> = {
  [RedisEngine.REDIS]: "docker.io/library/redis:7.4.5",
  [RedisEngine.VALKEY]: "docker.io/valkey/valkey:9.0.1",
};

/** `repo:tag` or `repo:tag@digest`. */
export function imageRef(repo: string, tag: string, digest?: string): string {
  return digest ? `${repo}:${tag}@${digest}` : `${repo}:${tag}`;
}
