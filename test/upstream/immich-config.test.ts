import { describe, expect, it } from "vitest";
import { renderFiles } from "../../stacks/synth.js";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { immichSdkConfigValidator } from "../immich-sdk-schema.js";
import { REPO } from "../util.js";
import { join } from "node:path";

const DEPLOYMENTS = ["example", "xeon-enterprise", "homelab"];

describe("Immich config file against AdminConfigDto of @immich/sdk 3.2.2 (the pinned release's published types)", () => {
  const validate = immichSdkConfigValidator();

  it.each(DEPLOYMENTS)("%s: immich.json validates", (name) => {
    const files = renderFiles(loadDeploymentFile(join(REPO, "deployments", `${name}.yaml`)));
    const ok = validate(JSON.parse(files["immich/immich.json"]!));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("catches a wrong enum, a wrong type and a typo (the check can fail)", () => {
    expect(validate({ ffmpeg: { accel: "cuda" } })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/ffmpeg/accel", keyword: "enum" });
    expect(validate({ job: { smartSearch: { concurrency: "2" } } })).toBe(false);
    expect(validate({ machineLearnig: {} })).toBe(false);
  });
});
