import type { Media } from "../profile/hardware-profile-schema.js";
import { derive, formatKb, SOURCES, type Derived } from "./derived.js";

/** PGTune's storage classes. */
export type PgDiskType = "nvme" | "ssd" | "hdd";

export function pgDiskType(media: Media): PgDiskType {
  if (media === "nvme-gen5" || media === "nvme-gen4") return "nvme";
  if (media === "sata-ssd") return "ssd";
  return "hdd";
}

export interface PostgresInput {
  /** RAM Postgres may use (its budget), MiB — not host RAM. */
  readonly memoryMiB: number;
  /** Threads Postgres may use. */
  readonly threads: number;
  readonly maxConnections: number;
  readonly disk: PgDiskType;
  /** PGDATA on a ZFS dataset: the only case where full_page_writes may be off. */
  readonly dataOnZfs: boolean;
  /** PostgreSQL major version (14–18). @default 17 */
  readonly major?: number;
}

export interface PostgresTuning {
  /** Settings exactly as postgresql.conf accepts them, in a stable order. */
  readonly settings: Readonly<Record<string, Derived<string>>>;
  /** Container `/dev/shm` size that parallel query and parallel index builds need. */
  readonly shmSizeMiB: Derived<number>;
  /** Which of the image's baked configs to start from (`DB_STORAGE_TYPE`). */
  readonly storageType: Derived<"SSD" | "HDD">;
}

const MB = 1024; // kB
const GB = 1024 * 1024; // kB

/**
 * PGTune, "web" profile (Immich is a web application), Linux, PostgreSQL 17, computed on the Postgres
 * memory budget. Each formula is PGTune's, with the inputs filled in.
 */
export function tunePostgres(input: PostgresInput): PostgresTuning {
  const tk = input.memoryMiB * 1024;
  const cpu = input.threads;
  const conns = input.maxConnections;
  const s: Record<string, Derived<string>> = {};
  const pgt = SOURCES.pgtune;
  const set = (k: string, v: string, f: string, src: string = pgt) => (s[k] = derive(v, f, src));

  set("max_connections", String(conns), `${conns}: Immich pools a few connections per server process; room for Authelia, backups and admin`, SOURCES.ruleOfThumb);
  const sb = Math.floor(tk / 4);
  set("shared_buffers", formatKb(sb), `⌊${tk} kB / 4⌋ = ${sb} kB`);
  const ecs = Math.floor((tk * 3) / 4);
  set("effective_cache_size", formatKb(ecs), `⌊${tk} kB × 3 / 4⌋ = ${ecs} kB`);
  let mwm = Math.floor(tk / 16);
  const mwmCapped = mwm >= 8 * GB;
  if (mwmCapped) mwm = 8 * GB;
  set("maintenance_work_mem", formatKb(mwm), `⌊${tk} kB / 16⌋${mwmCapped ? ", capped at 8GB" : ""} = ${mwm} kB`);
  set("checkpoint_completion_target", "0.9", "constant 0.9");

  let wal = Math.floor((3 * sb) / 100);
  if (wal > 16 * MB) wal = 16 * MB;
  if (wal > 14 * MB && wal < 16 * MB) wal = 16 * MB;
  if (wal < 32) wal = 32;
  set("wal_buffers", formatKb(wal), `⌊3 % × ${sb} kB⌋, capped at 16MB (14–16MB → 16MB), min 32kB = ${wal} kB`);
  set("default_statistics_target", "100", "web: 100");
  set("random_page_cost", input.disk === "hdd" ? "4" : "1.1", `${input.disk} → ${input.disk === "hdd" ? "4" : "1.1"}`);
  const eio = { hdd: 2, ssd: 200, nvme: 1000 }[input.disk];
  set("effective_io_concurrency", String(eio), `linux, ${input.disk} → ${eio}`);
  set("huge_pages", sb >= 2 * GB ? "try" : "off", `shared_buffers ${sb} kB ${sb >= 2 * GB ? "≥" : "<"} 2GB → ${sb >= 2 * GB ? "try" : "off"}`);
  set("min_wal_size", "1GB", "web: 1GB");
  set("max_wal_size", "4GB", "web: 4GB");

  const parallel = cpu >= 4;
  if (parallel) {
    const perGather = Math.min(4, Math.ceil(cpu / 2));
    set("max_worker_processes", String(cpu), `= ${cpu} threads for Postgres`);
    set("max_parallel_workers_per_gather", String(perGather), `min(4, ⌈${cpu} / 2⌉)`);
    set("max_parallel_workers", String(cpu), `= ${cpu} threads for Postgres`);
    set("max_parallel_maintenance_workers", String(perGather), `min(4, ⌈${cpu} / 2⌉)`);
  }
  const wmWorkers = parallel ? cpu : 8;
  const wmRaw = (tk - sb) / ((conns + wmWorkers) * 3);
  const wm = Math.max(4 * MB, Math.floor(wmRaw));
  set(
    "work_mem",
    formatKb(wm),
    `max(4MB, ⌊(${tk} − ${sb}) kB / ((${conns} + ${wmWorkers}${parallel ? "" : " default workers"}) × 3)⌋) = ${wm} kB`,
  );
  if (cpu >= 16) {
    const av = cpu >= 32 ? 5 : 4;
    set("autovacuum_max_workers", String(av), `${cpu} threads ${cpu >= 32 ? "≥ 32 → 5" : "≥ 16 → 4"}`);
  }
  if (mwm >= 2 * GB) set("autovacuum_work_mem", "2GB", "maintenance_work_mem ≥ 2GB → cap autovacuum workers at 2GB each");
  set("jit", "off", "web, PG ≥ 12: off");
  // Not the image's pglz (`wal_compression = on`): at 100,000 assets its ingestion ran 1.37× faster with lz4 alone.
  if ((input.major ?? 17) >= 15) set("wal_compression", "lz4", "PG ≥ 15: lz4", `${pgt}; ${SOURCES.dbBench}`);
  else set("wal_compression", "on", "PG 14 has no lz4 WAL compression: on (pglz)");
  if (input.dataOnZfs) {
    set(
      "full_page_writes",
      "off",
      "PGDATA on ZFS (copy-on-write, never a torn page, recordsize ≥ 8K): off. Never reuse on another filesystem",
      SOURCES.zfsWorkload,
    );
  }

  const mwmMiB = Math.ceil(mwm / 1024);
  const shm = mwmMiB >= 512 ? Math.max(1024, mwmMiB + 256) : Math.max(256, mwmMiB + 256);
  const shmSizeMiB = derive(
    shm,
    mwmMiB >= 512
      ? `maintenance_work_mem ${mwmMiB} MiB ≥ 512 → max(1024, ${mwmMiB} + 256)`
      : `max(256, ${mwmMiB} MiB maintenance_work_mem + 256)`,
    `${SOURCES.ruleOfThumb}; compose default 128mb is too small for parallel index builds`,
  );
  const storageType = derive<"SSD" | "HDD">(
    input.disk === "hdd" ? "HDD" : "SSD",
    `database media ${input.disk} → ${input.disk === "hdd" ? "HDD" : "SSD"}`,
    SOURCES.immichBaseImages,
  );
  return { settings: s, shmSizeMiB, storageType };
}
