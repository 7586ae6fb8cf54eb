import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { Container } from "../providers/docker/container/index.js";
import { checkAgainstProviderSchema, isProviderResource, PROVIDER_SCHEMAS } from "./provider-schema.js";
import { synthDeployment, SHIPPED_DEPLOYMENTS } from "./stack-util.js";

describe("every resource against the schema of the providers we run (providers/schema.json)", () => {
  it("describes exactly the versions scripts/tf-toolchain.sh builds", () => {
    expect(PROVIDER_SCHEMAS.provider_versions).toEqual({
      "registry.terraform.io/hashicorp/random": "3.9.0",
      "registry.terraform.io/hashicorp/tls": "4.2.1",
      "registry.terraform.io/kreuzwerker/docker": "4.6.0",
    });
  });

  it.each(SHIPPED_DEPLOYMENTS)("%s conforms", (name) => {
    const { json } = synthDeployment(name);
    const problems: string[] = [];
    let checked = 0;
    for (const [type, byName] of Object.entries(json.resource as Record<string, Record<string, any>>)) {
      if (!isProviderResource(type)) continue;
      for (const [id, config] of Object.entries(byName)) {
        checked++;
        problems.push(...checkAgainstProviderSchema(type, config).map((p) => `${type}.${id}.${p}`));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it("catches an escape-hatch override with a misspelt attribute, a wrong type, a computed one and a missing required one", () => {
    const stack = Testing.synthScope((scope) => {
      const c = new Container(scope, "c", { name: "x", image: "busybox:1" });
      c.addOverride("cpu_sharez", 2);
      c.addOverride("memory", "lots");
      c.addOverride("healthcheck.intervall", "30s");
      c.addOverride("exit_code", 0);
      c.addOverride("ports", [{ external: 8080 }]);
    });
    const config = JSON.parse(stack).resource.docker_container.c;
    expect(checkAgainstProviderSchema("docker_container", config)).toEqual([
      "cpu_sharez: not an attribute of docker_container in kreuzwerker/docker 4.6.0",
      "exit_code: computed by kreuzwerker/docker 4.6.0, cannot be set",
      "healthcheck[0].intervall: not an attribute of docker_container in kreuzwerker/docker 4.6.0",
      'memory: expected number, got "lots"',
      "ports[0].internal: required by kreuzwerker/docker 4.6.0 but missing",
    ]);
  });
});
