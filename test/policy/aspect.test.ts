import { App, TerraformStack } from "cdktf";
import { DockerProvider } from "../../providers/docker/provider/index.js";
import { RandomProvider } from "../../providers/random/provider/index.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImmichStack } from "../../constructs/immich-stack.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { shippedProfile } from "../util.js";

describe("policy aspect", () => {
  it("fails synth with the rule id, the resource and the reason when an escape hatch breaks a rule", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "iac-aspect-")) });
    const stack = new TerraformStack(app, "s");
    new DockerProvider(stack, "docker", {});
    new RandomProvider(stack, "random", {});
    const immich = new ImmichStack(stack, "immich", { deploymentName: "t", domain: "photos.example.com", tuning: computeTuning(shippedProfile("homelab-minimal")) });
    immich.redis.service.container.addOverride("ports", [{ internal: 6379, external: 6379 }]);
    expect(() => app.synth()).toThrow(
      /\[IIAC006 OnlyProxyPublishesWidely\] docker_container\.immich_Redis_Service_[0-9A-F]{8} \("immich-t-redis"\): publishes 0\.0\.0\.0:6379; only the proxy may, bind 127\.0\.0\.1 instead — Docker's NAT rules bypass UFW/,
    );
  });

  it("lets a compliant stack synthesize", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "iac-aspect-")) });
    const stack = new TerraformStack(app, "s");
    new DockerProvider(stack, "docker", {});
    new RandomProvider(stack, "random", {});
    new ImmichStack(stack, "immich", { deploymentName: "t", domain: "photos.example.com", tuning: computeTuning(shippedProfile("homelab-minimal")) });
    expect(() => app.synth()).not.toThrow();
  });
});
