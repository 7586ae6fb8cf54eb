import { App } from "cdktf";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { loadDeploymentFile, type Deployment } from "../../src/deployment/load-deployment.js";
import { formatProblem, InputError } from "../../src/profile/problems.js";
import { ImmichDeploymentStack } from "../../stacks/deployment-stack.js";

export const ALICE = {
  name: "alice",
  displayName: "Alice",
  email: "alice@example.com",
  groups: ["admins"],
  passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys",
};
export const BOB = { ...ALICE, name: "bob", displayName: "Bob", email: "bob@example.com", groups: [] };

/** A small deployment document with these external libraries (and spec overrides). */
export function libraryDeployment(external: unknown[], spec: Record<string, unknown> = {}): Record<string, any> {
  return {
    apiVersion: "immich-iac/v1",
    kind: "Deployment",
    metadata: { name: "lib" },
    spec: { hardwareProfile: "homelab-minimal", domain: "photos.example.com", timezone: "UTC", auth: { users: [ALICE, BOB] }, libraries: { external }, ...spec },
  };
}

export function writeDeployment(doc: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "iac-lib-"));
  const file = join(dir, "d.yaml");
  writeFileSync(file, stringify(doc));
  return file;
}

/** The problems of a document, as `path: message` (file:line:col cut off), or [] when it loads. */
export function problemsOf(doc: unknown): string[] {
  const file = writeDeployment(doc);
  try {
    loadDeploymentFile(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => formatProblem(p).replace(/^.*?d\.yaml:\d+:\d+: /, ""));
  }
}

export function loadDoc(doc: unknown): Deployment {
  return loadDeploymentFile(writeDeployment(doc));
}

/** Synthesizes a deployment and returns the parsed cdk.tf.json. */
export function synth(d: Deployment): any {
  const outdir = mkdtempSync(join(tmpdir(), "iac-lib-synth-"));
  const app = new App({ outdir, skipBackendValidation: true });
  new ImmichDeploymentStack(app, d.name, { deployment: d });
  app.synth();
  return JSON.parse(readFileSync(join(outdir, "stacks", d.name, "cdk.tf.json"), "utf8"));
}
