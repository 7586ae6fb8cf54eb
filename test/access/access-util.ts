import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { readFileSync } from "node:fs";
import { stringify } from "yaml";
import { loadDeploymentFile, type Deployment } from "../../src/deployment/load-deployment.js";
import { formatProblem, InputError } from "../../src/profile/problems.js";
import { ImmichDeploymentStack } from "../../stacks/deployment-stack.js";

const USER = {
  name: "alice",
  displayName: "Alice",
  email: "alice@example.com",
  groups: ["admins"],
  passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys",
};

/** A minimal deployment document with `spec` merged in (TLS internal unless given: lan refuses ACME). */
export function accessDeployment(spec: Record<string, unknown> = {}): Record<string, any> {
  return {
    apiVersion: "immich-iac/v1",
    kind: "Deployment",
    metadata: { name: "t" },
    spec: { hardwareProfile: "homelab-minimal", domain: "photos.example.com", timezone: "UTC", ingress: { tls: { mode: "internal" } }, ...spec, auth: { users: [USER] } },
  };
}

function write(doc: unknown): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "iac-access-"));
  const file = join(dir, "d.yaml");
  writeFileSync(file, stringify(doc));
  return { dir, file };
}

export function load(doc: unknown): Deployment {
  return loadDeploymentFile(write(doc).file);
}

/** The problems the loader reports, as printed (file:line:col: path: message), the temp dir removed. */
export function problems(doc: unknown): string[] {
  const { dir, file } = write(doc);
  try {
    loadDeploymentFile(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => formatProblem(p).replace(dir + "/", ""));
  }
}

/** Synthesizes a deployment document the way `immich-iac synth` does; returns cdk.tf.json parsed. */
export function synth(doc: unknown): any {
  const deployment = load(doc);
  const outdir = mkdtempSync(join(tmpdir(), "iac-access-synth-"));
  const app = new App({ outdir, skipBackendValidation: true });
  new ImmichDeploymentStack(app, deployment.name, { deployment });
  app.synth();
  return JSON.parse(readFileSync(join(outdir, "stacks", deployment.name, "cdk.tf.json"), "utf8"));
}
