import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { MlBackend } from "../src/tuning/accelerators.js";
import { ML_PORT } from "../src/tuning/machine-learning.js";
import type { DataVolume } from "./data-volume.js";
import { IMMICH_ML_IMAGE, withDigest } from "./images.js";
import type { ImmichNetwork } from "./immich-network.js";
import { Component } from "./labels.js";
import { ServiceContainer, type DeviceMapping, type HostBind } from "./service-container.js";

export { ML_PORT };

/** Per-backend device mapping, after Immich's hwaccel.ml.yml. */
interface BackendMapping {
  readonly devices: readonly DeviceMapping[];
  readonly binds: readonly HostBind[];
  readonly groupAdd: readonly string[];
  readonly securityOpts: readonly string[];
  readonly gpuRequest?: { readonly count: number; readonly capabilities: readonly string[] };
  readonly deviceCgroupRules?: readonly string[];
}

export const ML_BACKEND_MAPPING: Readonly<Record<MlBackend, BackendMapping>> = {
  [MlBackend.CPU]: { devices: [], binds: [], groupAdd: [], securityOpts: [] },
  // Compose reserves one NVIDIA GPU with the gpu capability [IMM docker/hwaccel.ml.yml @ 0567592, cuda]; the
  // profile gives machine learning one accelerator (one per use), so one GPU, not all of the host's.
  [MlBackend.CUDA]: { devices: [], binds: [], groupAdd: [], securityOpts: [], gpuRequest: { count: 1, capabilities: ["gpu"] } },
  // As compose [IMM docker/hwaccel.ml.yml @ 0567592, openvino]: /dev/dri for the GPU, and /dev/bus/usb with the
  // `c 189:* rmw` cgroup rule (USB character devices, major 189) for sticks plugged in after start. The bind is
  // read-only: device nodes stay writable on a read-only mount, but nothing can be created under it.
  [MlBackend.OPENVINO]: {
    devices: [{ hostPath: "/dev/dri" }],
    binds: [{ hostPath: "/dev/bus/usb", containerPath: "/dev/bus/usb" }],
    groupAdd: ["video"],
    securityOpts: [],
    deviceCgroupRules: ["c 189:* rmw"],
  },
  [MlBackend.ROCM]: { devices: [{ hostPath: "/dev/dri" }, { hostPath: "/dev/kfd" }], binds: [], groupAdd: ["video"], securityOpts: [] },
  // The firmware file is bound only when the profile says it exists (MALI_FIRMWARE_BIND, below).
  [MlBackend.ARMNN]: {
    devices: [{ hostPath: "/dev/mali0" }],
    binds: [{ hostPath: "/usr/lib/libmali.so", containerPath: "/usr/lib/libmali.so" }],
    groupAdd: [],
    securityOpts: [],
  },
  // systempaths=unconfined needs kreuzwerker/docker ≥ 3.8.0 (#795); policy IIAC008 enforces the constraint.
  [MlBackend.RKNN]: { devices: [{ hostPath: "/dev/dri" }], binds: [], groupAdd: [], securityOpts: ["systempaths=unconfined", "apparmor=unconfined"] },
};

/**
 * Mali CSF firmware: "not always required depending on the driver" [IMM docker/hwaccel.ml.yml, armnn]. A bind
 * of a missing host file makes Docker create a directory there, so it is bound only on request.
 */
export const MALI_FIRMWARE_BIND: HostBind = { hostPath: "/lib/firmware/mali_csffw.bin", containerPath: "/lib/firmware/mali_csffw.bin" };

export interface ImmichMachineLearningProps {
  readonly deploymentName: string;
  /** The front network: the server reaches it there, and it downloads models from the internet. */
  readonly network: ImmichNetwork;
  /** Model cache, on the `ml-cache` dataset. */
  readonly cacheVolume: DataVolume;
  /** Immich release, e.g. `v3.1.0`; the backend suffix is appended. */
  readonly immichVersion: string;
  /** @default MlBackend.CPU */
  readonly backend?: MlBackend;
  /** `MACHINE_LEARNING_*` variables from the tuning engine. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  readonly memoryMiB: number;
  /** @default "UTC" */
  readonly timezone?: string;
  /** With the armnn backend, bind the host's Mali firmware file too. @default false - only libmali.so is bound */
  readonly maliFirmware?: boolean;
  /** Pin the image (of this backend's tag) to this digest. @default - tag only */
  readonly imageDigest?: string;
  /**
   * An extra node on another Docker host: its provider, its name (the container is
   * `immich-<deployment>-machine-learning-<name>`) and the private address its port is published on — that
   * address only, never every interface: the ML API has no authentication. @default - the Immich host's container
   */
  readonly node?: { readonly provider: TerraformProvider; readonly name: string; readonly address: string };
}

/** The machine-learning sidecar with upstream's image suffix and device mapping for its backend. */
export class ImmichMachineLearning extends Construct {
  public readonly service: ServiceContainer;
  public readonly backend: MlBackend;
  /** What the server puts in `machineLearning.urls`. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: ImmichMachineLearningProps) {
    super(scope, id);
    this.backend = props.backend ?? MlBackend.CPU;
    if (props.maliFirmware && this.backend !== MlBackend.ARMNN) {
      throw new Error(`ImmichMachineLearning: maliFirmware needs the armnn backend (got ${this.backend}): remove maliFirmware or use an arm-mali accelerator`);
    }
    for (const key of Object.keys(props.env ?? {})) {
      if (!key.startsWith("MACHINE_LEARNING_")) throw new Error(`ImmichMachineLearning: env may only set MACHINE_LEARNING_* variables (got ${key})`);
    }
    const suffix = this.backend === MlBackend.CPU ? "" : `-${this.backend}`;
    const map = ML_BACKEND_MAPPING[this.backend];
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.MACHINE_LEARNING,
      ...(props.node ? { provider: props.node.provider, nameSuffix: `-${props.node.name}`, ports: [{ containerPort: ML_PORT, hostPort: ML_PORT, hostIp: props.node.address }] } : {}),
      image: withDigest(`${IMMICH_ML_IMAGE}:${props.immichVersion}${suffix}`, props.imageDigest, "ImmichMachineLearning"),
      env: { ...props.env, MACHINE_LEARNING_CACHE_FOLDER: "/cache", TZ: props.timezone ?? "UTC" },
      networks: [props.network],
      volumes: [{ volume: props.cacheVolume, containerPath: "/cache" }],
      devices: map.devices,
      binds: this.backend === MlBackend.ARMNN && props.maliFirmware ? [...map.binds, MALI_FIRMWARE_BIND] : map.binds,
      groupAdd: map.groupAdd,
      securityOpts: map.securityOpts,
      ...(map.gpuRequest ? { gpuRequest: map.gpuRequest } : {}),
      ...(map.deviceCgroupRules ? { deviceCgroupRules: map.deviceCgroupRules } : {}),
      memoryMiB: props.memoryMiB,
      destroyGraceSeconds: 10,
      healthcheck: { test: ["CMD", "python3", "healthcheck.py"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 120 },
    });
    this.url = props.node ? `http://${props.node.address}:${ML_PORT}` : `http://${this.service.name}:${ML_PORT}`;
  }
}
