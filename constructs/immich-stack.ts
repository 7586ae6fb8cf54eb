import { Password } from "@cdktf/provider-random/lib/password/index.js";
import { Aspects, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { POLICY_RULES, PolicyAspect } from "./policy/index.js";
import { buildImmichConfig } from "../src/renderers/immich-config-file.js";
import { renderPostgresOverride } from "../src/renderers/postgres-conf.js";
import { renderRedisConf } from "../src/renderers/redis-conf.js";
import type { Tuning } from "../src/tuning/tuning.js";
import { DATA_ROOT, roleMountpoint } from "../src/tuning/zfs.js";
import { DataVolume } from "./data-volume.js";
import { RedisEngine } from "./images.js";
import { ImmichConfigFile } from "./immich-config-file.js";
import { ImmichJobHandler } from "./immich-job-handler.js";
import { ImmichMachineLearning } from "./immich-machine-learning.js";
import { ImmichNetwork } from "./immich-network.js";
import { DEFAULT_POSTGRES_IMAGE_TAG, ImmichPostgres } from "./immich-postgres.js";
import { ImmichRedis, REDIS_PORT } from "./immich-redis.js";
import { IMMICH_PORT, ImmichServer } from "./immich-server.js";

import { DEFAULT_IMMICH_VERSION } from "../src/versions.js";

export interface ImmichStackProps {
  /** Deployment name: prefixes every Docker object and fills `io.immich-iac.deployment`. */
  readonly deploymentName: string;
  /** Public hostname, e.g. photos.example.com. */
  readonly domain: string;
  /** Everything derived from the hardware profile (`computeTuning(profile)`). */
  readonly tuning: Tuning;
  /** Pinned Immich release. @default DEFAULT_IMMICH_VERSION */
  readonly immichVersion?: string;
  /** IANA time zone for cron jobs and logs. @default "UTC" */
  readonly timezone?: string;
  /** @default DEFAULT_POSTGRES_IMAGE_TAG */
  readonly postgresImageTag?: string;
  /** @default - tag only */
  readonly postgresImageDigest?: string;
  /** @default RedisEngine.REDIS */
  readonly redisEngine?: RedisEngine;
  /** @default 1 */
  readonly jobHandlerReplicas?: number;
  /**
   * Publish the API on 127.0.0.1:<port> of the Docker host; `false` publishes nothing.
   * @default 2283 - reachable through an SSH tunnel until a proxy fronts it
   */
  readonly serverLoopbackPort?: number | false;
  /**
   * Host directory under which every role is mounted (`<dataRoot>/<role>`); must match the datasets.
   * @default "/srv/immich"
   */
  readonly dataRoot?: string;
}

const NAME = /^[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * The whole Immich stack for one deployment: a front network and an internal back network, volumes bound
 * to the role datasets, PostgreSQL, Redis, the API server, the job handler, machine learning, and the
 * config file. Needs the docker and random providers in its stack.
 */
export class ImmichStack extends Construct {
  public readonly frontNetwork: ImmichNetwork;
  public readonly backNetwork: ImmichNetwork;
  public readonly volumes: Readonly<Record<"database" | "redis" | "library" | "thumbs" | "encodedVideo" | "backups" | "modelCache", DataVolume>>;
  public readonly database: ImmichPostgres;
  public readonly redis: ImmichRedis;
  public readonly machineLearning: ImmichMachineLearning;
  public readonly configFile: ImmichConfigFile;
  public readonly server: ImmichServer;
  public readonly jobHandler: ImmichJobHandler;

  constructor(scope: Construct, id: string, props: ImmichStackProps) {
    super(scope, id);
    const dep = props.deploymentName;
    if (!NAME.test(dep)) {
      throw new Error(`ImmichStack: deploymentName must be lowercase letters, digits and '-', at most 42 characters (got "${dep}")`);
    }
    if (!DOMAIN.test(props.domain)) {
      throw new Error(`ImmichStack: domain must be a lowercase DNS name like photos.example.com (got "${props.domain}")`);
    }
    const version = props.immichVersion ?? DEFAULT_IMMICH_VERSION;
    if (!/^v3\.\d+\.\d+$/.test(version)) {
      throw new Error(`ImmichStack: immichVersion must pin a v3 release like ${DEFAULT_IMMICH_VERSION} (got "${version}")`);
    }
    ensurePolicy(TerraformStack.of(this));
    const t = props.tuning;
    const tz = props.timezone ?? "UTC";
    const budget = t.memory.components;
    const mtu = t.network.dockerMtu.value;

    this.frontNetwork = new ImmichNetwork(this, "FrontNetwork", { name: `immich-${dep}-front`, deploymentName: dep, mtu });
    this.backNetwork = new ImmichNetwork(this, "BackNetwork", { name: `immich-${dep}-back`, deploymentName: dep, mtu, internal: true });

    const root = props.dataRoot ?? DATA_ROOT;
    if (!/^\/[A-Za-z0-9._/-]*[A-Za-z0-9._-]$/.test(root) || root.includes("..")) {
      throw new Error(`ImmichStack: dataRoot must be an absolute directory path without '..' or a trailing '/' (got "${root}")`);
    }
    const mount = (role: Parameters<typeof roleMountpoint>[0]) => roleMountpoint(role, root);
    const vol = (vid: string, name: string, hostPath: string, userData: boolean) =>
      new DataVolume(this, vid, { name: `immich-${dep}-${name}`, deploymentName: dep, hostPath, userData });
    this.volumes = {
      database: vol("DatabaseVolume", "database", `${mount("database")}/pgdata`, true),
      redis: vol("RedisVolume", "redis", `${mount("database")}/redis`, false),
      library: vol("LibraryVolume", "library", mount("library"), true),
      thumbs: vol("ThumbsVolume", "thumbs", `${mount("thumbnails")}/thumbs`, false),
      encodedVideo: vol("EncodedVideoVolume", "encoded-video", `${mount("thumbnails")}/encoded-video`, false),
      backups: vol("BackupsVolume", "backups", mount("backups"), true),
      modelCache: vol("ModelCacheVolume", "model-cache", mount("ml-cache"), false),
    };

    // Generated at apply time: the value lives only in Terraform state, never in cdk.tf.json.
    // Alphanumeric only: Immich's DB URL handling breaks on special characters [IMM example.env].
    const password = new Password(this, "DatabasePassword", { length: 40, special: false });

    this.database = new ImmichPostgres(this, "Database", {
      deploymentName: dep,
      network: this.backNetwork,
      dataVolume: this.volumes.database,
      overrideConfig: renderPostgresOverride(t.postgres.settings, `deployment ${dep} (${t.profileName})`),
      shmSizeMiB: t.postgres.shmSizeMiB.value,
      memoryMiB: budget.postgres.value,
      storageType: t.postgres.storageType.value,
      password: password.result,
      imageTag: props.postgresImageTag ?? DEFAULT_POSTGRES_IMAGE_TAG,
      ...(props.postgresImageDigest ? { imageDigest: props.postgresImageDigest } : {}),
    });
    this.redis = new ImmichRedis(this, "Redis", {
      deploymentName: dep,
      network: this.backNetwork,
      dataVolume: this.volumes.redis,
      config: renderRedisConf(t.redis.settings, { dataDir: "/data", port: REDIS_PORT }, `deployment ${dep} (${t.profileName})`),
      memoryMiB: budget.redis.value,
      engine: props.redisEngine ?? RedisEngine.REDIS,
    });
    this.machineLearning = new ImmichMachineLearning(this, "MachineLearning", {
      deploymentName: dep,
      network: this.frontNetwork,
      cacheVolume: this.volumes.modelCache,
      immichVersion: version,
      backend: t.machineLearning.backend.value,
      env: Object.fromEntries(Object.entries(t.machineLearning.env).map(([k, d]) => [k, d.value])),
      memoryMiB: budget.machineLearning.value,
      timezone: tz,
    });
    this.configFile = new ImmichConfigFile(this, "ConfigFile", {
      config: buildImmichConfig(t, { domain: props.domain, machineLearningUrls: [this.machineLearning.url] }),
    });
    const backends = {
      database: this.database,
      databasePassword: password.result,
      redis: this.redis,
      configFile: this.configFile,
      machineLearning: this.machineLearning,
    };
    const media = { library: this.volumes.library, thumbs: this.volumes.thumbs, encodedVideo: this.volumes.encodedVideo, backups: this.volumes.backups };
    const loopback = props.serverLoopbackPort ?? IMMICH_PORT;
    this.server = new ImmichServer(this, "Server", {
      ...backends,
      deploymentName: dep,
      immichVersion: version,
      networks: [this.frontNetwork, this.backNetwork],
      media,
      memoryMiB: budget.server.value,
      timezone: tz,
      ...(loopback !== false ? { loopbackPort: loopback } : {}),
    });
    this.jobHandler = new ImmichJobHandler(this, "JobHandler", {
      ...backends,
      deploymentName: dep,
      immichVersion: version,
      networks: [this.frontNetwork, this.backNetwork],
      media,
      memoryMiB: budget.jobHandler.value,
      transcode: t.transcode.value,
      replicas: props.jobHandlerReplicas ?? 1,
      timezone: tz,
    });
  }
}

const POLICY_ATTACHED = Symbol.for("immich-iac.policy-attached");

/** Attaches the policy rules to the stack once, however many ImmichStacks it holds. */
function ensurePolicy(stack: TerraformStack): void {
  const marked = stack as unknown as Record<symbol, boolean>;
  if (marked[POLICY_ATTACHED]) return;
  marked[POLICY_ATTACHED] = true;
  Aspects.of(stack).add(new PolicyAspect(POLICY_RULES));
}
