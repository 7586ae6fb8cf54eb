import { App, LocalBackend, TerraformStack } from "cdktf";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_IMAGES, RedisEngine } from "../../constructs/images.js";
import { Container } from "../../providers/docker/container/index.js";
import { DockerProvider } from "../../providers/docker/provider/index.js";
import { docker, ensureDockerEngine, provideImages, tf, toolchain, type Toolchain } from "./harness.js";

/**
 * What the generated bindings type for provider 4.x reaches the Docker Engine: a container applied with
 * `deviceCgroupRules` (what OpenVINO's USB sticks need) and an upload with `owner`/`group` carries them in
 * the engine's own record, and a second plan finds nothing to change. Bindings of provider 3.x have neither
 * attribute, so with them this stack does not compile. GPU requests cannot be applied here (no GPU); the
 * upstream suite has provider 4.6.0 validate them. The image is the Redis stand-in (any Debian root with
 * `sleep` would do): what is judged is the engine's container record, not the program.
 */
describe("4.x attributes of the generated docker bindings, applied to a real Docker Engine", () => {
  let t: Toolchain;
  const name = `iac-bindings-${randomBytes(3).toString("hex")}`;
  const work = mkdtempSync(join(tmpdir(), "iac-bindings-e2e-"));
  const stackDir = join(work, "stacks", "bindings");
  const image = REDIS_IMAGES[RedisEngine.REDIS];

  beforeAll(async () => {
    await ensureDockerEngine();
    t = await toolchain();
    await provideImages({ resource: { docker_image: { redis: { name: image } } } });
    const app = new App({ outdir: work, skipBackendValidation: true });
    const stack = new TerraformStack(app, "bindings");
    // The state stays in the work directory (the default path is relative to the working directory).
    new LocalBackend(stack, { path: join(work, "terraform.tfstate") });
    new DockerProvider(stack, "docker", { host: "unix:///var/run/docker.sock" });
    new Container(stack, "probe", {
      name,
      image,
      command: ["sleep", "infinity"],
      mustRun: true,
      deviceCgroupRules: ["c 189:* rmw"],
      upload: [{ file: "/run/owned", content: "bindings\n", owner: "999", group: "998" }],
    });
    app.synth();
    const init = await tf(t, { stackDir }, ["init", "-input=false", "-no-color"]);
    expect(init.exitCode, init.all).toBe(0);
    const apply = await tf(t, { stackDir }, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    expect(apply.exitCode, apply.all).toBe(0);
  }, 600_000);

  afterAll(async () => {
    if (t) await tf(t, { stackDir }, ["destroy", "-auto-approve", "-input=false", "-no-color"]);
    await docker(["rm", "-f", name]).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }, 300_000);

  it("the engine holds the device cgroup rule", async () => {
    expect(JSON.parse(await docker(["inspect", "-f", "{{json .HostConfig.DeviceCgroupRules}}", name]))).toEqual(["c 189:* rmw"]);
  });

  it("the uploaded file belongs to the numeric owner and group", async () => {
    expect(await docker(["exec", name, "stat", "-c", "%u:%g", "/run/owned"])).toBe("999:998");
  });

  it("a second plan changes nothing", async () => {
    const plan = await tf(t, { stackDir }, ["plan", "-detailed-exitcode", "-input=false", "-no-color"]);
    expect(plan.exitCode, plan.all).toBe(0);
  }, 300_000);
});
