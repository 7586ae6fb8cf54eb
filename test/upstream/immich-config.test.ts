import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { renderFiles } from "../../stacks/synth.js";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { readSchema, sharedSchemasDir } from "../shared-schemas.js";
import { REPO } from "../util.js";
import { join } from "node:path";

const { dir, reason } = sharedSchemasDir();
const DEPLOYMENTS = ["example", "xeon-enterprise", "homelab"];

/**
 * Immich merges a partial file over its defaults, and SystemConfigDto requires every section. So the
 * schema is used with `required` removed (a partial file is valid) and `additionalProperties: false` added
 * (a typo is not silently ignored, as Immich would only warn about it).
 */
function partialStrict(node: any): any {
  if (Array.isArray(node)) return node.map(partialStrict);
  if (node === null || typeof node !== "object") return node;
  const out: any = {};
  for (const [k, v] of Object.entries(node)) if (k !== "required") out[k] = partialStrict(v);
  if (out.type === "object" && out.properties) out.additionalProperties = false;
  return out;
}

describe.skipIf(!dir)(`Immich config file against SystemConfigDto v3.1.0${dir ? "" : ` (skipped: ${reason})`}`, () => {
  const spec = dir ? readSchema(dir, "immich-v3.1.0/immich-openapi-specs.json") : undefined;
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  ajv.addFormat("double", true);
  ajv.addFormat("uri", true);
  if (spec) ajv.addSchema({ $id: "immich", components: partialStrict(spec.components) });
  const validate = spec ? ajv.getSchema("immich#/components/schemas/SystemConfigDto")! : undefined;

  it.each(DEPLOYMENTS)("%s: immich.json validates", (name) => {
    const files = renderFiles(loadDeploymentFile(join(REPO, "deployments", `${name}.yaml`)));
    const config = JSON.parse(files["immich/immich.json"]!);
    const ok = validate!(config);
    expect(validate!.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("catches a wrong enum, a bound and a typo (the check can fail)", () => {
    expect(validate!({ ffmpeg: { accel: "cuda" } })).toBe(false);
    expect(validate!.errors?.[0]).toMatchObject({ instancePath: "/ffmpeg/accel", keyword: "enum" });
    expect(validate!({ job: { smartSearch: { concurrency: 0 } } })).toBe(false);
    expect(validate!({ machineLearnig: {} })).toBe(false);
  });
});
