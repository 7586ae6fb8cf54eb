import Ajv, { type ValidateFunction } from "ajv";
import { readSchema, sharedSchemasDir } from "./shared-schemas.js";

/**
 * Immich merges a partial file over its defaults, and SystemConfigDto requires every section. So the
 * schema is used with `required` removed (a partial file is valid) and `additionalProperties: false` added
 * (a typo is not silently ignored, as Immich would only warn about it).
 */
export function partialStrict(node: any): any {
  if (Array.isArray(node)) return node.map(partialStrict);
  if (node === null || typeof node !== "object") return node;
  const out: any = {};
  for (const [k, v] of Object.entries(node)) if (k !== "required") out[k] = partialStrict(v);
  if (out.type === "object" && out.properties) out.additionalProperties = false;
  return out;
}

/** A validator of immich.json by Immich's published SystemConfigDto (v3.1.0), or why there is none. */
export function immichConfigValidator(): { validate?: ValidateFunction; reason: string } {
  const { dir, reason } = sharedSchemasDir();
  if (!dir) return { reason };
  const spec = readSchema(dir, "immich-v3.1.0/immich-openapi-specs.json");
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  ajv.addFormat("double", true);
  ajv.addFormat("uri", true);
  ajv.addSchema({ $id: "immich", components: partialStrict(spec.components) });
  return { validate: ajv.getSchema("immich#/components/schemas/SystemConfigDto")!, reason: "" };
}
