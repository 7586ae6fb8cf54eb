import type { TerraformProvider } from "cdktf";
import { Network } from "../providers/docker/network/index.js";
import { Construct } from "constructs";
import { LABEL_DEPLOYMENT, LABEL_EXPORTER_NETWORK } from "./labels.js";

export interface ImmichNetworkProps {
  /** Docker network name. */
  readonly name: string;
  readonly deploymentName: string;
  /**
   * An internal network has no route outside the host: for the database and Redis.
   * @default false - containers on it can reach the internet (model downloads, reverse geocoding data)
   */
  readonly internal?: boolean;
  /**
   * MTU of the bridge; must not exceed the host uplinks'.
   * @default - the Docker daemon's default (1500)
   */
  readonly mtu?: number;
  /**
   * The monitoring role of the one exporter this network serves (it shares it with Prometheus, and the database or
   * Redis it reads). @default - a network of the deployment's services
   */
  readonly exporterFor?: string;
  /** The Docker host it lives on (an extra ML node's provider). @default - the stack's default docker provider */
  readonly provider?: TerraformProvider;
}

/** A user-defined bridge network. Every argument of `docker_network` forces a replacement. */
export class ImmichNetwork extends Construct {
  public readonly resource: Network;
  public readonly name: string;
  public readonly internal: boolean;

  constructor(scope: Construct, id: string, props: ImmichNetworkProps) {
    super(scope, id);
    if (props.mtu !== undefined && (!Number.isInteger(props.mtu) || props.mtu < 576 || props.mtu > 9216)) {
      throw new Error(`ImmichNetwork ${props.name}: mtu must be an integer from 576 to 9216 (got ${props.mtu}); use the smallest uplink MTU`);
    }
    this.name = props.name;
    this.internal = props.internal ?? false;
    this.resource = new Network(this, "Resource", {
      ...(props.provider ? { provider: props.provider } : {}),
      name: props.name,
      driver: "bridge",
      internal: this.internal,
      ...(props.mtu !== undefined ? { options: { "com.docker.network.driver.mtu": String(props.mtu) } } : {}),
      labels: [{ label: LABEL_DEPLOYMENT, value: props.deploymentName }, ...(props.exporterFor ? [{ label: LABEL_EXPORTER_NETWORK, value: props.exporterFor }] : [])],
    });
  }
}
