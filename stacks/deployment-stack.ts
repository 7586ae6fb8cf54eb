import { DockerProvider } from "@cdktf/provider-docker/lib/provider/index.js";
import { LocalBackend, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { Tuning } from "../src/tuning/tuning.js";

export interface ImmichDeploymentStackProps {
  /** Deployment name; also the stack name and the `io.immich-iac.deployment` label. */
  readonly name: string;
  /** Docker Engine endpoint: `unix:///var/run/docker.sock` or `ssh://user@host`. */
  readonly dockerHost: string;
  readonly tuning: Tuning;
}

/** One Terraform stack per deployment. */
export class ImmichDeploymentStack extends TerraformStack {
  public readonly tuning: Tuning;

  constructor(scope: Construct, id: string, props: ImmichDeploymentStackProps) {
    super(scope, id);
    this.tuning = props.tuning;
    // A relative state path keeps cdk.tf.json byte-identical across checkouts (cdktf's default is absolute).
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    new DockerProvider(this, "docker", { host: props.dockerHost });
  }
}
