import type { ImportPressureTuning } from "../tuning/import-pressure.js";

/**
 * The host's pressure between import batches: I/O stall (PSI), drive and CPU temperatures. Read from Prometheus
 * when monitoring runs (node exporter's PSI and hwmon collectors, the SMART exporter), else from /proc and
 * /sys/class/hwmon over the deploy user's SSH with {@link HOST_READING_SCRIPT}. Parsing and the decision are pure.
 */
export interface PressureReading {
  /** PSI io `some avg10`, percent. undefined = not readable (a kernel without PSI). */
  readonly ioSomeAvg10?: number;
  readonly driveTempC?: number;
  readonly cpuTempC?: number;
}

/**
 * Prints /proc/pressure/io and one `chip<TAB>label<TAB>millidegrees` line per hwmon temperature. Fixed text: no
 * value of the deployment reaches it.
 */
export const HOST_READING_SCRIPT = `set -u
cat /proc/pressure/io 2>/dev/null || true
for f in /sys/class/hwmon/hwmon*/temp*_input; do
  [ -r "$f" ] || continue
  d=\${f%/*}; n=\${f##*/}; l="\${d}/\${n%_input}_label"
  printf 'hwmon\\t%s\\t%s\\t%s\\n' "$(cat "$d/name" 2>/dev/null)" "$(cat "$l" 2>/dev/null)" "$(cat "$f" 2>/dev/null)"
done
`;

/** hwmon chips that are drives (the kernel's drivetemp for SATA, nvme for NVMe). */
const DRIVE_CHIPS = /^(drivetemp|nvme)$/;
/** hwmon chips that are CPU packages or cores. */
const CPU_CHIPS = /^(coretemp|k10temp|zenpower|cpu_thermal|soc_thermal|cpu-thermal)$/;

/** Reads {@link HOST_READING_SCRIPT}'s output; nonsense lines are skipped, never trusted. */
export function parseHostReading(text: string): PressureReading {
  let io: number | undefined;
  let drive: number | undefined;
  let cpu: number | undefined;
  for (const line of text.split("\n")) {
    const psi = /^some avg10=(\d{1,3}(?:\.\d+)?) /.exec(line);
    if (psi) io = Number(psi[1]);
    const [tag, chip, , milli] = line.split("\t");
    if (tag !== "hwmon" || !milli || !/^-?\d{1,7}$/.test(milli.trim())) continue;
    const c = Number(milli) / 1000;
    if (c < -40 || c > 200) continue; // a sensor reading nothing real
    if (DRIVE_CHIPS.test(chip ?? "")) drive = Math.max(drive ?? c, c);
    else if (CPU_CHIPS.test(chip ?? "")) cpu = Math.max(cpu ?? c, c);
  }
  return { ...(io !== undefined ? { ioSomeAvg10: io } : {}), ...(drive !== undefined ? { driveTempC: drive } : {}), ...(cpu !== undefined ? { cpuTempC: cpu } : {}) };
}

/** The PromQL for each reading: node exporter's PSI counter as a percentage, SMART's and hwmon's hottest. */
export const PROMETHEUS_QUERIES = {
  ioSomeAvg10: "max(rate(node_pressure_io_waiting_seconds_total[1m])) * 100",
  driveTempC: 'max(smartctl_device_temperature{temperature_type="current"})',
  // node exporter labels a chip by its device path (AMD's k10temp is "pci0000:00_0000:00_18_3"): its driver name
  // is in node_hwmon_chip_names.
  cpuTempC: 'max(node_hwmon_temp_celsius * on(chip) group_left(chip_name) node_hwmon_chip_names{chip_name=~"coretemp|k10temp|zenpower|cpu_thermal|soc_thermal|cpu-thermal"})',
} as const;

/** The one number of a Prometheus instant-query answer (`/api/v1/query`), or undefined. */
export function prometheusScalar(answer: unknown): number | undefined {
  const a = answer as { status?: string; data?: { resultType?: string; result?: { value?: [number, string] }[] } };
  if (a?.status !== "success" || a.data?.resultType !== "vector") return undefined;
  const v = a.data.result?.[0]?.value?.[1];
  const n = typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export interface PressureVerdict {
  readonly wait: boolean;
  /** What is above its threshold, e.g. `I/O stall 34.2 % > 20 %`. */
  readonly reasons: readonly string[];
  /** Readings that could not be taken (never a reason to wait: the import would never end). */
  readonly unknown: readonly string[];
}

export function judgePressure(r: PressureReading, t: ImportPressureTuning): PressureVerdict {
  const reasons: string[] = [];
  const unknown: string[] = [];
  const check = (value: number | undefined, max: number, what: string, unit: string) => {
    if (value === undefined) unknown.push(what);
    else if (value > max) reasons.push(`${what} ${Math.round(value * 10) / 10} ${unit} > ${max} ${unit}`);
  };
  check(r.ioSomeAvg10, t.ioSomeAvg10MaxPercent.value, "I/O stall", "%");
  check(r.driveTempC, t.driveTempMaxC.value, "drive temperature", "°C");
  check(r.cpuTempC, t.cpuTempMaxC.value, "CPU temperature", "°C");
  return { wait: reasons.length > 0, reasons, unknown };
}
