/** This package's version (package.json; a test keeps the two equal). */
export const IMMICH_IAC_VERSION = "0.1.0";

/** Pinned upstream versions, shared by the deployment format and the constructs. */

/** The Immich release deployed when nothing else is said: v3.2.2, the current stable v3 (its patch releases fix VACUUM and reindexing after migrations) [immich-app/immich#31441 v3.2.0, 2026-09-11; v3.2.1–v3.2.2 bug-fix releases]. v3.1.x stays allowed. */
export const DEFAULT_IMMICH_VERSION = "v3.2.2";
/** Immich's PostgreSQL 17 image with VectorChord 1.1.1 and pgvector 0.8.5 [BI versions.yaml 7abbdb6]. */
export const DEFAULT_POSTGRES_IMAGE_TAG = "17-vectorchord1.1.1-pgvector0.8.5";
