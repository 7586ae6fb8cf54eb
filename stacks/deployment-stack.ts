import { DockerProvider } from "@cdktf/provider-docker/lib/provider/index.js";
import { RandomProvider } from "@cdktf/provider-random/lib/provider/index.js";
import { LocalBackend, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { RedisEngine } from "../constructs/images.js";
import { ImmichStack } from "../constructs/immich-stack.js";
import { HostResources } from "../constructs/host-resources.js";
import { sshTarget, type Deployment } from "../src/deployment/load-deployment.js";
import { deriveHostPlan } from "../src/host/derive-host-plan.js";
import type { HostPlan } from "../src/host/host-plan.js";
import { renderHostScripts } from "../src/renderers/host/index.js";
import { MlBackend, TranscodeAccel } from "../src/tuning/accelerators.js";
import { computeTuning, type Tuning } from "../src/tuning/tuning.js";

/**
 * The kreuzwerker/docker versions a stack accepts. The bindings describe 3.6.2; any later 3.x keeps that
 * schema and fixes #759 (cpus) and #795 (systempaths=unconfined); 4.x changes the schema.
 */
export const DOCKER_PROVIDER_CONSTRAINT = ">= 3.6.2, < 4.0.0";
/** RKNN and RKMPP need systempaths=unconfined, which works from 3.8.0 on (#795). */
export const DOCKER_PROVIDER_CONSTRAINT_SYSTEMPATHS = ">= 3.8.0, < 4.0.0";

export interface ImmichDeploymentStackProps {
  readonly deployment: Deployment;
}

/** One Terraform stack per deployment: providers, state, and the ImmichStack. */
export class ImmichDeploymentStack extends TerraformStack {
  public readonly tuning: Tuning;
  public readonly immich: ImmichStack;
  /** The host scripts, when the deployment lets the stack manage the host. */
  public readonly host?: HostResources;
  public readonly hostPlan: HostPlan;
  public readonly deployment: Deployment;

  constructor(scope: Construct, id: string, props: ImmichDeploymentStackProps) {
    super(scope, id);
    const d = props.deployment;
    this.deployment = d;
    this.tuning = computeTuning(d.profile, d.mlBackend ? { mlBackend: d.mlBackend } : {});
    // Relative to cdktf.out/stacks/<stack>: the state sits next to cdktf.out/, outside the directory synth
    // rewrites, and cdk.tf.json holds no absolute path (cdktf's default is absolute).
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new DockerProvider(this, "docker", { host: d.dockerHost });
    new RandomProvider(this, "random", {});
    const needsSystemPaths =
      this.tuning.machineLearning.backend.value === MlBackend.RKNN || this.tuning.transcode.value === TranscodeAccel.RKMPP;
    this.addOverride(
      "terraform.required_providers.docker.version",
      needsSystemPaths ? DOCKER_PROVIDER_CONSTRAINT_SYSTEMPATHS : DOCKER_PROVIDER_CONSTRAINT,
    );
    const hostPlan = deriveHostPlan(d, this.tuning);
    const ssh = sshTarget(d.dockerHost);
    this.host = d.host.manage
      ? new HostResources(this, "host", {
          scripts: renderHostScripts(hostPlan),
          connection: ssh ? { type: "ssh", host: ssh.host, user: d.host.deployUser.name, port: ssh.port } : { type: "local" },
        })
      : undefined;
    this.hostPlan = hostPlan;
    this.immich = new ImmichStack(this, "immich", {
      deploymentName: d.name,
      domain: d.domain,
      timezone: d.timezone,
      immichVersion: d.immichVersion,
      tuning: this.tuning,
      postgresImageTag: d.postgres.imageTag,
      ...(d.postgres.imageDigest ? { postgresImageDigest: d.postgres.imageDigest } : {}),
      redisEngine: d.redisEngine === "valkey" ? RedisEngine.VALKEY : RedisEngine.REDIS,
      jobHandlerReplicas: d.jobHandlerReplicas,
      dataRoot: d.dataRoot,
      ingress: d.ingress,
      auth: d.auth,
      ...(this.host ? { after: this.host.done } : {}),
    });
  }
}
