/** This package's version (package.json; a test keeps the two equal). */
export const IMMICH_IAC_VERSION = "0.1.0";

/**
 * Every image the stack deploys, in one table: its tag, the digest upstream publishes for it (if any), the
 * oldest release we accept (the floor) and why, where the fact was read and when. The constructs take their
 * tags from here; test/versions.test.ts holds each pin at or above its floor and every deployed image in the
 * table; `immich-iac versions` prints it; docs/versions.md says how to move a pin.
 */
export interface ImagePin {
  /** Registry and repository, without tag. */
  readonly image: string;
  /** The tag deployed by default (for Immich's images: the release; the ML backend suffix is added per node). */
  readonly tag: string;
  /** The version the floor is compared with (dotted numbers, no leading v). */
  readonly version: string;
  /** A digest upstream itself publishes for this exact tag; none is ever looked up by us. */
  readonly digest?: string;
  /** Why there is no digest, when there is none. */
  readonly noDigest?: string;
  /** The oldest version we accept (dotted numbers). */
  readonly floor: string;
  /** Why the floor is where it is: a CVE, an end-of-support date, or a compatibility reason. */
  readonly floorReason: string;
  /** Where the tag and the floor were read: a release, tag or commit upstream. */
  readonly source: string;
  /** The day the pin was checked against upstream (YYYY-MM-DD). */
  readonly checked: string;
}

export type PinId =
  | "immich-server"
  | "immich-machine-learning"
  | "postgres"
  | "redis"
  | "valkey"
  | "caddy"
  | "authelia"
  | "restic"
  | "prometheus"
  | "grafana"
  | "alertmanager"
  | "node-exporter"
  | "postgres-exporter"
  | "redis-exporter"
  | "blackbox-exporter"
  | "smartctl-exporter"
  | "cadvisor";

const IMMICH_RELEASE = "v3.2.2";
const IMMICH_PIN = {
  tag: IMMICH_RELEASE,
  version: IMMICH_RELEASE.slice(1),
  noDigest: "Immich's compose file pins its release images by tag only (IMMICH_VERSION)",
  floor: "3.2.0",
  floorReason: "compatibility: the config file is typed from @immich/sdk 3.2.2 (package.json) and v3.1.x is allowed only when chosen; v3.2.2 fixes VACUUM and reindexing after migrations",
  source: "https://github.com/immich-app/immich/pull/31441 (chore: version v3.2.0, 2026-09-11); docker/docker-compose.yml @ 4cff61e",
  checked: "2026-12-07",
} as const;

