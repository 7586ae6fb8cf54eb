import { Container, type ContainerConfig } from "../../providers/docker/container/index.js";
import { Network } from "../../providers/docker/network/index.js";
import { DockerProvider } from "../../providers/docker/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { evaluatePolicy, type PolicyRule } from "../../constructs/policy/index.js";

export const COMPLIANT: ContainerConfig = {
  name: "c",
  image: "busybox:1",
  logDriver: "json-file",
  logOpts: { "max-size": "10m" },
  destroyGraceSeconds: 30,
  labels: [{ label: "io.immich-iac.component", value: "server" }],
};

/** A stack with one container (and the networks it names); returns the messages `rule` reports. */
export function violations(
  rule: PolicyRule,
  container: Partial<ContainerConfig>,
  opts: { internalNetwork?: boolean; dockerConstraint?: string; mutate?: (c: Container) => void } = {},
): string[] {
  const app = new App({ outdir: "/tmp/iac-policy-unused" });
  const stack = new TerraformStack(app, "s");
  new DockerProvider(stack, "docker", {});
  if (opts.dockerConstraint) stack.addOverride("terraform.required_providers.docker.version", opts.dockerConstraint);
  const net = new Network(stack, "net", { name: "n", internal: opts.internalNetwork ?? false });
  const c = new Container(stack, "c", { ...COMPLIANT, networksAdvanced: [{ name: net.name }], ...container });
  opts.mutate?.(c);
  return evaluatePolicy(stack, [rule]).map((v) => v.message);
}
