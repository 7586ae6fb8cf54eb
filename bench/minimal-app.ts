// The baseline: a bare cdktf app that declares the same blocks as a synthesized immich-iac stack (read from its
// cdk.tf.json): the same providers, variables and resources, each resource of the same type with the same
// arguments, and nothing else: no YAML, no validation, no tuning, no policy. Plain cdktf, as a user would write
// it, unbundled (ESM, the generated provider classes and cdktf's own `TerraformResource`).
import { DockerProvider } from "../providers/docker/provider/index.js";
import { RandomProvider } from "../providers/random/provider/index.js";
import { TlsProvider } from "../providers/tls/provider/index.js";
import { App, LocalBackend, TerraformResource, TerraformStack, TerraformVariable } from "cdktf";
import { readFileSync } from "node:fs";

const [fixture, outdir] = process.argv.slice(2);
const json = JSON.parse(readFileSync(fixture!, "utf8")) as {
  provider: { docker?: { host?: string }[]; tls?: unknown };
  variable?: Record<string, { description?: string; sensitive?: boolean; nullable?: boolean; type?: string }>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
};
const app = new App({ outdir: outdir!, skipBackendValidation: true });
const stack = new TerraformStack(app, "baseline");
new LocalBackend(stack, { path: "terraform.baseline.tfstate" });
new DockerProvider(stack, "docker", { host: json.provider.docker?.[0]?.host });
new RandomProvider(stack, "random", {});
if ("tls" in json.provider) new TlsProvider(stack, "tls", {});
for (const [name, v] of Object.entries(json.variable ?? {})) new TerraformVariable(stack, name, v);
for (const [type, byName] of Object.entries(json.resource)) {
  for (const [name, config] of Object.entries(byName)) {
    const r = new TerraformResource(stack, name, { terraformResourceType: type });
    for (const [k, v] of Object.entries(config)) if (k !== "//") r.addOverride(k, v);
  }
}
app.synth();
