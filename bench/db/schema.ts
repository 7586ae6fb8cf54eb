// The database the benchmark runs on: tables shaped after Immich's own and data generated deterministically.
//
// Table shapes [IMM server/src/schema/tables/<file>] in immich-app/immich (columns the workloads read or write,
// their types, primary keys, the indexes Immich declares on them); names as in Immich v2+/v3 (singular tables).
// Not reproduced: triggers (updated_at, audit tables), foreign keys to user/library/stack, columns no query here
// touches. Immich's vector extension is VectorChord (`vchordrq` indexes); it cannot be built here, so the
// vector indexes are pgvector HNSW with the parameters Immich used for pgvector (m = 16, ef_construction = 300)
// [IMM server/src/utils/database.ts vectorIndexQuery].

/** Bump when the schema or the data generator changes: it names the cached pristine cluster. */
export const SCHEMA_VERSION = 1;

export const OWNER = "6f0c2f5e-5a8b-4f63-9d3e-000000000001";
export const FIRST_DAY = "2010-01-01 00:00:00+00";
/** The generated library spans this many months from FIRST_DAY. */
export const MONTHS = 180;

export interface DataShape {
  readonly assets: number;
  /** One album per ALBUM_SIZE assets; 30 % of assets are in one. */
  readonly albums: number;
  /** Faces: one per two assets, in `persons` people. */
  readonly faces: number;
  readonly persons: number;
}

export function dataShape(assets: number): DataShape {
  return { assets, albums: Math.max(1, Math.floor(assets / 400)), faces: Math.floor(assets / 2), persons: Math.max(10, Math.floor(assets / 200)) };
}

export const SCHEMA_SQL = `
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_prewarm;

-- [IMM asset.table.ts] (table "asset"; the index set Immich declares)
CREATE TABLE asset (
  id uuid PRIMARY KEY,
  "deviceAssetId" varchar NOT NULL,
  "ownerId" uuid NOT NULL,
  "deviceId" varchar NOT NULL,
  type varchar NOT NULL,
  "originalPath" varchar NOT NULL,
  "fileCreatedAt" timestamptz NOT NULL,
  "fileModifiedAt" timestamptz NOT NULL,
  "isFavorite" boolean NOT NULL DEFAULT false,
  duration varchar,
  checksum bytea NOT NULL,
  "livePhotoVideoId" uuid,
  "updatedAt" timestamptz NOT NULL DEFAULT now(),
  "createdAt" timestamptz NOT NULL DEFAULT now(),
  "originalFileName" varchar NOT NULL,
  thumbhash bytea,
  "isOffline" boolean NOT NULL DEFAULT false,
  "libraryId" uuid,
  "isExternal" boolean NOT NULL DEFAULT false,
  "deletedAt" timestamptz,
  "localDateTime" timestamptz NOT NULL,
  "stackId" uuid,
  "duplicateId" uuid,
  status varchar NOT NULL DEFAULT 'active',
  "updateId" uuid NOT NULL DEFAULT gen_random_uuid(),
  visibility varchar NOT NULL DEFAULT 'timeline',
  width integer,
  height integer,
  "isEdited" boolean NOT NULL DEFAULT false
);

-- [IMM asset-exif.table.ts]
CREATE TABLE asset_exif (
  "assetId" uuid PRIMARY KEY REFERENCES asset(id) ON DELETE CASCADE,
  make varchar, model varchar,
  "exifImageWidth" integer, "exifImageHeight" integer,
  "fileSizeInByte" bigint, orientation varchar,
  "dateTimeOriginal" timestamptz, "modifyDate" timestamptz, "timeZone" varchar,
  latitude double precision, longitude double precision, "projectionType" varchar,
  city varchar, "livePhotoCID" varchar, "autoStackId" varchar,
  state varchar, country varchar, description text NOT NULL DEFAULT '',
  "fNumber" double precision, "focalLength" double precision, iso integer, "exposureTime" varchar,
  "lensModel" varchar, "profileDescription" varchar, colorspace varchar, "bitsPerSample" integer,
  rating integer, fps double precision,
  "updatedAt" timestamptz NOT NULL DEFAULT now(),
  "updateId" uuid NOT NULL DEFAULT gen_random_uuid(),
  "lockedProperties" varchar[]
);

-- [IMM album.table.ts], [IMM album-asset.table.ts]
CREATE TABLE album (
  id uuid PRIMARY KEY,
  "ownerId" uuid NOT NULL,
  "albumName" varchar NOT NULL DEFAULT 'Untitled Album',
  "createdAt" timestamptz NOT NULL DEFAULT now(),
  "albumThumbnailAssetId" uuid,
  "updatedAt" timestamptz NOT NULL DEFAULT now(),
  description text NOT NULL DEFAULT '',
  "deletedAt" timestamptz,
  "isActivityEnabled" boolean NOT NULL DEFAULT true,
  "order" varchar NOT NULL DEFAULT 'desc',
  "updateId" uuid NOT NULL DEFAULT gen_random_uuid()
);
CREATE TABLE album_asset (
  "albumId" uuid NOT NULL REFERENCES album(id) ON DELETE CASCADE,
  "assetId" uuid NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  "createdAt" timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY ("albumId", "assetId")
);

-- [IMM smart-search.table.ts]: CLIP embedding of each asset
CREATE TABLE smart_search (
  "assetId" uuid PRIMARY KEY REFERENCES asset(id) ON DELETE CASCADE,
  embedding vector(512) NOT NULL
);

-- [IMM person.table.ts], [IMM asset-face.table.ts], [IMM face-search.table.ts]
CREATE TABLE person (
  id uuid PRIMARY KEY,
  "ownerId" uuid NOT NULL,
  name varchar NOT NULL DEFAULT '',
  "isHidden" boolean NOT NULL DEFAULT false
);
CREATE TABLE asset_face (
  id uuid PRIMARY KEY,
  "assetId" uuid NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  "personId" uuid REFERENCES person(id) ON DELETE SET NULL,
  "imageWidth" integer NOT NULL DEFAULT 0, "imageHeight" integer NOT NULL DEFAULT 0,
  "boundingBoxX1" integer NOT NULL DEFAULT 0, "boundingBoxY1" integer NOT NULL DEFAULT 0,
  "boundingBoxX2" integer NOT NULL DEFAULT 0, "boundingBoxY2" integer NOT NULL DEFAULT 0,
  "sourceType" varchar NOT NULL DEFAULT 'machine-learning',
  "deletedAt" timestamptz,
  "isVisible" boolean NOT NULL DEFAULT true
);
CREATE TABLE face_search (
  "faceId" uuid PRIMARY KEY REFERENCES asset_face(id) ON DELETE CASCADE,
  embedding vector(512) NOT NULL
);

-- [IMM asset-job-status.table.ts]
CREATE TABLE asset_job_status (
  "assetId" uuid PRIMARY KEY REFERENCES asset(id) ON DELETE CASCADE,
  "facesRecognizedAt" timestamptz,
  "metadataExtractedAt" timestamptz,
  "duplicatesDetectedAt" timestamptz,
  "ocrAt" timestamptz
);

-- [IMM asset-file.table.ts]: thumbnail, preview and full-size files of an asset
CREATE TABLE asset_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "assetId" uuid NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  "createdAt" timestamptz NOT NULL DEFAULT now(),
  "updatedAt" timestamptz NOT NULL DEFAULT now(),
  type varchar NOT NULL,
  path varchar NOT NULL,
  "updateId" uuid NOT NULL DEFAULT gen_random_uuid(),
  "isEdited" boolean NOT NULL DEFAULT false,
  UNIQUE ("assetId", type, "isEdited")
);
`;

