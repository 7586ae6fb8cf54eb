import { DockerProvider } from "../providers/docker/provider/index.js";
import { RandomProvider } from "../providers/random/provider/index.js";
import { LocalBackend, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { RedisEngine } from "../constructs/images.js";
import { constrainProvider, ImmichStack } from "../constructs/immich-stack.js";
import { HostResources } from "../constructs/host-resources.js";
import { sshTarget, type Deployment } from "../src/deployment/load-deployment.js";
import { deploymentTuning } from "../src/deployment/deployment-tuning.js";
import { deriveHostPlan, deriveNodeHostPlan } from "../src/host/derive-host-plan.js";
import type { HostPlan } from "../src/host/host-plan.js";
import { renderHostScripts } from "../src/renderers/host/index.js";
import { computeTuning, type Tuning } from "../src/tuning/tuning.js";

export interface ImmichDeploymentStackProps {
  readonly deployment: Deployment;
  /**
   * Where Terraform keeps the state (which holds every generated secret), relative to the stack's directory
   * `<out>/stacks/<stack>/`, so that cdk.tf.json holds no absolute path.
   * @default - `../../../terraform.<stack>.tfstate`: next to the synth output directory
   */
  readonly statePath?: string;
}

/** The docker provider alias of an extra ML node (`docker.ml_<name>` in Terraform). */
export function mlNodeProviderAlias(node: string): string {
  return `ml_${node.replace(/-/g, "_")}`;
}

/** The state path relative to `<out>/stacks/<stack>/` when none is given: next to `<out>`. */
export function defaultStatePath(stack: string): string {
  return `../../../terraform.${stack}.tfstate`;
}

/** One Terraform stack per deployment: providers, state, and the ImmichStack. */
export class ImmichDeploymentStack extends TerraformStack {
  public readonly tuning: Tuning;
  public readonly immich: ImmichStack;
  /** The host scripts, when the deployment lets the stack manage the host. */
  public readonly host?: HostResources;
  public readonly hostPlan: HostPlan;
  /** Each extra ML node's host, by node name. */
  public readonly nodeHostPlans: ReadonlyMap<string, HostPlan>;
  /** Each extra ML node's host scripts, when the deployment manages hosts. */
  public readonly nodeHosts: ReadonlyMap<string, HostResources>;
  public readonly deployment: Deployment;

  constructor(scope: Construct, id: string, props: ImmichDeploymentStackProps) {
    super(scope, id);
    const d = props.deployment;
    this.deployment = d;
    this.tuning = deploymentTuning(d);
    // Relative to cdktf.out/stacks/<stack>: the state sits next to cdktf.out/, outside the directory synth
    // rewrites, and cdk.tf.json holds no absolute path (cdktf's default is absolute).
    new LocalBackend(this, { path: props.statePath ?? defaultStatePath(id) });
    new DockerProvider(this, "docker", { host: d.dockerHost });
    new RandomProvider(this, "random", {});
    // One provider per extra ML node: each node is its own Docker host (the loader refuses two on one host).
    const nodeProviders = new Map(
      d.mlNodes.map((n) => [n.name, new DockerProvider(this, `docker_ml_${n.name.replace(/-/g, "_")}`, { host: n.dockerHost, alias: mlNodeProviderAlias(n.name) })]),
    );
    constrainProvider(this, "docker");
    const hostPlan = deriveHostPlan(d, this.tuning);
    const ssh = sshTarget(d.dockerHost);
    this.host = d.host.manage
      ? new HostResources(this, "host", {
          scripts: renderHostScripts(hostPlan),
          connection: ssh ? { type: "ssh", host: ssh.host, user: d.host.deployUser.name, port: ssh.port } : { type: "local" },
        })
      : undefined;
    this.hostPlan = hostPlan;
    // Each node's host scripts run on that node, over its own SSH connection; its container waits for them only.
    this.nodeHostPlans = new Map(d.mlNodes.map((n) => [n.name, deriveNodeHostPlan(d, n, this.tuning.mlNodes.find((t) => t.name === n.name)!)]));
    this.nodeHosts = new Map(
      d.host.manage
        ? d.mlNodes.map((n) => {
            const ssh = sshTarget(n.dockerHost);
            const plan = this.nodeHostPlans.get(n.name)!;
            const connection = ssh ? ({ type: "ssh", host: ssh.host, user: plan.deployUser.name, port: ssh.port } as const) : ({ type: "local" } as const);
            return [n.name, new HostResources(this, `host_ml_${n.name.replace(/-/g, "_")}`, { scripts: renderHostScripts(plan), connection })] as const;
          })
        : [],
    );
    this.immich = new ImmichStack(this, "immich", {
      deploymentName: d.name,
      domain: d.domain,
      timezone: d.timezone,
      immichVersion: d.immichVersion,
      tuning: this.tuning,
      postgresImageTag: d.postgres.imageTag,
      ...(d.postgres.imageDigest ? { postgresImageDigest: d.postgres.imageDigest } : {}),
      ...(d.postgres.takeover ? { existingDatabase: d.postgres.takeover } : {}),
      imageDigests: d.imageDigests,
      redisEngine: d.redisEngine === "valkey" ? RedisEngine.VALKEY : RedisEngine.REDIS,
      jobHandlerReplicas: d.jobHandlerReplicas,
      hostLocaltime: d.mountLocaltime,
      dataRoot: d.dataRoot,
      ingress: d.ingress,
      auth: d.auth,
      backup: d.backup,
      monitoring: d.monitoring,
      mlNodes: this.tuning.mlNodes.map((tuning) => {
        const node = d.mlNodes.find((n) => n.name === tuning.name)!;
        const host = this.nodeHosts.get(node.name);
        return { tuning, provider: nodeProviders.get(node.name)!, ...(host ? { after: host.done } : {}) };
      }),
      ...(this.host ? { after: this.host.done } : {}),
    });
  }
}
