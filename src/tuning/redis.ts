import { derive, SOURCES, type Derived } from "./derived.js";

export interface RedisTuning {
  /** redis.conf directives, values exactly as redis.conf accepts them, in a stable order. */
  readonly settings: Readonly<Record<string, Derived<string>>>;
}

/** BullMQ-safe Redis settings within the Redis memory budget. */
export function tuneRedis(budgetMiB: number): RedisTuning {
  const maxmemory = Math.floor(budgetMiB / 2);
  const s: Record<string, Derived<string>> = {
    "maxmemory-policy": derive("noeviction", "BullMQ requires noeviction; any other policy loses jobs", SOURCES.bullmq),
    maxmemory: derive(
      `${maxmemory}mb`,
      `⌊${budgetMiB} MiB budget / 2⌋: a background save or AOF rewrite forks and may double resident memory`,
      `${SOURCES.ruleOfThumb}; ${SOURCES.redisAdmin}`,
    ),
    appendonly: derive("yes", "AOF persistence, as BullMQ recommends", SOURCES.bullmq),
    appendfsync: derive("everysec", "at most one second of jobs lost on power failure", SOURCES.bullmq),
    "aof-use-rdb-preamble": derive("yes", "Redis default: faster AOF rewrite and load", SOURCES.redisAdmin),
    save: derive("3600 1 300 100 60 10000", "Redis default RDB save points, kept alongside AOF", SOURCES.redisAdmin),
  };
  return { settings: s };
}
