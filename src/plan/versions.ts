/** Immich releases: `v3.1.0`, `v1.132.3` (also without the v). Moving tags (`release`, `v3`) are not versions. */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

export function parseImmichVersion(tag: string): SemVer | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : undefined;
}

export function compareVersions(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export const formatVersion = (v: SemVer) => `v${v.major}.${v.minor}.${v.patch}`;

/** `ghcr.io/immich-app/immich-server:v3.1.0@sha256:…` → repo and tag. */
export function splitImage(ref: string): { repo: string; tag: string } {
  const noDigest = ref.split("@")[0]!;
  const i = noDigest.lastIndexOf(":");
  if (i < 0 || noDigest.slice(i).includes("/")) return { repo: noDigest, tag: "latest" };
  return { repo: noDigest.slice(0, i), tag: noDigest.slice(i + 1) };
}

/** The Postgres image tag grammar: `{pg}-vectorchord{vc}[-pgvector{pv}][-pgvectors{pvs}]` [immich base-images]. */
export interface PostgresImage {
  readonly major: number;
  readonly vectorchord?: string;
  readonly pgvector?: string;
  readonly pgvectors?: string;
}

export function parsePostgresTag(tag: string): PostgresImage | undefined {
  const m = /^(\d+)(?:-vectorchord([\d.]+))?(?:-pgvector([\d.]+))?(?:-pgvectors([\d.]+))?$/.exec(tag);
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    ...(m[2] ? { vectorchord: m[2] } : {}),
    ...(m[3] ? { pgvector: m[3] } : {}),
    ...(m[4] ? { pgvectors: m[4] } : {}),
  };
}
