import type { TerraformProvider } from "cdktf";
import { Volume } from "../providers/docker/volume/index.js";
import { Construct } from "constructs";
import { LABEL_DATA, LABEL_DEPLOYMENT } from "./labels.js";

export interface DataVolumeProps {
  /** Docker volume name. */
  readonly name: string;
  readonly deploymentName: string;
  /** Absolute host directory the volume binds (a ZFS dataset mountpoint or a directory under it); must exist. */
  readonly hostPath: string;
  /**
   * The volume holds user data (photos, the database, backups): labelled `io.immich-iac.data=true`.
   * @default true
   */
  readonly userData?: boolean;
  /** The Docker host it lives on (an extra ML node's provider). @default - the stack's default docker provider */
  readonly provider?: TerraformProvider;
}

/**
 * A named volume bound to a host directory. Every change to a `docker_volume` replaces it, so every
 * DataVolume carries `prevent_destroy`: a plan that would destroy it fails instead.
 */
export class DataVolume extends Construct {
  public readonly resource: Volume;
  public readonly name: string;
  public readonly hostPath: string;

  constructor(scope: Construct, id: string, props: DataVolumeProps) {
    super(scope, id);
    if (!props.hostPath.startsWith("/") || props.hostPath.includes("..")) {
      throw new Error(`DataVolume ${props.name}: hostPath must be an absolute path without '..' (got "${props.hostPath}")`);
    }
    this.name = props.name;
    this.hostPath = props.hostPath;
    this.resource = new Volume(this, "Resource", {
      ...(props.provider ? { provider: props.provider } : {}),
      name: props.name,
      driver: "local",
      driverOpts: { type: "none", o: "bind", device: props.hostPath },
      labels: [
        { label: LABEL_DATA, value: String(props.userData ?? true) },
        { label: LABEL_DEPLOYMENT, value: props.deploymentName },
      ],
      lifecycle: { preventDestroy: true },
    });
  }
}
