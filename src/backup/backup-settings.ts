import { isIPv4, isIPv6 } from "node:net";
import { isPrivateIpLiteral, numericHostProblem } from "../deployment/ip-address.js";

/**
 * What a deployment asks of its backups, as plain values (the loader maps `spec.backup` here), and the pure
 * derivations every consumer shares: schedules, the retention arguments, the Terraform variables of the
 * secrets. Constructs, renderers and the CLI read these; none of them sees YAML or zod.
 */

/** Hours an off-site interval may take: divisors of 24, so that the runs fall at the same hours every day. */
export const INTERVAL_HOURS_CHOICES = [1, 2, 3, 4, 6, 8, 12, 24] as const;
export const DEFAULT_INTERVAL_HOURS = 6;
export const DEFAULT_BASE_BACKUP_INTERVAL_HOURS = 24;
export const DEFAULT_LOCAL_BASE_BACKUPS = 2;
/** Minutes past each interval boundary (UTC) the off-site run starts: after Immich's dump at minute 0. */
export const OFFSITE_OFFSET_MINUTES = 30;

/** How many snapshots of each age `restic forget` keeps (restic's `--keep-*` policy). */
export interface Retention {
  /** @default 24 - the last day at the run interval */
  readonly hourly: number;
  /** @default 7 */
  readonly daily: number;
  /** @default 5 */
  readonly weekly: number;
  /** @default 12 */
  readonly monthly: number;
  /** @default 3 */
  readonly yearly: number;
}

export const DEFAULT_RETENTION: Retention = { hourly: 24, daily: 7, weekly: 5, monthly: 12, yearly: 3 };

/** An S3-compatible bucket the off-site copy goes to; credentials are sensitive Terraform variables. */
export interface OffsiteTarget {
  /** `https://host[:port]` (plain `http://` only to a private address). */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  /** Folder in the bucket; the restic repository lives here. */
  readonly prefix: string;
}

export interface BackupSettings {
  /** Stream WAL (pg_receivewal) and take base backups (pg_basebackup) for point-in-time recovery. */
  readonly continuousWal: boolean;
  /** Hours between base backups. */
  readonly baseBackupIntervalHours: number;
  /** Base backups kept on the backups dataset; WAL older than the oldest one kept is removed. */
  readonly localBaseBackups: number;
  /** Hours between off-site runs and between Immich's own database dumps. */
  readonly intervalHours: number;
  /** Immich's dumps kept on the backups dataset (`backup.database.keepLastAmount`). */
  readonly keepLocalDumps: number;
  readonly retention: Retention;
  /** @default - no off-site copy (validate warns: losing the server loses everything) */
  readonly offsite?: OffsiteTarget;
}

/** Two days of dumps at the interval, at least 2 and at most Immich's default of 14. */
export function defaultKeepLocalDumps(intervalHours: number): number {
  return Math.min(14, Math.max(2, Math.ceil(48 / intervalHours)));
}

export function defaultBackupSettings(): BackupSettings {
  return {
    continuousWal: true,
    baseBackupIntervalHours: DEFAULT_BASE_BACKUP_INTERVAL_HOURS,
    localBaseBackups: DEFAULT_LOCAL_BASE_BACKUPS,
    intervalHours: DEFAULT_INTERVAL_HOURS,
    keepLocalDumps: defaultKeepLocalDumps(DEFAULT_INTERVAL_HOURS),
    retention: DEFAULT_RETENTION,
  };
}

/** Immich's dump schedule (its cron, in the server's time zone): at minute 0 of every interval. */
export function immichDumpCron(intervalHours: number): string {
  return intervalHours === 24 ? "0 0 * * *" : `0 */${intervalHours} * * *`;
}

