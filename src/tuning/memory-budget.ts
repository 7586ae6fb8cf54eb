import { clamp, derive, SOURCES, type Derived } from "./derived.js";

/** Components that get a share of RAM. `headroom` is what is deliberately left unassigned. */
export const BUDGET_COMPONENTS = [
  "osReserve",
  "zfsArc",
  "postgres",
  "redis",
  "machineLearning",
  "server",
  "jobHandler",
  "proxy",
  "auth",
  "backup",
  "monitoring",
  "headroom",
] as const;
export type BudgetComponent = (typeof BUDGET_COMPONENTS)[number];

export interface MemoryBudgetInput {
  readonly totalMiB: number;
  readonly machineLearningMiB: number;
  /** Concurrency of thumbnail generation and video conversion: the job handler's memory drivers. */
  readonly thumbnailConcurrency: number;
  readonly videoConcurrency: number;
  /** False when no pool is ZFS: then there is no ARC to size. */
  readonly hasZfs: boolean;
  /** Prometheus, Alertmanager, Grafana and the exporters run. @default false */
  readonly monitoring?: boolean;
}

export interface MemoryBudget {
  readonly totalMiB: number;
  readonly components: Readonly<Record<BudgetComponent, Derived<number>>>;
  /** Services were scaled below their wanted size to fit RAM (factor < 1). */
  readonly scale: number;
  readonly warnings: readonly string[];
}

/** What the monitoring containers get together (see the formula in the budget). */
export const MONITORING_MIB = 1024 + 256 + 192 + 6 * 64;

/** What the OS keeps of a machine's RAM: 5 %, at least 2 GiB. */
export function osReserveMiB(totalMiB: number): number {
  return Math.max(2048, Math.ceil(totalMiB * 0.05));
}

/** OpenZFS refuses an ARC max below 64 MiB [OZ zfs_arc_max]. */
export const ARC_MIN_MIB = 64;
const ARC_TARGET_MIB = 4096;

/**
 * Splits RAM between the OS, the ZFS ARC and every container. The services' wanted sizes come first;
 * the ARC takes what is left minus 10 % headroom (shrinking the headroom before it drops below 4 GiB);
 * if services alone do not fit, they are scaled down together. The sum never exceeds RAM.
 */
export function computeMemoryBudget(input: MemoryBudgetInput): MemoryBudget {
  const r = input.totalMiB;
  const warnings: string[] = [];
  const os = osReserveMiB(r);
  const pgWanted = clamp(Math.floor((r - os) * 0.125), 2048, 16384);
  const redis = r < 32768 ? 1024 : 2048;
  const job = 1024 + 256 * input.thumbnailConcurrency + 512 * input.videoConcurrency;

  const wanted: Record<string, { v: number; f: string; s: string }> = {
    postgres: { v: pgWanted, f: `clamp(⌊(${r} − ${os}) × 0.125⌋, 2048, 16384)`, s: `${SOURCES.ruleOfThumb}; ≥ 2 GiB per ${SOURCES.immichRequirements}` },
    redis: { v: redis, f: `${r} MiB ${r < 32768 ? "< 32 GiB → 1024" : "≥ 32 GiB → 2048"} (queues only; 1–2 GiB is generous)`, s: SOURCES.ruleOfThumb },
    machineLearning: { v: input.machineLearningMiB, f: "from machine-learning tuning", s: SOURCES.ruleOfThumb },
    server: { v: 2048, f: "about 2 GiB for the API worker", s: SOURCES.ruleOfThumb },
    jobHandler: {
      v: job,
      f: `1024 + 256 × ${input.thumbnailConcurrency} thumbnail jobs + 512 × ${input.videoConcurrency} transcodes`,
      s: SOURCES.ruleOfThumb,
    },
    proxy: { v: 256, f: "Caddy: 256 MiB", s: SOURCES.ruleOfThumb },
    auth: { v: 256, f: "Authelia: 256 MiB", s: SOURCES.ruleOfThumb },
    backup: { v: 1280, f: "WAL archiver 256 MiB + restic 1024 MiB (its index and cache grow with the library)", s: SOURCES.ruleOfThumb },
    monitoring: input.monitoring
      ? { v: MONITORING_MIB, f: "Prometheus 1024 + Grafana 256 + cAdvisor 192 + Alertmanager and 5 exporters × 64 MiB", s: SOURCES.ruleOfThumb }
      : { v: 0, f: "monitoring off", s: SOURCES.ruleOfThumb },
  };
  const services = Object.values(wanted).reduce((a, b) => a + b.v, 0);
  const arcMin = input.hasZfs ? Math.max(1024, Math.ceil(pgWanted / 2)) : 0;
  const available = r - os - services;

  let scale = 1;
  let arc: Derived<number>;
  const components: Partial<Record<BudgetComponent, Derived<number>>> = {
    osReserve: derive(os, `max(2048, ⌈5 % × ${r}⌉)`, SOURCES.ruleOfThumb),
  };
  if (available >= arcMin) {
    for (const [k, w] of Object.entries(wanted)) components[k as BudgetComponent] = derive(w.v, w.f, w.s);
    if (input.hasZfs) {
      const arcValue = Math.max(Math.floor(available * 0.9), Math.min(ARC_TARGET_MIB, available));
      arc = derive(
        arcValue,
        `max(⌊0.9 × ${available} MiB left⌋, min(4096, ${available})): 10 % headroom unless that pushes the ARC under 4 GiB`,
        `${SOURCES.zfsArc}; ${SOURCES.ruleOfThumb}`,
      );
      if (arcValue < ARC_TARGET_MIB) warnings.push(`ZFS ARC gets ${arcValue} MiB, below the 4 GiB it should have; add RAM for a faster library`);
    } else {
      arc = derive(0, "no ZFS pool: no ARC", SOURCES.zfsArc);
    }
  } else {
    scale = (r - os - arcMin) / services;
    for (const [k, w] of Object.entries(wanted)) {
      components[k as BudgetComponent] = derive(Math.floor(w.v * scale), `⌊${w.v} × ${scale.toFixed(3)}⌋ (${w.f}, scaled to fit RAM)`, w.s);
    }
    arc = derive(arcMin, `max(1024, ⌈${pgWanted} / 2⌉): ARC ≥ half the PostgreSQL budget`, `${SOURCES.zfsWorkload}; ${SOURCES.ruleOfThumb}`);
    warnings.push(`${r} MiB RAM is less than the services want (${services + os + arcMin} MiB): every service scaled to ${(scale * 100).toFixed(0)} %`);
  }
  components.zfsArc = arc;
  const assigned = Object.values(components).reduce((a, b) => a + (b?.value ?? 0), 0);
  components.headroom = derive(r - assigned, `${r} − ${assigned} assigned`, SOURCES.ruleOfThumb);
  return { totalMiB: r, components: components as Record<BudgetComponent, Derived<number>>, scale, warnings };
}
