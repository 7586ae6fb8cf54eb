import { IMAGE_PINS, pinnedRef } from "../src/versions.js";

/** Upstream image repositories [IMM docker/docker-compose.yml; BI]; tags and floors live in IMAGE_PINS. */
export const IMMICH_SERVER_IMAGE = IMAGE_PINS["immich-server"].image;
export const IMMICH_ML_IMAGE = IMAGE_PINS["immich-machine-learning"].image;
export const IMMICH_POSTGRES_IMAGE = IMAGE_PINS.postgres.image;
/** restic's own image (Alpine, busybox sh); its release and floor are in IMAGE_PINS.restic. */
export const RESTIC_IMAGE = pinnedRef("restic");

/**
 * Redis 7.4 or Valkey 9 (what Immich's compose ships); releases and the CVEs their floors guard against are in
 * IMAGE_PINS.
 */
export enum RedisEngine {
  REDIS = "redis",
  VALKEY = "valkey",
}

export const REDIS_IMAGES: Readonly<Record<RedisEngine, string>> = {
  [RedisEngine.REDIS]: pinnedRef("redis"),
  [RedisEngine.VALKEY]: pinnedRef("valkey"),
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
  ...Object.fromEntries(Object.values(IMAGE_PINS).flatMap((p) => (p.digest ? [[`${p.image}:${p.tag}`, p.digest]] : []))),
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
