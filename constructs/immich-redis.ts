import { Password } from "../providers/random/password/index.js";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { DataVolume } from "./data-volume.js";
import { REDIS_IMAGES, RedisEngine, withDigest } from "./images.js";
import type { ImmichNetwork } from "./immich-network.js";
import { Component } from "./labels.js";
import { secretFile, ServiceContainer, SECRET_FILE_MODE } from "./service-container.js";
import type { Derived } from "../src/tuning/derived.js";
import { renderRedisConf } from "../src/renderers/redis-conf.js";
import { APPLY_TIME_HASH, REDIS_USERS, type RedisClient } from "../src/renderers/redis-acl.js";

export const REDIS_PORT = 6379;
const CONF_PATH = "/usr/local/etc/redis/redis.conf";
/** The healthcheck's password, read by `redis-cli` in the Redis container (as root, the container's user). */
const HEALTHCHECK_PASSWORD_PATH = "/run/secrets/redis/healthcheck-password";
/** The uid:gid redis-server (and valkey-server) drops to in the upstream images: it reads redis.conf. */
export const REDIS_UID = { uid: 999, gid: 999 } as const;

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
  /** redis.conf directives from the tuning engine (noeviction, AOF everysec, maxmemory). */
  readonly settings: Readonly<Record<string, Derived<string>>>;
  /** Names the deployment in redis.conf's header. */
  readonly title: string;
  /** Clients that get an ACL user besides Immich (which always does). @default [] */
  readonly clients?: readonly Exclude<RedisClient, "immich" | "healthcheck">[];
  /** The keys the exporter may size (Immich's queue keys), as SCAN patterns. @default [] */
  readonly exporterKeyPatterns?: readonly string[];
  /** Memory limit (MiB); keep it above the config's maxmemory (fork headroom). */
  readonly memoryMiB: number;
  /** @default RedisEngine.REDIS (Redis 7.4) */
  readonly engine?: RedisEngine;
  /** @default 30 */
  readonly stopGraceSeconds?: number;
  /** Pin the engine's image to this digest. @default - tag only */
  readonly imageDigest?: string;
}

/** A client's Redis identity: its ACL user name and a reference to its password (sensitive). */
export interface RedisCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * The job-queue store (BullMQ) and Authelia's session store: Redis 7.4 or Valkey 9, persistent on disk,
 * reachable only on the back network, and only with a password: one ACL user per client (generated at apply
 * time, only their SHA-256 in redis.conf), the default user off.
 */
export class ImmichRedis extends Construct {
  public readonly service: ServiceContainer;
  public readonly hostname: string;
  public readonly port = REDIS_PORT;
  /** redis.conf as deployed, with {@link APPLY_TIME_HASH} for the hashes (for `render`). */
  public readonly config: string;
  private readonly passwords: Partial<Record<RedisClient, Password>> = {};

  constructor(scope: Construct, id: string, props: ImmichRedisProps) {
    super(scope, id);
    const engine = props.engine ?? RedisEngine.REDIS;
    const server = engine === RedisEngine.VALKEY ? "valkey-server" : "redis-server";
    const cli = engine === RedisEngine.VALKEY ? "valkey-cli" : "redis-cli";
    const clients: RedisClient[] = ["immich", ...new Set(props.clients ?? []), "healthcheck"];
    // Alphanumeric: the exporter's password file is JSON and redis.conf takes no quoting.
    for (const c of clients) this.passwords[c] = new Password(this, `${c[0]!.toUpperCase()}${c.slice(1)}Password`, { length: 64, special: false });
    const conf = (hash: (c: RedisClient) => string) =>
      renderRedisConf(
        props.settings,
        { dataDir: "/data", port: REDIS_PORT, users: Object.fromEntries(clients.map((c) => [c, hash(c)])), exporterKeyPatterns: props.exporterKeyPatterns ?? [] },
        props.title,
      );
    this.config = conf(() => APPLY_TIME_HASH);
    const healthcheck = this.credentials("healthcheck");
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.REDIS,
      image: withDigest(REDIS_IMAGES[engine], props.imageDigest, "ImmichRedis"),
      command: [server, CONF_PATH],
      networks: [props.network, ...(props.exporterNetwork ? [props.exporterNetwork] : [])],
      volumes: [{ volume: props.dataVolume, containerPath: "/data" }],
      uploads: [
        // Only hashes, yet derived from the passwords: readable by the server's own user alone.
        { path: CONF_PATH, content: conf((c) => Fn.sha256(this.passwords[c]!.result)), mode: SECRET_FILE_MODE, owner: REDIS_UID },
        secretFile(HEALTHCHECK_PASSWORD_PATH, healthcheck.password),
      ],
      memoryMiB: props.memoryMiB,
      destroyGraceSeconds: props.stopGraceSeconds ?? 30,
      // redis-cli exits 0 on an error reply (NOAUTH, LOADING): healthy only on PONG, as the healthcheck user.
      healthcheck: {
        test: ["CMD-SHELL", `REDISCLI_AUTH="$(cat ${HEALTHCHECK_PASSWORD_PATH})" ${cli} --user ${healthcheck.username} ping | grep -qx PONG`],
        intervalSeconds: 10,
        timeoutSeconds: 5,
        retries: 5,
        startPeriodSeconds: 30,
      },
    });
    this.hostname = this.service.name;
  }

  /** The ACL user and password of a client; throws for a client this Redis has no user for. */
  public credentials(client: RedisClient): RedisCredentials {
    const p = this.passwords[client];
    if (!p) throw new Error(`ImmichRedis: no ACL user for ${client}: add it to clients`);
    return { username: REDIS_USERS[client], password: p.result };
  }
}
