// The workload classes, as pgbench scripts. Each names the Immich query it imitates [IMM server/src/queries/<file>
// in immich-app/immich: the SQL Immich's sql-generator writes for each repository method]. pgbench runs them
// with prepared statements (`-M prepared`), as Immich's driver (postgres.js) does.
import { MONTHS, FIRST_DAY } from "./schema.js";

export interface ScriptPart {
  /** The class name in the report. */
  readonly name: string;
  /** The Immich query shape it imitates. */
  readonly source: string;
  readonly script: string;
  /** pgbench weight among the parts of one run. */
  readonly weight: number;
}

export interface WorkloadRun {
  /** One pgbench run: its parts run side by side, picked by weight, by `clients` connections. */
  readonly id: string;
  readonly clients: number;
  readonly parts: readonly ScriptPart[];
}

/** Concurrency of Immich's job queues as our tuning sets them, for the ingestion run. */
export interface IngestConcurrency {
  readonly metadataExtraction: number;
  readonly thumbnailGeneration: number;
  readonly smartSearch: number;
  readonly faceDetection: number;
}

/** Web requests at once: a browser scrolling the timeline fetches a few buckets in parallel. */
export const WEB_CLIENTS = 4;

const ASSET_COLUMNS = `asset.id, asset."ownerId", asset.status, asset."deletedAt", asset.visibility, asset."isFavorite", asset.type,
  asset."livePhotoVideoId", asset."stackId", asset.thumbhash, asset.duration, asset."fileCreatedAt", asset."localDateTime"`;
const MONTH_OF = `(date_trunc('MONTH', asset."localDateTime" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;

/** `\set` lines every script may use; `:n`, `:faces`, `:albums` and `:owners` come from `-D`. */
const PICK = `\\set i random(1, :n)\n\\set m random(0, ${MONTHS - 1})\n`;

export function workloadRuns(ingest: IngestConcurrency): WorkloadRun[] {
  const one = (id: string, clients: number, source: string, script: string): WorkloadRun => ({ id, clients, parts: [{ name: id, source, script: PICK + script, weight: 1 }] });
  return [
    one(
      "timeline-buckets",
      WEB_CLIENTS,
      "AssetRepository.getTimeBuckets [IMM asset.repository.sql]: the months of the timeline and their counts",
      `WITH asset AS (SELECT ${MONTH_OF} AS "timeBucket" FROM asset
  WHERE asset."ownerId" = any(:owners::uuid[]) AND asset."deletedAt" IS NULL AND asset.visibility IN ('archive', 'timeline'))
SELECT ("timeBucket" AT TIME ZONE 'UTC')::date::text AS "timeBucket", count(*) AS count FROM asset GROUP BY "timeBucket" ORDER BY "timeBucket" DESC;
`,
    ),
    one(
      "timeline-bucket",
      WEB_CLIENTS,
      "AssetRepository.getTimeBucket [IMM asset.repository.sql]: one month's assets, aggregated into column arrays",
      `WITH cte AS (SELECT ${ASSET_COLUMNS}, asset_exif.city, asset_exif.country, asset_exif."projectionType",
    coalesce(asset.width::float / nullif(asset.height, 0), 1) AS ratio
  FROM asset LEFT JOIN asset_exif ON asset.id = asset_exif."assetId"
  WHERE asset."deletedAt" IS NULL AND asset.visibility IN ('archive', 'timeline') AND asset."ownerId" = any(:owners::uuid[])
    AND ${MONTH_OF} = '${FIRST_DAY}'::timestamptz + make_interval(months => :m)
  ORDER BY asset."fileCreatedAt" DESC),
agg AS (SELECT coalesce(array_agg(id), '{}') AS id, coalesce(array_agg(thumbhash), '{}') AS thumbhash, coalesce(array_agg("fileCreatedAt"), '{}') AS "fileCreatedAt",
    coalesce(array_agg(city), '{}') AS city, coalesce(array_agg(country), '{}') AS country, coalesce(array_agg(ratio), '{}') AS ratio,
    coalesce(array_agg("isFavorite"), '{}') AS "isFavorite", coalesce(array_agg(type), '{}') AS type FROM cte)
SELECT to_json(agg)::text FROM agg;
`,
    ),
    one(
      "album",
      WEB_CLIENTS,
      "AssetRepository.getTimeBucket with albumId [IMM asset.repository.sql]: an album's assets, newest first",
      `\\set a random(1, :albums)
WITH cte AS (SELECT ${ASSET_COLUMNS}, asset_exif.city, asset_exif.country
  FROM asset LEFT JOIN asset_exif ON asset.id = asset_exif."assetId"
  WHERE asset."deletedAt" IS NULL AND asset.visibility IN ('archive', 'timeline')
    AND EXISTS (SELECT FROM album_asset WHERE album_asset."assetId" = asset.id AND album_asset."albumId" = md5('al' || :a)::uuid)
  ORDER BY asset."fileCreatedAt" DESC)
SELECT count(*), array_agg(id) FROM cte;
`,
    ),
    one(
      "smart-search",
      WEB_CLIENTS,
      "SearchRepository.searchSmart [IMM search.repository.sql]: top 100 by CLIP embedding; the query vector is a stored embedding (Immich's is the text's)",
      `BEGIN;
