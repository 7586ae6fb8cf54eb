import { Container } from "../providers/docker/container/index.js";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { checkAgainstProviderSchema } from "./provider-schema.js";
import { synthDeployment, SHIPPED_DEPLOYMENTS } from "./stack-util.js";

describe("every docker resource against the provider 3.6.2 schema (jsii assembly)", () => {
  it.each(SHIPPED_DEPLOYMENTS)("%s conforms", (name) => {
    const { json } = synthDeployment(name);
    const problems: string[] = [];
    for (const [type, byName] of Object.entries(json.resource as Record<string, Record<string, any>>)) {
      if (!type.startsWith("docker_")) continue;
      for (const [id, config] of Object.entries(byName)) problems.push(...checkAgainstProviderSchema(type, config).map((p) => `${type}.${id}.${p}`));
    }
    expect(problems).toEqual([]);
  });

  it("catches an escape-hatch override with a misspelt attribute and a wrong type", () => {
    const stack = Testing.synthScope((scope) => {
      const c = new Container(scope, "c", { name: "x", image: "busybox:1" });
      c.addOverride("cpu_sharez", 2);
      c.addOverride("memory", "lots");
      c.addOverride("healthcheck.intervall", "30s");
    });
    const config = JSON.parse(stack).resource.docker_container.c;
    expect(checkAgainstProviderSchema("docker_container", config)).toEqual([
      "cpu_sharez: not an attribute of ContainerConfig in provider 3.6.2",
      "healthcheck[0].intervall: not an attribute of ContainerHealthcheck in provider 3.6.2",
      "healthcheck[0].test: required by provider 3.6.2 but missing",
      'memory: expected number, got "lots"',
    ]);
  });
});
