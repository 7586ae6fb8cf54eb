// The baseline: a bare cdktf app that declares the same resources as a synthesized immich-iac stack
// (read from its cdk.tf.json) and nothing else: no YAML, no validation, no tuning, no policy.
import { DockerProvider } from "../providers/docker/provider/index.js";
import { RandomProvider } from "../providers/random/provider/index.js";
import { App, LocalBackend, TerraformResource, TerraformStack } from "cdktf";
import { readFileSync } from "node:fs";

const [fixture, outdir] = process.argv.slice(2);
const json = JSON.parse(readFileSync(fixture!, "utf8")) as { resource: Record<string, Record<string, Record<string, unknown>>> };
const app = new App({ outdir: outdir!, skipBackendValidation: true });
const stack = new TerraformStack(app, "baseline");
new LocalBackend(stack, { path: "terraform.baseline.tfstate" });
new DockerProvider(stack, "docker", {});
new RandomProvider(stack, "random", {});
for (const [type, byName] of Object.entries(json.resource)) {
  for (const [name, config] of Object.entries(byName)) {
    const r = new TerraformResource(stack, name, { terraformResourceType: type });
    for (const [k, v] of Object.entries(config)) if (k !== "//") r.addOverride(k, v);
  }
}
app.synth();