SET LOCAL hnsw.ef_search = 100;
SELECT ${ASSET_COLUMNS} FROM asset
  INNER JOIN asset_exif ON asset.id = asset_exif."assetId"
  INNER JOIN smart_search ON asset.id = smart_search."assetId"
  WHERE asset."ownerId" = any(:owners::uuid[]) AND asset."deletedAt" IS NULL AND asset.visibility IN ('archive', 'timeline')
  ORDER BY smart_search.embedding <=> (SELECT embedding FROM smart_search WHERE "assetId" = md5('a' || :i)::uuid), asset.id
  LIMIT 100;
COMMIT;
`,
    ),
    one(
      "face-search",
      // The facial-recognition job asks it once per face, at the face-detection queue's concurrency.
      Math.max(1, ingest.faceDetection),
      "SearchRepository.searchFaces [IMM search.repository.sql]: the facial-recognition job's nearest faces",
      `\\set f random(1, :faces)
BEGIN;
SET LOCAL hnsw.ef_search = 100;
WITH cte AS (SELECT asset_face.id, asset_face."personId",
    face_search.embedding <=> (SELECT embedding FROM face_search WHERE "faceId" = md5('f' || :f)::uuid) AS distance
  FROM asset_face INNER JOIN asset ON asset.id = asset_face."assetId"
    INNER JOIN face_search ON face_search."faceId" = asset_face.id
    LEFT JOIN person ON person.id = asset_face."personId"
  WHERE asset."ownerId" = any(:owners::uuid[]) AND asset."deletedAt" IS NULL
  ORDER BY distance LIMIT 3)
SELECT * FROM cte WHERE cte.distance <= 0.5;
COMMIT;
`,
    ),
    {
      id: "ingestion",
      clients: ingest.metadataExtraction + ingest.thumbnailGeneration + ingest.smartSearch + ingest.faceDetection,
      parts: [
        {
          name: "ingest-exif",
          weight: ingest.metadataExtraction,
          source: "MetadataService metadata extraction: AssetRepository.upsertExif, AssetRepository.update, upsertJobStatus [IMM asset.repository.sql, asset.job.repository.sql]; each statement its own transaction",
          script: `${PICK}\\set c :i % 300
INSERT INTO asset_exif ("assetId", make, model, "exifImageWidth", "exifImageHeight", "fileSizeInByte", orientation, "dateTimeOriginal", "modifyDate",
  "timeZone", latitude, longitude, city, state, country, "fNumber", "focalLength", iso, "exposureTime", "lensModel", "updatedAt")
VALUES (md5('a' || :i)::uuid, 'Make1', 'Model2', 4032, 3024, 3100000, '1', now(), now(), 'UTC', 45.1, 7.6, 'City' || :c, 'State1', 'Country1', 1.8, 4.2, 100, '1/120', 'Lens3', now())
ON CONFLICT ("assetId") DO UPDATE SET make = excluded.make, model = excluded.model, "exifImageWidth" = excluded."exifImageWidth",
  "exifImageHeight" = excluded."exifImageHeight", "fileSizeInByte" = excluded."fileSizeInByte", orientation = excluded.orientation,
  "modifyDate" = excluded."modifyDate", latitude = excluded.latitude, longitude = excluded.longitude, city = excluded.city,
  state = excluded.state, country = excluded.country, "lensModel" = excluded."lensModel", "updatedAt" = excluded."updatedAt", "updateId" = gen_random_uuid();
UPDATE asset SET width = 4032, height = 3024, duration = NULL, "updatedAt" = now(), "updateId" = gen_random_uuid() WHERE id = md5('a' || :i)::uuid;
INSERT INTO asset_job_status ("assetId", "metadataExtractedAt") VALUES (md5('a' || :i)::uuid, now())
ON CONFLICT ("assetId") DO UPDATE SET "metadataExtractedAt" = excluded."metadataExtractedAt";
`,
        },
        {
          name: "ingest-thumbnail",
          weight: ingest.thumbnailGeneration,
          source: "MediaService thumbnail generation: AssetRepository.upsertFiles and the thumbhash update [IMM asset.repository.sql]",
          script: `${PICK}INSERT INTO asset_file ("assetId", type, path) VALUES
  (md5('a' || :i)::uuid, 'thumbnail', '/data/thumbs/' || :i || '-thumbnail.webp'),
  (md5('a' || :i)::uuid, 'preview', '/data/thumbs/' || :i || '-preview.jpeg'),
  (md5('a' || :i)::uuid, 'fullsize', '/data/thumbs/' || :i || '-fullsize.jpeg')
ON CONFLICT ("assetId", type, "isEdited") DO UPDATE SET path = excluded.path, "updatedAt" = now(), "updateId" = gen_random_uuid();
UPDATE asset SET thumbhash = decode(md5('t' || :i || now()), 'hex'), "updatedAt" = now(), "updateId" = gen_random_uuid() WHERE id = md5('a' || :i)::uuid;
`,
        },
        {
          name: "ingest-job-status",
          weight: ingest.smartSearch + ingest.faceDetection,
          source: "the smart-search, face and duplicate jobs' AssetRepository.upsertJobStatus [IMM asset.job.repository.sql]",
          script: `${PICK}INSERT INTO asset_job_status ("assetId", "facesRecognizedAt", "duplicatesDetectedAt") VALUES (md5('a' || :i)::uuid, now(), now())
ON CONFLICT ("assetId") DO UPDATE SET "facesRecognizedAt" = excluded."facesRecognizedAt", "duplicatesDetectedAt" = excluded."duplicatesDetectedAt";
`,
        },
      ],
    },
  ];
}

/** Every class the report holds, in its order. */
export function classNames(runs: readonly WorkloadRun[]): string[] {
  return runs.flatMap((r) => r.parts.map((p) => p.name));
}
