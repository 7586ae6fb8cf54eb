import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { hardwareProfileJsonSchemaText } from "../src/profile/json-schema.js";
import { REPO, SHIPPED_PROFILES, shippedProfileText } from "./util.js";

describe("hardware-profiles/schema.json", () => {
  const committed = readFileSync(join(REPO, "hardware-profiles", "schema.json"), "utf8");

  it("is the schema generated from the zod schema (run `npm run schema:write` when this fails)", () => {
    expect(committed).toBe(hardwareProfileJsonSchemaText());
  });

  it.each(SHIPPED_PROFILES)("%s points at it with a yaml-language-server modeline", (name) => {
    expect(shippedProfileText(name).split("\n")[0]).toBe("# yaml-language-server: $schema=./schema.json");
  });

  it.each(SHIPPED_PROFILES)("%s passes the JSON Schema (Ajv, draft 2020-12)", (name) => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(committed));
    const ok = validate(parse(shippedProfileText(name)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("rejects an unknown key, as the zod schema does", () => {
    const ajv = new Ajv2020.default({ strict: true });
    const validate = ajv.compile(JSON.parse(committed));
    const doc = parse(shippedProfileText("homelab-minimal"));
    doc.spec.cpu.sockets = 2;
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/spec/cpu", keyword: "additionalProperties" });
  });
});
