import type { TerraformProvider } from "cdktf";
import { Container } from "../providers/docker/container/index.js";
import { Image } from "../providers/docker/image/index.js";
import { Construct } from "constructs";
import { DOCKER_LOG_OPTS } from "../src/host/derive-host-plan.js";
import { createHash } from "node:crypto";
import type { DataVolume } from "./data-volume.js";
import { goDuration } from "./go-duration.js";
import { ReplaceTrigger } from "./replace-trigger.js";
import { resourceAddress } from "./terraform-address.js";
import type { ImmichNetwork } from "./immich-network.js";
import { containerName, LABEL_COMPONENT, LABEL_DEPLOYMENT, type Component } from "./labels.js";

export interface HealthcheckProps {
  /** Docker `test`, e.g. `["CMD", "immich-healthcheck"]`. */
  readonly test: readonly string[];
  /** @default 30 */
  readonly intervalSeconds?: number;
  /** @default 5 */
  readonly timeoutSeconds?: number;
  /** @default 3 */
  readonly retries?: number;
  /** @default 60 */
  readonly startPeriodSeconds?: number;
}

export interface VolumeMount {
  readonly volume: DataVolume;
  readonly containerPath: string;
  /** @default false */
  readonly readOnly?: boolean;
}

export interface HostBind {
  readonly hostPath: string;
  readonly containerPath: string;
  /** @default true */
  readonly readOnly?: boolean;
}

/** A host folder a container reads (an external library), always read-only. */
export interface HostFolder {
  readonly hostPath: string;
  readonly containerPath: string;
}

export interface DeviceMapping {
  readonly hostPath: string;
  /** @default - the same path as on the host */
  readonly containerPath?: string;
  /** @default "rwm" */
  readonly permissions?: string;
}

export interface ConfigUpload {
  /** Absolute path inside the container. */
  readonly path: string;
  readonly content: string;
  /** File mode, octal as the provider takes it (`"0400"`). @default - the provider's 0644 */
  readonly mode?: string;
  /**
   * Numeric owner (`uid:gid`) of the file in the container: the uid of the process that reads it. Provider 4.6
   * (`owner`/`group` of an upload, #997); the 3.6.2 bindings do not know it, so it is written as an override.
   * @default - root
   */
  readonly owner?: { readonly uid: number; readonly gid: number };
}

/** The mode of a secret file: only its owner, the reading process, can read it. */
export const SECRET_FILE_MODE = "0400";
/** The mode of a secret file in a container that runs as a non-root user (see {@link secretFileOfContainerUser}). */
export const CONTAINER_USER_SECRET_MODE = "0444";

/**
 * A secret delivered as a file (never an environment variable, which `docker inspect` shows to the docker group
 * and cAdvisor exports): mode 0400, owned by the uid that reads it. The container must start as root (its
 * image's user): the reader is root, or a uid the program drops to (Redis and PostgreSQL drop to 999).
 */
export function secretFile(path: string, content: string, reader: { readonly uid: number; readonly gid: number } = { uid: 0, gid: 0 }): ConfigUpload {
  return { path, content, mode: SECRET_FILE_MODE, ...(reader.uid !== 0 || reader.gid !== 0 ? { owner: { uid: reader.uid, gid: reader.gid } } : {}) };
}

/**
 * A secret file in a container that runs as a non-root user (its `user`, or its image's USER): root-owned, mode
 * 0444. An upload's owner cannot be that user: the provider then asks Docker to copy with `copyUIDGID`, and
 * Docker resolves the container's user (`59000:59000`) in the Docker host's passwd database, which fails the
 * apply. Only that container's processes (one program) and root on the host see its file system.
 */
export function secretFileOfContainerUser(path: string, content: string): ConfigUpload {
  return { path, content, mode: CONTAINER_USER_SECRET_MODE };
}

export interface PublishedPort {
  readonly containerPort: number;
  readonly hostPort: number;
  /** Host address to bind. Only the proxy may bind all interfaces (policy IIAC006). */
  readonly hostIp: string;
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
}

