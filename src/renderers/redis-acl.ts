/**
 * Who may do what in Redis: one ACL user per client, the default user off. Redis holds Immich's job queue and
 * Authelia's sessions (a forged session is a login that passed 2FA), and sits on the back network next to
 * third-party exporter images: a client without credentials must get NOAUTH, the exporter must not read keys.
 * Key patterns are not per database in Redis, so Immich (db 0) and Authelia (db 1) are not kept apart from each
 * other by the ACL; both are first-party, and neither may administer the server.
 */
export const REDIS_CLIENTS = ["immich", "authelia", "exporter", "healthcheck"] as const;
export type RedisClient = (typeof REDIS_CLIENTS)[number];

/** The ACL user name of each client. */
export const REDIS_USERS: Readonly<Record<RedisClient, string>> = {
  immich: "immich",
  authelia: "authelia",
  exporter: "exporter",
  healthcheck: "healthcheck",
};

/**
 * The rules of each user after its password (`on #<sha256>`), as redis.conf `user` lines take them.
 * - immich: BullMQ (Lua scripts, blocking pops, INFO for its version check) and socket.io's pub/sub, on every
 *   key and channel; no @admin (CONFIG, ACL, SHUTDOWN, DEBUG, MONITOR, REPLICAOF …).
 * - authelia: sessions and regulation entries (GET/SET/DEL/EXPIRE, SELECT of its database); no @admin and no
 *   @dangerous (KEYS, FLUSHDB/FLUSHALL, INFO, CLIENT …).
 * - exporter: what redis_exporter 1.69 runs to scrape (INFO, CONFIG GET, CLIENT LIST, SLOWLOG, LATENCY, DBSIZE)
 *   and the sizes of Immich's queue keys only (SCAN, TYPE, LLEN, ZCARD …, MEMORY USAGE): no command that reads a value.
 * - healthcheck: PING, nothing else.
 */
export const REDIS_ACL_RULES: Readonly<Record<RedisClient, string>> = {
  immich: "~* &* +@all -@admin",
  authelia: "~* resetchannels +@all -@admin -@dangerous",
  exporter: [
    "resetchannels",
    "-@all",
    "+ping",
    "+info",
    "+config|get",
    "+client|list",
    "+client|setname",
    "+slowlog|get",
    "+slowlog|len",
    "+latency|latest",
    "+latency|histogram",
    "+dbsize",
    "+select",
    "+scan",
    "+type",
    "+llen",
    "+zcard",
    "+scard",
    "+hlen",
    "+xlen",
    "+strlen",
    "+memory|usage",
    "+pfcount",
  ].join(" "),
  healthcheck: "resetchannels -@all +ping",
};

/** Key patterns of a client when it may not see every key (`resetkeys ~<pattern>` …). */
export function redisKeyPatterns(client: RedisClient, exporterKeyPatterns: readonly string[]): string {
  if (client === "exporter") return ["resetkeys", ...exporterKeyPatterns.map((p) => `~${p}`)].join(" ");
  if (client === "healthcheck") return "resetkeys";
  return "";
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** What `render` shows instead of a user's hash: it exists only at apply time (Terraform hashes the password). */
export const APPLY_TIME_HASH = "<sha256-of-the-password-generated-at-apply-time>";

/**
 * The ACL section of redis.conf. `passwordSha256` is each user's password hashed (lower-case hex, or a
 * Terraform reference that yields it): the plain password never sits in the file.
 */
export function renderRedisAcl(users: Readonly<Partial<Record<RedisClient, string>>>, exporterKeyPatterns: readonly string[]): string[] {
  const lines = [
    "# The default user is off: a client without credentials gets NOAUTH for every command.",
    "user default reset off resetpass resetkeys resetchannels -@all",
  ];
  for (const client of REDIS_CLIENTS) {
    const sha = users[client];
    if (sha === undefined) continue;
    if (!SHA256_HEX.test(sha) && sha !== APPLY_TIME_HASH && !sha.includes("${TfToken[")) {
      throw new Error(`renderRedisAcl: ${client}: passwordSha256 must be 64 lower-case hex digits or a Terraform reference (got "${sha.slice(0, 80)}")`);
    }
    const keys = redisKeyPatterns(client, exporterKeyPatterns);
    lines.push(`user ${REDIS_USERS[client]} reset on #${sha} ${keys ? `${keys} ` : ""}${REDIS_ACL_RULES[client]}`);
  }
  return lines;
}