/** `restic forget` arguments of a retention policy (a 0 leaves that age out). */
export function forgetArguments(r: Retention): string[] {
  const args: string[] = [];
  for (const [age, n] of [["hourly", r.hourly], ["daily", r.daily], ["weekly", r.weekly], ["monthly", r.monthly], ["yearly", r.yearly]] as const) {
    if (n > 0) args.push(`--keep-${age}`, String(n));
  }
  return args;
}

/** restic's repository string for a target: `s3:<endpoint>/<bucket>/<prefix>`. */
export function resticRepository(t: OffsiteTarget): string {
  return `s3:${t.endpoint}/${t.bucket}/${t.prefix}`;
}

/** The sensitive Terraform variables the off-site copy reads (set as TF_VAR_<name>). */
export const BACKUP_VARIABLES = {
  accessKeyId: "backup_s3_access_key_id",
  secretAccessKey: "backup_s3_secret_access_key",
  repositoryPassword: "backup_repository_password",
} as const;

/** The age after which the newest off-site copy counts as late: two intervals. */
export function lateAfterSeconds(intervalHours: number): number {
  return 2 * intervalHours * 3600;
}

/** Why an endpoint is not acceptable, or undefined. */
export function endpointProblem(endpoint: string): string | undefined {
  const m = /^(https?):\/\/([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::(\d{1,5}))?$/.exec(endpoint);
  if (!m) return `expected an S3 endpoint URL like https://s3.eu-central-003.backblazeb2.com (scheme and host, optional :port, no path or credentials), got ${JSON.stringify(endpoint.slice(0, 64))}`;
  const [, scheme, host, port] = m;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return `expected a port of 1–65535, got ${port}`;
  if (!host!.startsWith("[") && (host!.startsWith("-") || host!.startsWith(".") || host!.endsWith(".") || host!.includes(".."))) return `expected a DNS name or IPv4 address as the host, got "${host}"`;
  const numeric = numericHostProblem(host!);
  if (numeric) return numeric;
  if (host!.startsWith("[") && !isIPv6(host!.slice(1, -1))) return `expected an IPv6 address in brackets, got "${host}"`;
  // An IP literal, parsed: a name (even 10.evil.example.com or localhost) may resolve anywhere, and the keys travel in clear.
  if (scheme === "http" && !isPrivateIpLiteral(host!)) {
    return `expected https:// (plain http only to a private IP address written as such: 10.x, 172.16–31.x, 192.168.x, 127.x or [fc00::/7]), got "${endpoint}"`;
  }
  return undefined;
}

/** Prefixes and suffixes AWS reserves for its own bucket names (access points, Object Lambda, directory buckets). */
const RESERVED_BUCKET_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"] as const;
const RESERVED_BUCKET_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] as const;

/**
 * Why a name is not an S3 bucket name by AWS's rules, or undefined: 3–63 lowercase letters, digits, '.' and '-';
 * dot-separated labels that begin and end with a letter or digit; not an IP address; none of the reserved
 * prefixes and suffixes. S3-compatible stores (MinIO, Garage, B2) accept a subset of these names.
 */
export function bucketNameProblem(name: string): string | undefined {
  const shown = JSON.stringify(name.slice(0, 64));
  if (!/^[a-z0-9.-]{3,63}$/.test(name)) return `expected an S3 bucket name: 3–63 lowercase letters, digits, '.' and '-' (got ${shown})`;
  if (!name.split(".").every((label) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label))) {
    return `expected an S3 bucket name whose parts between dots begin and end with a letter or digit, with no '..', '.-' or '-.' (got ${shown})`;
  }
  if (isIPv4(name)) return `expected an S3 bucket name that is not an IP address (got ${shown})`;
  const reserved = RESERVED_BUCKET_PREFIXES.find((p) => name.startsWith(p)) ?? RESERVED_BUCKET_SUFFIXES.find((x) => name.endsWith(x));
  if (reserved) return `expected an S3 bucket name without the reserved ${reserved.endsWith("-") ? "prefix" : "suffix"} "${reserved}" (got ${shown})`;
  return undefined;
}
