import Ajv, { type ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import { partialStrict } from "./immich-config-schema.js";

/**
 * A validator of immich.json by the config type of the pinned release's SDK: `AdminConfigDto` of
 * @immich/sdk 3.2.2 (the published types), turned into JSON Schema by ts-json-schema-generator. The same
 * relaxation as for the OpenAPI check: sections optional (Immich merges the file over its defaults), unknown
 * keys refused.
 */
export function immichSdkConfigValidator(): ValidateFunction {
  // The package's exports hide build/; its main entry sits next to the type declarations.
  const path = join(dirname(createRequire(import.meta.url).resolve("@immich/sdk")), "fetch-client.d.ts");
  const schema = createGenerator({ path, type: "AdminConfigDto", skipTypeCheck: true, expose: "export", topRef: false }).createSchema("AdminConfigDto");
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  return ajv.compile(partialStrict(schema));
}
