import Ajv from "ajv";
import { execa } from "execa";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../util.js";
import { STANDIN_SCHEMAS_FILE, standinSchemasText } from "./sdk-schemas.js";

/**
 * The server stand-in of the real-apply suite (test/e2e/standins/server/immich-standin.py) validates Immich API
 * requests with sdk-schemas.json and a small validator of its own (its image has no Node). Here: the committed
 * schemas are what the installed @immich/sdk's types give, and the stand-in's validator decides as ajv does.
 */
const STANDIN = join(REPO, "test", "e2e", "standins", "server", "immich-standin.py");
const committed = JSON.parse(readFileSync(STANDIN_SCHEMAS_FILE, "utf8")) as { definitions: Record<string, unknown> };

/** Runs the stand-in's validator (its module loaded, never started) on each sample; true = valid. */
async function standinVerdicts(samples: { type: string; value: unknown }[], schemaFile = STANDIN_SCHEMAS_FILE): Promise<boolean[]> {
  const script = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("standin", ${JSON.stringify(STANDIN)})
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
s = m.Schemas(m.load_schemas(sys.argv[1]))
print(json.dumps([not s.errors(x["type"], x["value"]) for x in json.load(sys.stdin)]))
`;
  const r = await execa("python3", ["-c", script, schemaFile], { input: JSON.stringify(samples) });
  return JSON.parse(r.stdout) as boolean[];
}

describe("the server stand-in's schemas of @immich/sdk", () => {
  it("sdk-schemas.json is what the installed @immich/sdk's types give (regenerate: UPDATE_STANDIN_SCHEMAS=1)", () => {
    const text = standinSchemasText();
    if (process.env.UPDATE_STANDIN_SCHEMAS === "1") writeFileSync(STANDIN_SCHEMAS_FILE, text);
    expect(readFileSync(STANDIN_SCHEMAS_FILE, "utf8")).toBe(text);
    expect(text).toContain('"source": "@immich/sdk 3.2.2 fetch-client.d.ts"');
  });

  it("the stand-in's validator accepts and refuses exactly what ajv does", async () => {
    const owner = "71418c2a-c7a1-556f-8ae8-05710bdf2c2e";
    const library = { id: owner, name: "family", ownerId: owner, importPaths: ["/mnt/external/family"], exclusionPatterns: [], assetCount: 0, createdAt: "2026-12-01T10:00:00.000Z", updatedAt: "2026-12-01T10:00:00.000Z", refreshedAt: null };
    const samples = [
      { type: "CreateLibraryDto", value: { ownerId: owner, name: "family", importPaths: ["/mnt/external/family"] } },
      { type: "CreateLibraryDto", value: { name: "family" } },
      { type: "CreateLibraryDto", value: { ownerId: owner, importPaths: "/mnt/external/family" } },
      { type: "CreateLibraryDto", value: { ownerId: owner, isWatched: true } },
      { type: "CreateLibraryDto", value: [] },
      { type: "UpdateLibraryDto", value: {} },
      { type: "UpdateLibraryDto", value: { exclusionPatterns: ["**/@eaDir/**"] } },
      { type: "UpdateLibraryDto", value: { exclusionPatterns: [1] } },
      { type: "AssetBulkUploadCheckDto", value: { assets: [{ id: "/a.jpg", checksum: "c3ebe6ded7303930f7d20a426c9ad03783f33a7e" }] } },
      { type: "AssetBulkUploadCheckDto", value: { assets: [{ id: "/a.jpg" }] } },
      { type: "AssetBulkUploadCheckDto", value: { assets: {} } },
      { type: "AssetBulkUploadCheckResponseDto", value: { results: [{ id: "/a.jpg", action: "reject", reason: "duplicate", assetId: owner, isTrashed: false }] } },
      { type: "AssetBulkUploadCheckResponseDto", value: { results: [{ id: "/a.jpg", action: "skip" }] } },
      { type: "AssetMediaResponseDto", value: { id: owner, status: "duplicate" } },
      { type: "AssetMediaResponseDto", value: { id: owner, status: "stored" } },
      { type: "AssetMediaCreateDto", value: { assetData: { size: 3, type: "image/jpeg" }, fileCreatedAt: "2026-01-01T00:00:00.000Z", fileModifiedAt: "2026-01-01T00:00:00.000Z", isFavorite: false } },
      { type: "AssetMediaCreateDto", value: { assetData: { size: 3, type: "image/jpeg" }, fileCreatedAt: "2026-01-01T00:00:00.000Z", isFavorite: "no" } },
      { type: "LibraryResponseDto", value: library },
      { type: "LibraryResponseDto", value: { ...library, assetCount: "0" } },
      { type: "ServerVersionResponseDto", value: { major: 3, minor: 2, patch: 2, prerelease: null } },
      { type: "ServerVersionResponseDto", value: { major: 3, minor: 2, patch: 2, prerelease: "rc" } },
      { type: "AssetStatsResponseDto", value: { images: 1, videos: 0, total: 1 } },
      { type: "AssetStatsResponseDto", value: { images: 1, videos: 0, total: true } },
    ];
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    const ajvVerdicts = samples.map((s) => ajv.validate({ $ref: `#/definitions/${s.type}`, definitions: committed.definitions }, s.value));
    expect(ajvVerdicts).toEqual([true, false, false, false, false, true, true, false, true, false, false, true, false, true, false, true, false, true, false, true, false, true, false]);
    expect(await standinVerdicts(samples)).toEqual(ajvVerdicts);
  });

  it("the stand-in's validator refuses to load a schema with a keyword it does not know", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "iac-schemas-")), "s.json");
    writeFileSync(file, JSON.stringify({ definitions: { Dated: { type: "string", format: "date-time" } } }));
    await expect(standinVerdicts([{ type: "Dated", value: "x" }], file)).rejects.toThrow(/Dated: schema keyword\(s\) \['format'\] the stand-in's validator does not know/);
  });
});