/** The indexes, built after the load as a restore would (and as Immich's migrations leave them). */
export const INDEX_SQL = `
-- [IMM asset.table.ts]
CREATE INDEX asset_owner_idx ON asset ("ownerId");
CREATE UNIQUE INDEX "UQ_asset_owner_checksum" ON asset ("ownerId", checksum) WHERE "libraryId" IS NULL;
CREATE INDEX idx_local_date_time ON asset ((("localDateTime" AT TIME ZONE 'UTC')::date));
CREATE INDEX idx_local_date_time_month ON asset ((date_trunc('MONTH'::text, ("localDateTime" AT TIME ZONE 'UTC'::text)) AT TIME ZONE 'UTC'::text));
CREATE INDEX idx_asset_file_created_at ON asset ("fileCreatedAt");
CREATE INDEX asset_checksum_idx ON asset (checksum);
CREATE INDEX asset_original_file_name_idx ON asset ("originalFileName");
CREATE INDEX asset_update_id_idx ON asset ("updateId");
CREATE INDEX asset_duplicate_id_idx ON asset ("duplicateId");
-- [IMM asset-exif.table.ts]
CREATE INDEX exif_city ON asset_exif (city);
CREATE INDEX asset_exif_update_id_idx ON asset_exif ("updateId");
-- [IMM album-asset.table.ts], [IMM asset-face.table.ts], [IMM asset-file.table.ts]
CREATE INDEX album_asset_asset_idx ON album_asset ("assetId");
CREATE INDEX asset_face_asset_idx ON asset_face ("assetId");
CREATE INDEX asset_face_person_idx ON asset_face ("personId");
CREATE INDEX asset_file_asset_idx ON asset_file ("assetId");
-- [IMM server/src/utils/database.ts]: the vector indexes as Immich created them on pgvector
CREATE INDEX clip_index ON smart_search USING hnsw (embedding vector_cosine_ops) WITH (ef_construction = 300, m = 16);
CREATE INDEX face_index ON face_search USING hnsw (embedding vector_cosine_ops) WITH (ef_construction = 300, m = 16);
`;

/**
 * Deterministic data (setseed, no parallel plans): asset i has id md5('a' || i)::uuid, face j md5('f' || j)::uuid.
 * Embeddings are clustered like real ones (a centroid per theme or person plus noise), not uniform noise, so that
 * the graph search does the work it does on a real library.
 */
