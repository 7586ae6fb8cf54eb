import { Construct } from "constructs";
import type { DataVolume } from "./data-volume.js";
import { REDIS_IMAGES, RedisEngine, withDigest } from "./images.js";
import type { ImmichNetwork } from "./immich-network.js";
import { Component } from "./labels.js";
import { ServiceContainer } from "./service-container.js";

export const REDIS_PORT = 6379;
const CONF_PATH = "/usr/local/etc/redis/redis.conf";

export interface ImmichRedisProps {
  readonly deploymentName: string;
  /** The back network; must be internal (policy IIAC007). */
  readonly network: ImmichNetwork;
  /**
   * The redis exporter's own network, joined too (the exporter reaches nothing else). Adding or removing it recreates
   * the container. @default - none (no monitoring)
   */
  readonly exporterNetwork?: ImmichNetwork;
  /** AOF and RDB files. */
  readonly dataVolume: DataVolume;
  /** redis.conf text from the tuning engine's renderer (noeviction, AOF everysec, maxmemory). */
  readonly config: string;
  /** Memory limit (MiB); keep it above the config's maxmemory (fork headroom). */
  readonly memoryMiB: number;
  /** @default RedisEngine.REDIS (Redis 7.4) */
  readonly engine?: RedisEngine;
  /** @default 30 */
  readonly stopGraceSeconds?: number;
  /** Pin the engine's image to this digest. @default - tag only */
  readonly imageDigest?: string;
}

/** The job-queue store (BullMQ): Redis 7.4 or Valkey 9, persistent on disk, reachable only on the back network. */
export class ImmichRedis extends Construct {
  public readonly service: ServiceContainer;
  public readonly hostname: string;
  public readonly port = REDIS_PORT;
  /** redis.conf as deployed (for `render`). */
  public readonly config: string;

  constructor(scope: Construct, id: string, props: ImmichRedisProps) {
    super(scope, id);
    this.config = props.config;
    const engine = props.engine ?? RedisEngine.REDIS;
    const server = engine === RedisEngine.VALKEY ? "valkey-server" : "redis-server";
    const cli = engine === RedisEngine.VALKEY ? "valkey-cli" : "redis-cli";
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.REDIS,
      image: withDigest(REDIS_IMAGES[engine], props.imageDigest, "ImmichRedis"),
      command: [server, CONF_PATH],
      networks: [props.network, ...(props.exporterNetwork ? [props.exporterNetwork] : [])],
      volumes: [{ volume: props.dataVolume, containerPath: "/data" }],
      uploads: [{ path: CONF_PATH, content: props.config }],
      memoryMiB: props.memoryMiB,
      destroyGraceSeconds: props.stopGraceSeconds ?? 30,
      healthcheck: { test: ["CMD-SHELL", `${cli} ping || exit 1`], intervalSeconds: 10, timeoutSeconds: 5, retries: 5, startPeriodSeconds: 30 },
    });
    this.hostname = this.service.name;
  }
}
