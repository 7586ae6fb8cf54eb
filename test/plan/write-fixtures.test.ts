// Not a test of behaviour: keeps the committed example plans (test/fixtures/plans/*.json, the documented
// `terraform show -json` format 1.2) in sync with the builders. The CLI tests read the files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../util.js";
import { PLAN_FIXTURES } from "./plan-fixture-files.js";

describe("committed plan fixtures", () => {
  it.each(Object.keys(PLAN_FIXTURES))("%s.json matches its builder", (name) => {
    const file = join(REPO, "test", "fixtures", "plans", `${name}.json`);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(PLAN_FIXTURES[name]);
  });
});