export const IMAGE_PINS: Readonly<Record<PinId, ImagePin>> = {
  "immich-server": { image: "ghcr.io/immich-app/immich-server", ...IMMICH_PIN },
  "immich-machine-learning": { image: "ghcr.io/immich-app/immich-machine-learning", ...IMMICH_PIN },
  postgres: {
    image: "ghcr.io/immich-app/postgres",
    tag: "17-vectorchord1.1.1-pgvector0.8.5",
    version: "17",
    noDigest:
      "upstream publishes no digest for any PostgreSQL 17 tag: Immich's docker-compose.yml (@ 4cff61e) pins only 14-vectorchord0.4.3-pgvectors0.2.0@sha256:bcf63357…, and base-images (@ ff4be93) publishes tags, no digests; pin one yourself with postgres.imageDigest",
    floor: "14",
    floorReason: "compatibility: Immich supports PostgreSQL 14–18 with VectorChord (base-images postgres/versions.yaml @ ff4be93 builds 14–18)",
    source: "https://github.com/immich-app/base-images/blob/ff4be93749a9dd61393f8ee88613b5039c0a389a/postgres/versions.yaml (VectorChord 1.1.1, pgvector 0.8.5)",
    checked: "2026-12-07",
  },
  redis: {
    image: "docker.io/library/redis",
    tag: "7.4.11",
    version: "7.4.11",
    noDigest: "Docker Official Images publish no digest in a source we can read here",
    floor: "7.4.6",
    floorReason: "CVE-2025-49844 (Lua use-after-free, remote code execution) fixed in 7.4.6; 7.4.9 fixed a further set",
    source: "redis.io advisory CVE-2025-49844; redis/docs#3292 (May 2026)",
    checked: "2026-12-07",
  },
  valkey: {
    image: "docker.io/valkey/valkey",
    tag: "9.1.1",
    version: "9.1.1",
    noDigest: "Immich's compose pins the moving tag valkey:9 by digest, not this tag",
    floor: "9.1.1",
    floorReason: "CVE-2026-56684 (TLS CLIENT KILL use-after-free, RCE) and CVE-2026-63639 (corrupt stream RDB, RCE) fixed in 9.1.1; 9.1.0 fixed CVE-2026-23479, CVE-2026-25243, CVE-2026-23631",
    source: "https://github.com/valkey-io/valkey/releases/tag/9.1.1 (released 2026-07-21; notes read in helmforgedev/charts#883 and SlyBase/helm-charts#531)",
    checked: "2026-12-07",
  },
  caddy: {
    image: "docker.io/library/caddy",
    tag: "2.11.9",
    version: "2.11.9",
    noDigest: "Docker Official Images publish no digest in a source we can read here",
    floor: "2.11.0",
    floorReason: "end of support: Caddy supports only 2.latest (.github/SECURITY.md); v2.11.0 first carries the nebula CVE fix (caddy#7471)",
    source: "Go module github.com/caddyserver/caddy/v2@v2.11.9 (2026-11-04); tag v2.11.4 e2eee6a in caddyserver/caddy",
    checked: "2026-12-07",
  },
  authelia: {
    image: "docker.io/authelia/authelia",
    tag: "4.39.28",
    version: "4.39.28",
    noDigest: "Authelia publishes no digest in a source we can read here",
    floor: "4.39.28",
    floorReason: "the release cut to pull in authelia/baseimage#19 (fixes authelia#13191)",
    source: "https://github.com/authelia/authelia/pull/13195 (release: v4.39.28, 2026-09-17)",
    checked: "2026-12-07",
  },
  restic: {
    image: "docker.io/restic/restic",
    tag: "0.19.1",
    version: "0.19.1",
    noDigest: "restic publishes no image digest in a source we can read here",
    floor: "0.19.0",
    floorReason: "end of support: restic fixes only its newest release; 0.18.1 (2025-09-21) was superseded by 0.19.0 (2026-06-09)",
    source: "https://github.com/restic/restic/releases/tag/v0.19.1 (tag 6aa3a51, 2026-07-05, CHANGELOG.md)",
    checked: "2026-12-07",
  },
  prometheus: {
    image: "docker.io/prom/prometheus",
    tag: "v3.13.5",
    version: "3.13.5",
    noDigest: "Prometheus publishes no image digest in a source we can read here",
    floor: "3.13.0",
    floorReason: "end of life: 3.5 LTS support ended 2026-07-31; 3.13 is the LTS line (supported until July 2027)",
    source: "Go module github.com/prometheus/prometheus@v0.313.5 (= v3.13.5, 2026-10-21); RELEASE.md and tag v3.13.2 bb5dff0 in prometheus/prometheus",
    checked: "2026-12-07",
  },
  grafana: {
    image: "docker.io/grafana/grafana",
    // The release the dashboards' @grafana/schema types come from (package.json pins the same version).
    tag: "13.2.3",
    version: "13.2.3",
    noDigest: "Grafana publishes no image digest in a source we can read here",
    floor: "13.2.3",
    floorReason: "compatibility: the dashboards are typed from @grafana/schema 13.2.3 (package.json)",
    source: "issue 23 audit: current; @grafana/schema 13.2.3",
    checked: "2026-12-07",
  },
  alertmanager: {
    image: "docker.io/prom/alertmanager",
    tag: "v0.35.0",
    version: "0.35.0",
    noDigest: "Prometheus publishes no image digest in a source we can read here",
    floor: "0.32.0",
    floorReason: "end of support: the Prometheus project maintains only the newest minor releases; 0.28 is long out",
    source: "Go module github.com/prometheus/alertmanager@v0.35.0 (2026-11-09); CHANGELOG.md @ tag v0.34.0 085f0ef",
    checked: "2026-12-07",
  },
  "node-exporter": {
    image: "docker.io/prom/node-exporter",
    tag: "v1.12.1",
    version: "1.12.1",
    noDigest: "Prometheus publishes no image digest in a source we can read here",
    floor: "1.12.0",
    floorReason: "end of support: the Prometheus project maintains only the newest minor release (1.12.0, 2026-07-10)",
    source: "https://github.com/prometheus/node_exporter/releases/tag/v1.12.1 (tag 6044da7, 2026-07-14)",
    checked: "2026-12-07",
  },
  "postgres-exporter": {
    image: "quay.io/prometheuscommunity/postgres-exporter",
    tag: "v0.17.1",
    version: "0.17.1",
    noDigest: "the Prometheus community publishes no image digest in a source we can read here",
    floor: "0.17.1",
    floorReason: "compatibility: the metric names the alert rules and dashboards use (test/upstream/alert-rules.test.ts)",
    source: "not re-checked in issue 23 (out of its list)",
    checked: "2026-12-07",
  },
  "redis-exporter": {
    image: "docker.io/oliver006/redis_exporter",
    // The -alpine variant: the plain image is FROM scratch, with nothing to run a healthcheck with.
    tag: "v1.69.0-alpine",
    version: "1.69.0",
    noDigest: "redis_exporter publishes no image digest in a source we can read here",
    floor: "1.69.0",
    floorReason: "compatibility: the metric names the alert rules use (test/upstream/alert-rules.test.ts)",
    source: "not re-checked in issue 23 (out of its list)",
    checked: "2026-12-07",
  },
  "blackbox-exporter": {
    image: "docker.io/prom/blackbox-exporter",
    tag: "v0.26.0",
    version: "0.26.0",
    noDigest: "Prometheus publishes no image digest in a source we can read here",
    floor: "0.26.0",
    floorReason: "compatibility: the probe_* metric names the alert rules use (test/upstream/alert-rules.test.ts)",
    source: "not re-checked in issue 23 (out of its list)",
    checked: "2026-12-07",
  },
  "smartctl-exporter": {
    image: "quay.io/prometheuscommunity/smartctl-exporter",
    tag: "v0.14.0",
    version: "0.14.0",
    noDigest: "the Prometheus community publishes no image digest in a source we can read here",
    floor: "0.14.0",
    floorReason: "compatibility: the release the tests build from the Go module proxy (scripts/upstream-root.sh)",
    source: "issue 23 audit: current",
    checked: "2026-12-07",
  },
  cadvisor: {
    image: "ghcr.io/google/cadvisor",
    // Images moved from gcr.io to ghcr.io with v0.54.0.
    tag: "v0.60.6",
    version: "0.60.6",
    noDigest: "cAdvisor publishes no image digest in a source we can read here",
    floor: "0.54.0",
    floorReason: "compatibility: the first release published at ghcr.io (older ones are on gcr.io)",
    source: "issue 23 audit: current",
    checked: "2026-12-07",
  },
};

/** `repo:tag` of a pin (the digest is added by the constructs, see withDigest). */
export const pinnedRef = (id: PinId): string => `${IMAGE_PINS[id].image}:${IMAGE_PINS[id].tag}`;

/** Dotted-number comparison: negative when a < b, 0 when equal, positive when a > b. */
export function compareDotted(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The Immich release deployed when nothing else is said (v3.1.x stays allowed). */
export const DEFAULT_IMMICH_VERSION = IMMICH_RELEASE;
/** Immich's PostgreSQL 17 image with VectorChord 1.1.1 and pgvector 0.8.5 [BI versions.yaml]. */
export const DEFAULT_POSTGRES_IMAGE_TAG = IMAGE_PINS.postgres.tag;