export interface ServiceContainerProps {
  readonly deploymentName: string;
  readonly component: Component;
  /** Suffix of the container name for replicas (`-2`). @default "" */
  readonly nameSuffix?: string;
  /** Full image reference, tag pinned (`repo:tag` or `repo:tag@sha256:…`). */
  readonly image: string;
  /** @default - the image's entrypoint */
  readonly entrypoint?: readonly string[];
  /** @default - the image's command */
  readonly command?: readonly string[];
  /** Environment; secrets only as references to sensitive values (never literals). @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Networks in attachment order; at least one. */
  readonly networks: readonly ImmichNetwork[];
  /** Extra DNS names of this container on its networks (e.g. public host names served by the proxy). @default [] */
  readonly aliases?: readonly string[];
  /** @default [] */
  readonly volumes?: readonly VolumeMount[];
  /** Read-only host files or directories (driver libraries, USB bus). @default [] */
  readonly binds?: readonly HostBind[];
  /**
   * Host folders bound read-only through Docker's Mounts API, which refuses a missing source instead of creating
   * it as root (a `binds` entry would: an unmounted share would become an empty folder). @default []
   */
  readonly hostFolders?: readonly HostFolder[];
  /** @default [] */
  readonly devices?: readonly DeviceMapping[];
  /** Supplementary groups (names or host GIDs) for device access. @default [] */
  readonly groupAdd?: readonly string[];
  /** NVIDIA GPUs, all of them (`gpus = "all"`); not together with gpuRequest. @default - no GPU */
  readonly gpus?: "all";
  /**
   * NVIDIA GPUs as compose's `deploy.resources.reservations.devices` asks for them: a number of GPUs with these
   * capabilities (provider 4.x `device_requests`). @default - no GPU
   */
  readonly gpuRequest?: { readonly count: number; readonly capabilities: readonly string[] };
  /** Device cgroup rules (`c 189:* rmw`): devices that appear after start, such as USB sticks. @default [] */
  readonly deviceCgroupRules?: readonly string[];
  /** Linux capabilities to add (policy IIAC012 allows them only where a rule names why). @default [] */
  readonly capAdd?: readonly string[];
  /** Extra security options; `no-new-privileges:true` is always set. @default [] */
  readonly securityOpts?: readonly string[];
  readonly healthcheck: HealthcheckProps;
  /** Memory limit (MiB), also the memory+swap limit (no swap); updated in place. */
  readonly memoryMiB: number;
  /** @default - Docker's 64 MiB */
  readonly shmSizeMiB?: number;
  /** Seconds to wait after SIGTERM on stop/replace before SIGKILL (the provider's default is 0). */
  readonly destroyGraceSeconds: number;
  /** Files copied into the container; a content change replaces the container. @default [] */
  readonly uploads?: readonly ConfigUpload[];
  /** `uid:gid` to run as. @default - the image's user */
  readonly user?: string;
  /** @default [] */
  readonly ports?: readonly PublishedPort[];
  /** Containers that must exist first. @default [] */
  readonly dependsOn?: readonly ServiceContainer[];
  /**
   * Let Terraform wait, after creating the container, until its healthcheck passes (at most this many
   * seconds), so that containers depending on it start only then. @default - no wait: created is enough
   */
  readonly waitHealthySeconds?: number;
  /** The Docker host it runs on (an extra ML node's provider). @default - the stack's default docker provider */
  readonly provider?: TerraformProvider;
}

/** Logging is explicit on every container: implicit options diff forever on provider 3.6.2 (#473). */
export const LOG_DRIVER = "json-file";
export const LOG_OPTS: Readonly<Record<string, string>> = DOCKER_LOG_OPTS;

/**
 * One service of a deployment: its pinned image, the container, and a trigger that replaces the container
 * when its healthcheck changes (3.6.2 never applies healthcheck edits, #988). Secure defaults:
 * `no-new-privileges`, `CAP_NET_RAW` dropped, rotated logs, `restart=always`.
 */
export class ServiceContainer extends Construct {
  public readonly image: Image;
  public readonly container: Container;
  public readonly healthcheckTrigger: ReplaceTrigger;
  /** Container name, also its DNS name on the deployment's networks. */
  public readonly name: string;
  public readonly component: Component;

