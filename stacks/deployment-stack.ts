import { proxyListenAddresses } from "../src/host/access-plan.js";
import { DockerProvider } from "../providers/docker/provider/index.js";
import { RandomProvider } from "../providers/random/provider/index.js";
import { LocalBackend, TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { RedisEngine } from "../constructs/images.js";
import { constrainProvider, ImmichStack } from "../constructs/immich-stack.js";
import { HostResources } from "../constructs/host-resources.js";
import { sshTarget, type Deployment, type DockerTls } from "../src/deployment/load-deployment.js";
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

/**
 * The docker provider's TLS arguments for a `tcp://` host: `cert_path` (a directory on the machine that runs
 * Terraform), or the PEM material from three sensitive variables `<prefix>_ca_material`, `_cert_material`,
 * `_key_material` (TF_VAR_…), so that no key is written to cdk.tf.json. Nothing for other hosts.
 */
export function dockerTlsConfig(stack: TerraformStack, prefix: string, tls: DockerTls | undefined, what: string) {
  if (!tls) return {};
  if ("certPath" in tls) return { certPath: tls.certPath };
  const material = (part: "ca" | "cert" | "key", description: string) =>
    new TerraformVariable(stack, `${prefix}_${part}_material`, { type: "string", sensitive: true, nullable: false, description: `${description} (PEM) for ${what}` }).stringValue;
  return {
    caMaterial: material("ca", "The CA that signed the Docker daemon's certificate"),
    certMaterial: material("cert", "The client certificate Terraform presents to the Docker daemon"),
    keyMaterial: material("key", "The client certificate's private key"),
  };
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
    new DockerProvider(this, "docker", { host: d.dockerHost, ...dockerTlsConfig(this, "docker", d.dockerTls, "the Immich host") });
    new RandomProvider(this, "random", {});
    // One provider per extra ML node: each node is its own Docker host (the loader refuses two on one host).
    const nodeProviders = new Map(
      d.mlNodes.map((n) => {
        const id = `docker_ml_${n.name.replace(/-/g, "_")}`;
        return [n.name, new DockerProvider(this, id, { host: n.dockerHost, alias: mlNodeProviderAlias(n.name), ...dockerTlsConfig(this, id, n.dockerTls, `ML node ${n.name}`) })];
      }),
    );
    constrainProvider(this, "docker");
    const hostPlan = deriveHostPlan(d, this.tuning);
    const ssh = sshTarget(d.dockerHost);
    // Host scripts run on the host they are for: over SSH, or here when the Immich host's Docker is this machine's
    // socket. The loader refuses a tcp:// host with host management; this is the second fence.
    if (d.host.manage && !ssh && !d.dockerHost.startsWith("unix://")) throw new Error(`host scripts cannot reach ${d.dockerHost}: expected ssh:// or unix://`);
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
            // Never `local`: that is the machine that runs Terraform, not the node (the loader refuses it first).
            if (!ssh) throw new Error(`ML node ${n.name}: host scripts need ssh://, got ${n.dockerHost}`);
            const connection = { type: "ssh", host: ssh.host, user: plan.deployUser.name, port: ssh.port } as const;
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
      libraries: d.libraries,
      hostLocaltime: d.mountLocaltime,
      dataRoot: d.dataRoot,
      ingress: d.ingress,
      ...(proxyListenAddresses(d) ? { proxyListenAddresses: proxyListenAddresses(d)! } : {}),
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
