import Ajv, { type ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createGenerator } from "ts-json-schema-generator";

/**
 * Immich merges a partial file over its defaults, and the config type requires every section. So the schema is
 * used with `required` removed (a partial file is valid) and `additionalProperties: false` added (a typo is not
 * silently ignored, as Immich would only warn about it).
 */
export function partialStrict(node: any): any {
  if (Array.isArray(node)) return node.map(partialStrict);
  if (node === null || typeof node !== "object") return node;
  const out: any = {};
  for (const [k, v] of Object.entries(node)) if (k !== "required") out[k] = partialStrict(v);
  if (out.type === "object" && out.properties) out.additionalProperties = false;
  return out;
}

let cached: ValidateFunction | undefined;

/**
 * A validator of immich.json by the config type of the pinned release's SDK: `AdminConfigDto` of
 * @immich/sdk 3.2.2 (the published types), turned into JSON Schema by ts-json-schema-generator. With
 * partialStrict: sections optional (Immich merges the file over its defaults), unknown
 * keys refused.
 */
export function immichSdkConfigValidator(): ValidateFunction {
  if (cached) return cached;
  // The package's exports hide build/; its main entry sits next to the type declarations.
  const path = join(dirname(createRequire(import.meta.url).resolve("@immich/sdk")), "fetch-client.d.ts");
  const schema = createGenerator({ path, type: "AdminConfigDto", skipTypeCheck: true, expose: "export", topRef: false }).createSchema("AdminConfigDto");
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  cached = ajv.compile(partialStrict(schema));
  return cached;
}
