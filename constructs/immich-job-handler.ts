import { Construct } from "constructs";
import { TranscodeAccel } from "../src/tuning/accelerators.js";
import { IMMICH_SERVER_IMAGE, withDigest } from "./images.js";
import type { ImmichNetwork } from "./immich-network.js";
import { externalLibraryFolders, immichSecretUploads, immichServerEnv, mediaMounts, serverBinds, type ImmichBackends, type ImmichMediaVolumes } from "./immich-server-env.js";
import { Component } from "./labels.js";
import { ServiceContainer, type DeviceMapping } from "./service-container.js";

interface TranscodeMapping {
  readonly devices: readonly DeviceMapping[];
  readonly groupAdd: readonly string[];
  readonly securityOpts: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly gpus?: "all";
}

/** Device mapping per ffmpeg acceleration, after Immich's hwaccel.transcoding.yml. */
export const TRANSCODE_MAPPING: Readonly<Record<TranscodeAccel, TranscodeMapping>> = {
  [TranscodeAccel.DISABLED]: { devices: [], groupAdd: [], securityOpts: [], env: {} },
  // Compose asks for capabilities [gpu, compute, video]; `gpus = "all"` only requests "gpu", so the
  // video (NVENC) capability comes from the NVIDIA runtime's environment variable.
  [TranscodeAccel.NVENC]: { devices: [], groupAdd: [], securityOpts: [], env: { NVIDIA_DRIVER_CAPABILITIES: "compute,video,utility" }, gpus: "all" },
  [TranscodeAccel.QSV]: { devices: [{ hostPath: "/dev/dri" }], groupAdd: ["video"], securityOpts: [], env: {} },
  [TranscodeAccel.VAAPI]: { devices: [{ hostPath: "/dev/dri" }], groupAdd: ["video"], securityOpts: [], env: {} },
  [TranscodeAccel.RKMPP]: {
    devices: [{ hostPath: "/dev/rga" }, { hostPath: "/dev/dri" }, { hostPath: "/dev/dma_heap" }, { hostPath: "/dev/mpp_service" }],
    groupAdd: ["video"],
    securityOpts: ["systempaths=unconfined", "apparmor=unconfined"],
    env: {},
  },
};

export interface ImmichJobHandlerProps extends ImmichBackends {
  readonly deploymentName: string;
  readonly immichVersion: string;
  /** Front (ML) and back (database, Redis) networks. */
  readonly networks: readonly ImmichNetwork[];
  readonly media: ImmichMediaVolumes;
  /** Memory limit per replica (MiB). */
  readonly memoryMiB: number;
  /**
   * Bind the Docker host's /etc/localtime read-only, as Immich's compose does; TZ is set either way.
   * @default false - TZ alone
   */
  readonly hostLocaltime?: boolean;
  /** Pin the (server) image to this digest. @default - tag only */
  readonly imageDigest?: string;
  /** @default TranscodeAccel.DISABLED */
  readonly transcode?: TranscodeAccel;
  /** Job workers sharing the queues. @default 1 */
  readonly replicas?: number;
  /** @default "UTC" */
  readonly timezone?: string;
  /** Seconds a running job (a transcode) gets to stop. @default 60 */
  readonly stopGraceSeconds?: number;
}

/** The microservices worker (`IMMICH_WORKERS_EXCLUDE=api`): thumbnails, metadata, transcoding, ML calls. */
export class ImmichJobHandler extends Construct {
  public readonly replicas: readonly ServiceContainer[];

  constructor(scope: Construct, id: string, props: ImmichJobHandlerProps) {
    super(scope, id);
    const n = props.replicas ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error(`ImmichJobHandler: replicas must be an integer from 1 to 8 (got ${n})`);
    const map = TRANSCODE_MAPPING[props.transcode ?? TranscodeAccel.DISABLED];
    const replicas: ServiceContainer[] = [];
    for (let i = 0; i < n; i++) {
      // The first replica's id and name never change, so adding replicas never replaces it.
      replicas.push(
        new ServiceContainer(this, i === 0 ? "Service" : `Replica${i + 1}`, {
          deploymentName: props.deploymentName,
          component: Component.JOB_HANDLER,
          nameSuffix: i === 0 ? "" : `-${i + 1}`,
          image: withDigest(`${IMMICH_SERVER_IMAGE}:${props.immichVersion}`, props.imageDigest, "ImmichJobHandler"),
          env: { ...immichServerEnv(props, props.timezone ?? "UTC"), ...map.env, IMMICH_WORKERS_EXCLUDE: "api" },
          networks: props.networks,
          volumes: mediaMounts(props.media),
          uploads: [props.configFile.upload(), ...immichSecretUploads(props)],
          binds: serverBinds(props.hostLocaltime),
          hostFolders: externalLibraryFolders(props),
          devices: map.devices,
          groupAdd: map.groupAdd,
          securityOpts: map.securityOpts,
          ...(map.gpus ? { gpus: map.gpus } : {}),
          memoryMiB: props.memoryMiB,
          destroyGraceSeconds: props.stopGraceSeconds ?? 60,
          // The healthcheck exits 0 ("API worker excluded") for job-only workers [IMM immich-healthcheck].
          healthcheck: { test: ["CMD", "immich-healthcheck"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 120 },
          dependsOn: [props.database.service, props.redis.service],
        }),
      );
    }
    this.replicas = replicas;
  }
}
