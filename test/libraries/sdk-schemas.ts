import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import { REPO } from "../util.js";

/**
 * The JSON Schemas of @immich/sdk's published types that the real-apply suite's server stand-in
 * (test/e2e/standins/server/immich-standin.py) validates requests and its own answers with. The image has no
 * Node, so they are generated here from the SDK's fetch-client.d.ts (ts-json-schema-generator, as
 * test/immich-sdk-schema.ts does) and committed beside the stand-in as sdk-schemas.json;
 * test/libraries/standin-schemas.test.ts fails when the committed file differs from what the installed SDK gives.
 */
export const STANDIN_TYPES = [
  "ApiKeyResponseDto",
  "AssetBulkUploadCheckDto",
  "AssetBulkUploadCheckResponseDto",
  "AssetMediaCreateDto",
  "AssetMediaResponseDto",
  "AssetStatsResponseDto",
  "CreateLibraryDto",
  "LibraryResponseDto",
  "ServerMediaTypesResponseDto",
  "ServerPingResponse",
  "ServerVersionResponseDto",
  "UpdateLibraryDto",
  "UserAdminResponseDto",
] as const;

export const STANDIN_SCHEMAS_FILE = join(REPO, "test", "e2e", "standins", "server", "sdk-schemas.json");

/** The file's text: the SDK's version, and each type (and every type it references) under `definitions`. */
export function standinSchemasText(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@immich/sdk");
  const path = join(dirname(entry), "fetch-client.d.ts");
  const version = (JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
  const generator = createGenerator({ path, skipTypeCheck: true, expose: "export", topRef: true, additionalProperties: false });
  const definitions: Record<string, unknown> = {};
  for (const t of STANDIN_TYPES) Object.assign(definitions, generator.createSchema(t).definitions);
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
  return `${JSON.stringify({ source: `@immich/sdk ${version} fetch-client.d.ts`, types: STANDIN_TYPES, definitions: sorted }, null, 1)}\n`;
}