  constructor(scope: Construct, id: string, props: ServiceContainerProps) {
    super(scope, id);
    if (props.networks.length === 0) throw new Error(`${id}: networks must name at least one network (got none)`);
    if (!Number.isInteger(props.memoryMiB) || props.memoryMiB < 6) {
      throw new Error(`${id}: memoryMiB must be an integer ≥ 6 (got ${props.memoryMiB}); Docker refuses smaller limits`);
    }
    if (!/:[^/]+$/.test(props.image.split("@")[0]!)) {
      throw new Error(`${id}: image must pin a tag (got "${props.image}"); add :<version>`);
    }
    this.component = props.component;
    this.name = containerName(props.deploymentName, props.component, props.nameSuffix ?? "");

    const provider = props.provider ? { provider: props.provider } : {};
    this.image = new Image(this, "Image", { name: props.image, keepLocally: true, ...provider });

    const hc = props.healthcheck;
    const healthcheck = {
      test: [...hc.test],
      interval: goDuration(hc.intervalSeconds ?? 30),
      timeout: goDuration(hc.timeoutSeconds ?? 5),
      retries: hc.retries ?? 3,
      startPeriod: goDuration(hc.startPeriodSeconds ?? 60),
    };
    this.healthcheckTrigger = new ReplaceTrigger(this, "HealthcheckTrigger", {
      healthcheckSha256: createHash("sha256").update(JSON.stringify(healthcheck)).digest("hex"),
    });

    const env = Object.entries(props.env ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`);

    const uploads = props.uploads ?? [];
    const owned = uploads.some((u) => u.owner);
    this.container = new Container(this, "Resource", {
      ...provider,
      name: this.name,
      image: this.image.imageId,
      ...(props.entrypoint ? { entrypoint: [...props.entrypoint] } : {}),
      ...(props.command ? { command: [...props.command] } : {}),
      env,
      restart: "always",
      mustRun: true,
      destroyGraceSeconds: props.destroyGraceSeconds,
      memory: props.memoryMiB,
      // Unset, Docker allows as much swap again and the provider reads that back: an update on every plan.
      // Equal to the limit means no swap, what a database and a job queue want.
      memorySwap: props.memoryMiB,
      ...(props.shmSizeMiB !== undefined ? { shmSize: props.shmSizeMiB } : {}),
      ...(props.user ? { user: props.user } : {}),
      logDriver: LOG_DRIVER,
      logOpts: { ...LOG_OPTS },
      securityOpts: ["no-new-privileges:true", ...(props.securityOpts ?? [])],
      capabilities: { ...(props.capAdd?.length ? { add: [...props.capAdd] } : {}), drop: ["CAP_NET_RAW"] },
      ...(props.groupAdd?.length ? { groupAdd: [...props.groupAdd] } : {}),
      ...(props.gpus ? { gpus: props.gpus } : {}),
      ...(props.gpuRequest ? { deviceRequests: [{ driver: "nvidia", count: props.gpuRequest.count, capabilities: [...props.gpuRequest.capabilities] }] } : {}),
      ...(props.deviceCgroupRules?.length ? { deviceCgroupRules: [...props.deviceCgroupRules] } : {}),
      healthcheck,
      networksAdvanced: props.networks.map((n) => ({ name: n.resource.name, ...(props.aliases?.length ? { aliases: [...props.aliases] } : {}) })),
      ...nonEmpty("volumes", [
        ...(props.volumes ?? []).map((v) => ({ volumeName: v.volume.resource.name, containerPath: v.containerPath, readOnly: v.readOnly ?? false })),
        ...(props.binds ?? []).map((b) => ({ hostPath: b.hostPath, containerPath: b.containerPath, readOnly: b.readOnly ?? true })),
      ]),
      ...nonEmpty(
        "mounts",
        (props.hostFolders ?? []).map((f) => ({ type: "bind", source: f.hostPath, target: f.containerPath, readOnly: true })),
      ),
      ...nonEmpty(
        "devices",
        (props.devices ?? []).map((d) => ({ hostPath: d.hostPath, containerPath: d.containerPath ?? d.hostPath, permissions: d.permissions ?? "rwm" })),
      ),
      // With an owner, the whole list is an override instead (below): overrides append to a list, not replace it.
      ...(owned
        ? {}
        : nonEmpty("upload", (props.uploads ?? []).map((u) => ({ file: u.path, content: u.content, ...(u.mode ? { permissions: u.mode } : {}) })))),
      ...nonEmpty(
        "ports",
        (props.ports ?? []).map((p) => ({ internal: p.containerPort, external: p.hostPort, ip: p.hostIp, protocol: p.protocol ?? "tcp" })),
      ),
      labels: [
        { label: LABEL_COMPONENT, value: props.component },
        { label: LABEL_DEPLOYMENT, value: props.deploymentName },
      ],
      ...nonEmpty("dependsOn", (props.dependsOn ?? []).map((s) => s.container)),
      ...(props.waitHealthySeconds !== undefined ? { wait: true, waitTimeout: props.waitHealthySeconds } : {}),
      lifecycle: {
        // Networks cannot be replaced while containers are attached; healthcheck edits need a new container.
        replaceTriggeredBy: [this.healthcheckTrigger, ...props.networks.map((n) => n.resource)].map(resourceAddress),
      },
    });
    for (const u of uploads) {
      if (u.mode !== undefined && !/^0[0-7]{3}$/.test(u.mode)) throw new Error(`${id}: upload ${u.path}: mode must be octal like "0400" (got "${u.mode}")`);
      if (u.owner && ![u.owner.uid, u.owner.gid].every((n) => Number.isInteger(n) && n >= 0 && n < 2 ** 31)) {
        throw new Error(`${id}: upload ${u.path}: owner must be numeric uid and gid (got ${u.owner.uid}:${u.owner.gid})`);
      }
      if (u.owner && props.user) {
        throw new Error(
          `${id}: upload ${u.path}: an owner needs a container that starts as root (got user "${props.user}"): Docker resolves that user in the host's passwd and the apply fails; use secretFileOfContainerUser`,
        );
      }
    }
    if (owned) {
      // Numeric ids: the provider resolves names on the Terraform machine, not in the container.
      this.container.addOverride(
        "upload",
        uploads.map((u) => ({
          file: u.path,
          content: u.content,
          ...(u.mode ? { permissions: u.mode } : {}),
          ...(u.owner ? { owner: String(u.owner.uid), group: String(u.owner.gid) } : {}),
        })),
      );
    }
  }
}

/** `{ key: list }` when the list has entries, else nothing: empty blocks are noise in plans. */
function nonEmpty<K extends string, T>(key: K, list: T[]): { [P in K]?: T[] } {
  return (list.length > 0 ? { [key]: list } : {}) as { [P in K]?: T[] };
}
