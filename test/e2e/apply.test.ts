import { execa } from "execa";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { synthesize } from "../../stacks/synth.js";

/**
 * Opt-in: a real Terraform (or OpenTofu) against a real Docker host that can pull Immich's images.
 *   IMMICH_IAC_E2E=1 TERRAFORM_BINARY=terraform DOCKER_HOST=unix:///var/run/docker.sock npx vitest run test/e2e
 * The data directories are created under a temporary root, so DOCKER_HOST must be this machine.
 */
const binary = process.env.TERRAFORM_BINARY ?? process.env.TERRAFORM_BINARY_NAME;
const dockerHost = process.env.DOCKER_HOST;
const enabled = process.env.IMMICH_IAC_E2E === "1" && !!binary && !!dockerHost;
const reason = "set IMMICH_IAC_E2E=1, TERRAFORM_BINARY (terraform or tofu) and DOCKER_HOST to run it";

describe.skipIf(!enabled)(`end to end: init, apply, empty second plan, destroy${enabled ? "" : ` (skipped: ${reason})`}`, () => {
  it("converges and plans nothing the second time", async () => {
    const work = mkdtempSync(join(tmpdir(), "iac-e2e-"));
    const dataRoot = join(work, "data");
    for (const dir of ["database/pgdata", "database/redis", "library", "thumbnails/thumbs", "thumbnails/encoded-video", "backups", "ml-cache"]) {
      mkdirSync(join(dataRoot, dir), { recursive: true });
    }
    const deployment = join(work, "e2e.yaml");
    writeFileSync(
      deployment,
      stringify({
        apiVersion: "immich-iac/v1",
        kind: "Deployment",
        metadata: { name: "e2e" },
        spec: { hardwareProfile: "homelab-minimal", dockerHost, domain: "photos.e2e.example", timezone: "UTC", dataRoot },
      }),
    );
    const out = join(work, "cdktf.out");
    synthesize({ deployment, outdir: out });
    const cwd = join(out, "stacks", "e2e");
    const tf = (args: string[]) => execa(binary!, args, { cwd, reject: false, all: true, timeout: 1_800_000 });

    const init = await tf(["init", "-input=false", "-no-color"]);
    expect(init.exitCode, init.all).toBe(0);
    try {
      const apply = await tf(["apply", "-input=false", "-auto-approve", "-no-color"]);
      expect(apply.exitCode, apply.all).toBe(0);
      const plan = await tf(["plan", "-input=false", "-detailed-exitcode", "-no-color"]);
      expect(plan.exitCode, plan.all).toBe(0);
    } finally {
      // prevent_destroy protects data volumes; lift it in this throwaway copy only.
      const file = join(cwd, "cdk.tf.json");
      const json = JSON.parse(readFileSync(file, "utf8"));
      for (const v of Object.values(json.resource.docker_volume ?? {}) as any[]) delete v.lifecycle;
      writeFileSync(file, JSON.stringify(json, null, 2));
      const destroy = await tf(["destroy", "-input=false", "-auto-approve", "-no-color"]);
      expect(destroy.exitCode, destroy.all).toBe(0);
    }
  }, 2_400_000);
});
