/** Upstream image repositories [IMM docker/docker-compose.yml; BI]. */
export const IMMICH_SERVER_IMAGE = "ghcr.io/immich-app/immich-server";
export const IMMICH_ML_IMAGE = "ghcr.io/immich-app/immich-machine-learning";
export const IMMICH_POSTGRES_IMAGE = "ghcr.io/immich-app/postgres";
/** restic's own image (Alpine, busybox sh) at its newest release, 0.18.1 (2025-09-21) [restic CHANGELOG.md]. */
export const RESTIC_IMAGE = "docker.io/restic/restic:0.18.1";

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

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** `ref` pinned to `digest` when one is given (`repo:tag@sha256:…`); the tag stays, for people reading plans. */
export function withDigest(ref: string, digest: string | undefined, what: string): string {
  if (digest === undefined) return ref;
  if (!DIGEST.test(digest)) throw new Error(`${what}: imageDigest must be sha256:<64 lowercase hex digits> (got "${digest}")`);
  return `${ref}@${digest}`;
}

/**
 * Digests upstream publishes for the tags it ships, used when the deployment pins none. Only what upstream
 * wrote down, never a digest looked up by us: Immich's compose pins its PostgreSQL image by digest
 * [Immich docker/docker-compose.yml @ 4cff61e; the same digest prefix bcf63357 at v3.1.0].
 * Its Valkey pin is for the moving tag `valkey:9`, which is not the tag we deploy, so it is not used.
 */
export const UPSTREAM_DIGESTS: Readonly<Record<string, string>> = {
  [`${IMMICH_POSTGRES_IMAGE}:14-vectorchord0.4.3-pgvectors0.2.0`]: "sha256:bcf63357191b76a916ae5eb93464d65c07511da41e3bf7a8416db519b40b1c23",
};

/** Per-service digests a deployment pins (the database's is `postgres.imageDigest`). */
export interface ImageDigests {
  /** The Immich server image, used by the API server and the job handler. */
  readonly server?: string;
  /** The machine-learning image of the chosen backend (its tag includes the backend suffix). */
  readonly machineLearning?: string;
  readonly redis?: string;
  readonly proxy?: string;
  readonly auth?: string;
  /** restic, for the off-site copy. */
  readonly backup?: string;
}
