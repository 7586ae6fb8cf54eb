import { App, TerraformStack } from "cdktf";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDeploymentFile } from "../src/deployment/load-deployment.js";
import { ImmichDeploymentStack } from "../stacks/deployment-stack.js";
import { REPO } from "./util.js";

export const SHIPPED_DEPLOYMENTS = ["example", "xeon-enterprise", "homelab"] as const;

export function deploymentPath(name: string): string {
  return join(REPO, "deployments", `${name}.yaml`);
}

/** Synthesizes a shipped deployment the way `immich-iac synth` does and returns the parsed cdk.tf.json. */
export function synthDeployment(name: string): { json: any; text: string; stack: TerraformStack } {
  const deployment = loadDeploymentFile(deploymentPath(name));
  const outdir = mkdtempSync(join(tmpdir(), "iac-synth-"));
  const app = new App({ outdir, skipBackendValidation: true });
  const stack = new ImmichDeploymentStack(app, deployment.name, { deployment });
  app.synth();
  const text = readFileSync(join(outdir, "stacks", deployment.name, "cdk.tf.json"), "utf8");
  return { json: JSON.parse(text), text, stack };
}

/** All resources of one type as [address, config]. */
export function resourcesOf(json: any, type: string): [string, any][] {
  return Object.entries(json.resource?.[type] ?? {}).map(([id, c]) => [`${type}.${id}`, c]);
}

export function label(config: any, key: string): string | undefined {
  return (config.labels ?? []).find((l: any) => l.label === key)?.value;
}