export function loadSql(shape: DataShape): string {
  const { assets: n, albums, faces, persons } = shape;
  return `
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.26);
CREATE TEMP TABLE centroid AS
  SELECT c, array_agg(random() - 0.5 ORDER BY d) AS v FROM generate_series(1, 64) c, generate_series(1, 512) d GROUP BY c;

INSERT INTO asset (id, "deviceAssetId", "ownerId", "deviceId", type, "originalPath", "fileCreatedAt", "fileModifiedAt",
                   "isFavorite", duration, checksum, "originalFileName", thumbhash, "localDateTime", "deletedAt", width, height, "updateId")
SELECT md5('a' || i)::uuid, 'device-asset-' || i, '${OWNER}', 'phone', t, '/data/library/admin/' || i || ext, ts, ts,
       random() < 0.05, CASE WHEN t = 'VIDEO' THEN '0:00:12.000000' END, decode(md5('c' || i), 'hex'), 'IMG_' || i || ext,
       decode(md5('t' || i), 'hex'), ts, CASE WHEN random() < 0.01 THEN ts END, 4032, 3024, md5('u' || i)::uuid
FROM (SELECT i, CASE WHEN random() < 0.1 THEN 'VIDEO' ELSE 'IMAGE' END AS t, CASE WHEN random() < 0.1 THEN '.mp4' ELSE '.jpg' END AS ext,
             '${FIRST_DAY}'::timestamptz + (random() * ${MONTHS * 30.4} || ' days')::interval AS ts
      FROM generate_series(1, ${n}) i) s;

INSERT INTO asset_exif ("assetId", make, model, "exifImageWidth", "exifImageHeight", "fileSizeInByte", orientation, "dateTimeOriginal",
                        "modifyDate", "timeZone", latitude, longitude, city, state, country, "fNumber", "focalLength", iso, "exposureTime", "lensModel")
SELECT a.id, 'Make' || (i % 7), 'Model' || (i % 23), 4032, 3024, 2000000 + (random() * 4000000)::int, '1', a."fileCreatedAt",
       a."fileCreatedAt", 'UTC', 40 + random() * 10, random() * 20, 'City' || (i % 300), 'State' || (i % 40), 'Country' || (i % 12),
       1.8, 4.2, 100, '1/120', 'Lens' || (i % 11)
FROM generate_series(1, ${n}) i JOIN asset a ON a.id = md5('a' || i)::uuid;

INSERT INTO asset_job_status ("assetId", "metadataExtractedAt", "facesRecognizedAt", "duplicatesDetectedAt")
SELECT id, now(), now(), now() FROM asset;
INSERT INTO asset_file ("assetId", type, path)
SELECT id, f, '/data/thumbs/' || id || '-' || f || '.webp' FROM asset, (VALUES ('thumbnail'), ('preview')) v(f);

INSERT INTO album (id, "ownerId", "albumName") SELECT md5('al' || k)::uuid, '${OWNER}', 'Album ' || k FROM generate_series(1, ${albums}) k;
INSERT INTO album_asset ("albumId", "assetId")
SELECT md5('al' || (1 + (i % ${albums})))::uuid, md5('a' || i)::uuid FROM generate_series(1, ${n}) i WHERE i % 10 < 3;

INSERT INTO smart_search ("assetId", embedding)
SELECT md5('a' || i)::uuid,
       (SELECT array_agg(c.v[d] + (random() - 0.5) * 0.6 ORDER BY d) FROM generate_series(1, 512) d)::vector(512)
FROM generate_series(1, ${n}) i JOIN centroid c ON c.c = 1 + (i * 7919) % 64;

INSERT INTO person (id, "ownerId", name) SELECT md5('p' || k)::uuid, '${OWNER}', 'Person ' || k FROM generate_series(1, ${persons}) k;
CREATE TEMP TABLE face_centroid AS
  SELECT k, array_agg(random() - 0.5 ORDER BY d) AS v FROM generate_series(1, ${persons}) k, generate_series(1, 512) d GROUP BY k;
INSERT INTO asset_face (id, "assetId", "personId", "imageWidth", "imageHeight", "boundingBoxX1", "boundingBoxY1", "boundingBoxX2", "boundingBoxY2")
SELECT md5('f' || j)::uuid, md5('a' || (1 + (j * 2) % ${n}))::uuid, CASE WHEN j % 5 <> 0 THEN md5('p' || (1 + j % ${persons}))::uuid END,
       4032, 3024, 100, 100, 400, 400
FROM generate_series(1, ${faces}) j;
INSERT INTO face_search ("faceId", embedding)
SELECT md5('f' || j)::uuid,
       (SELECT array_agg(fc.v[d] + (random() - 0.5) * 0.4 ORDER BY d) FROM generate_series(1, 512) d)::vector(512)
FROM generate_series(1, ${faces}) j JOIN face_centroid fc ON fc.k = 1 + j % ${persons};
`;
}
