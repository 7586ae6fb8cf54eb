import { Testing } from "cdktf";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Container, type ContainerConfig } from "../providers/docker/container/index.js";
import { DockerProvider } from "../providers/docker/provider/index.js";
import { regenerateAndDiff } from "./provider-bindings.js";
import { checkAgainstProviderSchema } from "./provider-schema.js";
import { REPO } from "./util.js";

/**
 * The committed bindings (providers/) are exactly what scripts/generate-bindings.mjs makes of the committed
 * schema; that the schema is the built providers' own is test/upstream/provider-bindings.test.ts's (Terraform).
 */
describe("generated provider bindings", () => {
  it("are the generator's output for providers/schema.json, file for file", async () => {
    const { differences, fileCount } = await regenerateAndDiff(["--schema", join(REPO, "providers/schema.json")]);
    expect(differences).toEqual([]);
    expect(fileCount).toBeGreaterThan(40);
  }, 60_000);

  it("differ when the schema does: one attribute fewer changes the container module and the schema", async () => {
    const schema = JSON.parse(readFileSync(join(REPO, "providers/schema.json"), "utf8"));
    delete schema.provider_schemas["registry.terraform.io/kreuzwerker/docker"].resource_schemas.docker_container.block.attributes.device_cgroup_rules;
    const file = join(mkdtempSync(join(tmpdir(), "iac-schema-")), "schema.json");
    writeFileSync(file, JSON.stringify(schema));
    const { differences } = await regenerateAndDiff(["--schema", file]);
    expect(differences).toEqual(["docker/container/index.ts: differs from the generator's output", "schema.json: differs from the generator's output"]);
  }, 60_000);

  // Typed: these props do not compile against bindings of provider 3.x, which has none of them. (gpus and
  // device_requests exclude each other: test/upstream/provider-bindings.test.ts has the provider say so.)
  it("reach what docker 4.x added: device cgroup rules (OpenVINO's /dev/dri) and GPU requests", () => {
    const openvino: ContainerConfig = { name: "openvino", image: "busybox:1", deviceCgroupRules: ["c 226:* rmw"] };
    const cuda: ContainerConfig = { name: "cuda", image: "busybox:1", deviceRequests: [{ driver: "nvidia", count: -1, capabilities: ["gpu"] }] };
    const allGpus: ContainerConfig = { name: "all-gpus", image: "busybox:1", gpus: "all" };
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        new DockerProvider(scope, "docker", {});
        new Container(scope, "openvino", openvino);
        new Container(scope, "cuda", cuda);
        new Container(scope, "all_gpus", allGpus);
      }),
    );
    const containers = json.resource.docker_container;
    expect(containers.openvino.device_cgroup_rules).toEqual(["c 226:* rmw"]);
    expect(containers.cuda.device_requests).toEqual([{ driver: "nvidia", count: -1, capabilities: ["gpu"] }]);
    expect(containers.all_gpus.gpus).toBe("all");
    for (const c of Object.values(containers)) expect(checkAgainstProviderSchema("docker_container", c as Record<string, unknown>)).toEqual([]);
    // The bindings record the provider they were generated from (the stacks widen it: constructs/provider-versions.ts).
    expect(json.terraform.required_providers.docker).toEqual({ source: "kreuzwerker/docker", version: "4.6.0" });
  });
});
