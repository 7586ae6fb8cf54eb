import { z } from "zod";
import { quoteShort } from "../profile/problems.js";
import { plainText } from "../profile/text.js";
import { underPseudoRoot } from "../profile/paths.js";
import { SMTP_ADDRESS } from "../ingress/site.js";
import { numericHostProblem } from "./ip-address.js";
import { argon2PhcProblem } from "../crypto/argon2-phc.js";
import { MAX_DEPLOYMENT_NAME, MAX_JOB_HANDLER_REPLICAS } from "../contract/container-names.js";
import { isSystemAccount } from "./system-accounts.js";
import { DATA_ROOT_PARENTS } from "./data-root-parents.js";
import {
  externalFolderProblem,
  importPathProblem,
  LIBRARY_NAME,
  MAX_EXCLUSION_PATTERNS,
  MAX_EXTERNAL_LIBRARIES,
  MAX_IMPORT_PATHS,
} from "../libraries/external-libraries.js";
import { AccessSchema } from "./access-schema.js";

/** The `kind: Deployment` format: where and how one Immich instance runs. */

import { DEFAULT_IMMICH_VERSION, DEFAULT_POSTGRES_IMAGE_TAG as DEFAULT_POSTGRES_TAG } from "../versions.js";

import {
  DEFAULT_BASE_BACKUP_INTERVAL_HOURS,
  DEFAULT_INTERVAL_HOURS,
  DEFAULT_LOCAL_BASE_BACKUPS,
  DEFAULT_RETENTION,
  bucketNameProblem,
  endpointProblem,
  INTERVAL_HOURS_CHOICES,
} from "../backup/backup-settings.js";
import { DEFAULT_RETENTION_DAYS as DEFAULT_MONITORING_RETENTION_DAYS } from "../monitoring/monitoring-settings.js";
export { DEFAULT_IMMICH_VERSION };
export const DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";
export const REDIS_ENGINES = ["redis", "valkey"] as const;
export const TRANSCODING_CHOICES = ["auto", "software"] as const;
export const ML_BACKEND_CHOICES = ["auto", "cpu", "cuda", "openvino", "rocm", "rknn", "armnn"] as const;

/**
 * Deployment names are part of container names (`immich-<name>-monitoring-smartctl-exporter`), which must stay
 * host names of at most 63 characters: the bound is derived from the longest one (src/contract/container-names.ts).
 */
export { MAX_DEPLOYMENT_NAME };
const DEPLOYMENT_NAME = new RegExp(`^[a-z0-9]([a-z0-9-]{0,${MAX_DEPLOYMENT_NAME - 2}}[a-z0-9])?$`);
/** A lowercase DNS name with at least two labels and an alphabetic TLD; no IP addresses. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
/** A POSIX user name as useradd accepts it (no leading '-', so ssh can never read it as an option). */
export const LINUX_USER = /^[a-z_][a-z0-9_-]{0,31}$/;
/** A host name (RFC 1123 labels, never starting with '-') or an IPv4 address. */
const HOST = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const SAFE_PATH = /^(\/[A-Za-z0-9._@+-]+)+$/;

/**
 * The authorized keys together: host scripts reach `bash` inside one `bash -c` argument of Terraform's local-exec
 * (constructs/host-resources.ts), and Linux refuses a single argument over 128 KiB (MAX_ARG_STRLEN) with E2BIG.
 */
export const MAX_AUTHORIZED_KEYS_BYTES = 64 * 1024;

/** At most this many extra machine-learning nodes: Immich tries its URLs in order, one after another. */
export const MAX_ML_NODES = 8;
/** A node name: part of its container's name, `immich-<deployment>-machine-learning-<node>`. */
const ML_NODE_NAME = /^[a-z]([a-z0-9-]{0,18}[a-z0-9])?$/;

/** Why an address is not a private IPv4 address (RFC 1918), or undefined. */
export function privateIpv4Problem(value: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  const octets = m ? m.slice(1).map(Number) : [];
  if (!m || octets.some((o, i) => o > 255 || String(o) !== m[i + 1])) return `expected an IPv4 address like 192.168.1.20 (got ${quoteShort(value)})`;
  const [a, b, , d] = octets as [number, number, number, number];
  const isPrivate = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  if (!isPrivate) return `expected a private address (10/8, 172.16/12 or 192.168/16): Immich's ML API has no authentication (got ${value})`;
  // The nodes' firewall admits the Immich host's /24 by default: its network and broadcast addresses are no host's.
  if (d === 0 || d === 255) return `expected a host's address, not the network (.0) or broadcast (.255) address of its /24 (got ${value})`;
  return undefined;
}

/** The refusal of a system account as the deploy user; `subject` names where the name came from. */
export function systemAccountMessage(name: string, subject: string): string {
  return `${subject} is a system account, which must not become the deploy user: the host scripts give the deploy user the docker group, passwordless sudo (NOPASSWD: ALL) and a locked password (expected a machine account the stack creates, like immich-deploy, got "${name}")`;
}

function privateIpv4Check(value: string, ctx: z.RefinementCtx): void {
  const problem = privateIpv4Problem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

/** A shipped profile's name or a path relative to the deployment file, checked by `check`. */
function profileRefSchema(check: ProfileReferenceCheck) {
  return z
    .string()
    .min(1)
    .max(1024)
    .superRefine((ref, ctx) => {
      const problem = check(ref);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** A Docker host: `unix://`, `ssh://user@host[:port]` or `tcp://host:port` (see dockerHostProblem). */
function dockerHostSchema() {
  return z
    .string()
    .max(300)
    .superRefine((value, ctx) => {
      const problem = dockerHostProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

function mlNodeSchema(checkProfileRef: ProfileReferenceCheck) {
  return z.strictObject({
    name: z.string().regex(ML_NODE_NAME, { error: "expected a node name: lowercase letters, digits and '-', 1-20 characters, starting with a letter" }),
    /** The node's Docker: `ssh://user@host[:port]` (or tcp/unix for a local test engine). */
    dockerHost: dockerHostSchema(),
    /** The private address the Immich host reaches the node on; the ML port is published there only. */
    address: z.string().superRefine(privateIpv4Check),
    /** A shipped profile's name or a path relative to this file: the node's own hardware. */
    hardwareProfile: profileRefSchema(checkProfileRef),
    /** Force the node's backend; `auto` picks from its profile's accelerators. */
    backend: z.enum(ML_BACKEND_CHOICES).default("auto"),
    /** TLS for a `tcp://` dockerHost (required there, refused elsewhere). @default - none */
    dockerTls: dockerTlsSchema().optional(),
  });
}

/** Why a `dockerHost` is not one, or undefined. Parsed, not only matched: the port is checked as a number. */
export function dockerHostProblem(value: string): string | undefined {
  const wrong = (expected: string) => `invalid format (expected ${expected}, got ${quoteShort(value)})`;
  const unix = /^unix:\/\/(\/.*)$/.exec(value);
  if (unix) {
    return SAFE_PATH.test(unix[1]!) && !/(^|\/)\.\.?(\/|$)/.test(unix[1]!) ? undefined : wrong("unix:///path/to/docker.sock with a path of letters, digits, . _ @ + -");
  }
  const ssh = /^ssh:\/\/([^@/]*)@([^:/]*)(?::([^/]*))?$/.exec(value);
  if (ssh) {
    if (!LINUX_USER.test(ssh[1]!)) return wrong("ssh://user@host[:port] with a Linux user name: lowercase letters, digits, '_' or '-', not starting with '-'");
    if (!HOST.test(ssh[2]!)) return wrong("ssh://user@host[:port] with a DNS name or IPv4 address as host, not starting with '-'");
    if (ssh[3] !== undefined && !validPort(ssh[3])) return wrong("ssh://user@host[:port] with a port of 1-65535");
    return undefined;
  }
  const tcp = /^tcp:\/\/([^:/]*):([^/]*)$/.exec(value);
  if (tcp) {
    if (!HOST.test(tcp[1]!)) return wrong("tcp://host:port with a DNS name or IPv4 address as host");
    return validPort(tcp[2]!) ? undefined : wrong("tcp://host:port with a port of 1-65535");
  }
  return wrong("unix:///path/to/docker.sock, ssh://user@host[:port] or tcp://host:port");
}

function validPort(text: string): boolean {
  return /^[1-9]\d{0,4}$/.test(text) && Number(text) <= 65535;
}

/**
 * Where a data root may be: below a directory meant for data that survives reboots and upgrades and belongs
 * to no package. `/tmp`, `/var/tmp`, `/dev/shm` and `/run` are emptied (tmpfs or at boot), `/snap` belongs to snapd,
 * `/etc`, `/usr`, `/var/lib/docker`… to the system: an allow-list, so a directory nobody thought of is refused too.
 * `/tank` is the default mountpoint of a ZFS pool of that name; `/var/lib/immich` and `/home/<user>/…` are allowed
 * as themselves and below.
 */
export { DATA_ROOT_PARENTS };
const DATA_ROOT_ITSELF_OR_BELOW = ["/var/lib/immich"] as const;

export function dataRootProblem(path: string): string | undefined {
  const below = (dir: string) => path.startsWith(`${dir}/`);
  if (DATA_ROOT_PARENTS.some(below)) return undefined;
  if (DATA_ROOT_ITSELF_OR_BELOW.some((d) => path === d || below(d))) return undefined;
  if (/^\/home\/[a-z_][a-z0-9_-]{0,31}\/./.test(path)) return undefined;
  const where = `below ${DATA_ROOT_PARENTS.join(", ")}, /home/<user> or at /var/lib/immich`;
  if ((DATA_ROOT_PARENTS as readonly string[]).includes(path) || path === "/home" || /^\/home\/[^/]+$/.test(path)) {
    return `a top-level directory cannot be the data root (expected a directory of its own ${where}, like ${path}/immich, got "${path}")`;
  }
  return `not a place for data that must last (expected a directory of its own ${where}, like /srv/immich, got "${path}")`;
}
const IMMICH_VERSION = /^v3\.\d{1,4}\.\d{1,4}$/;
/** Immich's PostgreSQL image tags for the majors Immich supports (≥ 14, < 20; images exist for 14–18) [BI build-postgres.yml]. */
export const POSTGRES_TAG = /^(1[4-8])-vectorchord\d+\.\d+\.\d+(-pgvector\d+\.\d+\.\d+)?(-pgvectors\d+\.\d+\.\d+)?$/;

/** The runtime's canonical IANA zone names, read once: listing them costs ~1 ms where a DateTimeFormat costs ~12. */
let canonicalZones: ReadonlySet<string> | undefined;

/**
 * True when the runtime's tz database knows `tz`. A canonical name (Europe/Berlin) is found in the runtime's own
 * list; anything else (an alias like UTC or US/Pacific, another spelling) is decided by `Intl.DateTimeFormat`, which
 * accepts exactly what it did before the list was consulted.
 */
export function isValidTimezone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  canonicalZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (canonicalZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a `hardwareProfile` reference: returns a message when it resolves to nothing. Given by the loader,
 * which knows where the deployment file is; the schema stays free of file-system access otherwise.
 */
export type ProfileReferenceCheck = (ref: string) => string | undefined;

const DIGEST = z.string().regex(/^sha256:[0-9a-f]{64}$/, { error: "expected sha256:<64 lowercase hex digits>" });

/** A file on the Docker host: absolute, safe characters, no `.` or `..` segment. */
const HOST_FILE = /^(\/(?!\.\.?(\/|$))[A-Za-z0-9._@+-]+)+$/;
/** A path of HOST_FILE's shape that is not on a pseudo file system: none of them holds a certificate or key, and reading one can hang or leak. */
function hostPath(error: string) {
  return z
    .string()
    .max(255)
    .regex(HOST_FILE, { error })
    .refine((p) => !underPseudoRoot(p), { error: "expected a file, not a pseudo file system (/proc, /sys, /dev)" });
}

/**
 * TLS to a `tcp://` Docker host, whose API calls carry every secret of the stack: the client certificate and
 * the CA that signed the daemon's, either as files on the machine that runs Terraform (`certPath`: a directory
 * with ca.pem, cert.pem and key.pem, the provider's `cert_path`) or as sensitive Terraform variables
 * (`materialFromVariables`: TF_VAR_docker_ca_material, …; never written to cdk.tf.json). Exactly one of the two.
 */
function dockerTlsSchema() {
  return z
    .strictObject({
      /** A directory on the Terraform runner holding ca.pem, cert.pem and key.pem. @default - none */
      certPath: hostPath("expected an absolute directory path on the machine that runs Terraform (letters, digits, . _ @ + -, no '..'), holding ca.pem, cert.pem and key.pem").optional(),
      /** Read the PEM material from sensitive Terraform variables. @default - none */
      materialFromVariables: z.literal(true, { error: "expected true (the material comes from sensitive Terraform variables), or leave it out and set certPath" }).optional(),
    })
    .superRefine((t, ctx) => {
      if ((t.certPath === undefined) === (t.materialFromVariables === undefined)) {
        ctx.addIssue({
          code: "custom",
          message: `expected exactly one of certPath (a directory with ca.pem, cert.pem and key.pem on the machine that runs Terraform) or materialFromVariables: true (got ${t.certPath === undefined ? "neither" : "both"})`,
        });
      }
    });
}

export const TLS_MODES = ["acme", "internal", "files"] as const;

const TlsSchema = z.discriminatedUnion("mode", [
  z.strictObject({
    mode: z.literal("acme"),
    /** ACME account e-mail (expiry notices). @default - none */
    email: z.email({ error: "expected an e-mail address" }).optional(),
  }),
  z.strictObject({ mode: z.literal("internal") }),
  z.strictObject({
    mode: z.literal("files"),
    /** PEM certificate chain on the Docker host. */
    certificateFile: hostPath("expected an absolute file path on the Docker host (letters, digits, . _ @ + -, no '..')"),
    /** PEM private key on the Docker host. */
    keyFile: hostPath("expected an absolute file path on the Docker host (letters, digits, . _ @ + -, no '..')"),
    /** PEM of a private CA that signed the certificate: the Immich server trusts it to reach the OIDC issuer. @default - a public CA */
    caFile: hostPath("expected an absolute file path on the Docker host (letters, digits, . _ @ + -, no '..')").optional(),
  }),
]);

const UserSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: "expected a user name: lowercase letters, digits, '.', '_' or '-'" }),
  displayName: plainText(100).min(1),
  email: z.email({ error: "expected the user's e-mail address (Authelia and Immich need it)" }),
  groups: z.array(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: "expected a group name: lowercase letters, digits, '.', '_' or '-'" })).max(64).default([]),
  /** argon2id PHC string from `immich-iac hash-password`; never the password itself. */
  passwordHash: z
    .string()
    .max(1024)
    .superRefine((hash, ctx) => {
      const problem = argon2PhcProblem(hash);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});

const NotifierSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("filesystem") }),
  z.strictObject({
    mode: z.literal("smtp"),
    /** e.g. submission://smtp.example.com:587 or smtps://smtp.example.com:465 */
    address: z.string().refine(
      (a) => {
        const m = SMTP_ADDRESS.exec(a);
        return m !== null && HOST.test(m[2]!) && numericHostProblem(m[2]!) === undefined && (m[3] === undefined || validPort(m[3]));
      },
      { error: "expected submission://host:587, smtps://host:465 or smtp://host:25 (port 1-65535)" },
    ),
    username: plainText(256).min(1),
    /** The From address, e.g. "Immich <photos@example.com>". */
    sender: plainText(256).regex(/^([^<>"]+ )?<?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+>?$/, {
      error: 'expected a From address like "Immich <photos@example.com>" or photos@example.com',
    }),
    // The password is a sensitive Terraform variable (TF_VAR_smtp_password), never part of this file.
  }),
]);

const COUNT = (max: number, fallback: number) => z.int().min(0).max(max).default(fallback);

const BackupSchema = z.strictObject({
  /** Stream WAL and take base backups for point-in-time recovery. */
  continuousWal: z.boolean().default(true),
  baseBackupIntervalHours: z.int().min(1).max(168).default(DEFAULT_BASE_BACKUP_INTERVAL_HOURS),
  localBaseBackups: z.int().min(1).max(30).default(DEFAULT_LOCAL_BASE_BACKUPS),
  intervalHours: z
    .int()
    .superRefine((h, ctx) => {
      if (!(INTERVAL_HOURS_CHOICES as readonly number[]).includes(h)) ctx.addIssue({ code: "custom", message: `expected hours that divide a day: ${INTERVAL_HOURS_CHOICES.join(", ")} (got ${h})` });
    })
    .default(DEFAULT_INTERVAL_HOURS),
  /** @default two days of dumps at the interval (2–14) */
  keepLocalDumps: z.int().min(1).max(1000).optional(),
  retention: z
    .strictObject({
      hourly: COUNT(10000, DEFAULT_RETENTION.hourly),
      daily: COUNT(10000, DEFAULT_RETENTION.daily),
      weekly: COUNT(10000, DEFAULT_RETENTION.weekly),
      monthly: COUNT(10000, DEFAULT_RETENTION.monthly),
      yearly: COUNT(1000, DEFAULT_RETENTION.yearly),
    })
    .refine((r) => Object.values(r).some((n) => n > 0), { error: "expected at least one age to keep (all zero would delete every snapshot)" })
    .default({ ...DEFAULT_RETENTION }),
  offsite: z
    .strictObject({
      endpoint: z
        .string()
        .max(300)
        .superRefine((value, ctx) => {
          const problem = endpointProblem(value);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
      bucket: z
        .string()
        .max(300)
        .superRefine((value, ctx) => {
          const problem = bucketNameProblem(value);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
      region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: "expected a region name like eu-central-003 or us-east-1" }),
      /** @default "immich-iac/<deployment name>" */
      prefix: z
        .string()
        .max(200)
        .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/, { error: "expected a folder path like immich-iac/home: letters, digits, '.', '_', '-' and '/' between segments" })
        .optional(),
    })
    .optional(),
});
const BACKUP_DEFAULTS = {
  continuousWal: true,
  baseBackupIntervalHours: DEFAULT_BASE_BACKUP_INTERVAL_HOURS,
  localBaseBackups: DEFAULT_LOCAL_BASE_BACKUPS,
  intervalHours: DEFAULT_INTERVAL_HOURS,
  retention: { ...DEFAULT_RETENTION },
};

const MonitoringSchema = z.strictObject({
  /** @default true on profiles with at least 64 GiB of RAM, false below */
  enabled: z.boolean().optional(),
  /** Grafana's host name. @default metrics.<parent of domain> */
  domain: z.string().regex(DOMAIN, { error: "expected a lowercase DNS name like metrics.example.com" }).optional(),
  retentionDays: z.int().min(1).max(3650).default(DEFAULT_MONITORING_RETENTION_DAYS),
  alerts: z
    .strictObject({
      /** E-mail through the auth notifier's SMTP account. */
      email: z
        .strictObject({
          to: z
            .array(z.string().max(254).regex(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, { error: "expected an e-mail address like ops@example.com" }))
            .min(1)
            .max(20),
          /**
           * A PEM file on the Docker host with the CA that signs the SMTP server's certificate (a relay with a
           * private CA), which Alertmanager then trusts instead of the system's roots. @default - the system's roots
           */
          caFile: z.string().max(255).regex(HOST_FILE, { error: "expected an absolute file path on the Docker host (letters, digits, . _ @ + -, no '..')" }).optional(),
        })
        .optional(),
      /** A webhook; its URL is the sensitive variable TF_VAR_monitoring_webhook_url. */
      webhook: z.boolean().default(false),
      /** Seconds Alertmanager waits to group a new alert's first notification. @default 30 */
      groupWaitSeconds: z.int().min(1).max(3600).optional(),
      /** Seconds between notifications of a group that changed (new alerts, resolved ones). @default 300 */
      groupIntervalSeconds: z.int().min(1).max(86400).optional(),
      /**
       * Caps every rule's `for:` (how long a condition holds before its alert fires), in seconds: sooner alerts,
       * more of them on a short blip. The real-apply suite uses it to observe alerts in minutes. @default - each rule's own
       */
      maxForSeconds: z.int().min(0).max(86400).optional(),
    })
    .default({ webhook: false }),
});

/** One external library (src/libraries/external-libraries.ts): a folder Immich indexes where it is, read-only. */
const ExternalLibrarySchema = z.strictObject({
  /** Immich's library name and its folder's name in the containers (/mnt/external/<name>). */
  name: z.string().regex(LIBRARY_NAME, { error: "expected a library name: lowercase letters, digits and '-', 1-32 characters, starting and ending with a letter or digit" }),
  /** The folder on the Docker host, bound read-only; immich-iac never creates, chowns or writes it. */
  hostPath: z
    .string()
    .max(255)
    .regex(HOST_FILE, { error: "expected an absolute folder path on the Docker host of letters, digits, . _ @ + - and no '..' (bind a folder with other characters to one like /mnt/<name> first)" })
    .superRefine((p, ctx) => {
      const problem = underPseudoRoot(p) ? "expected a folder of photos, not a pseudo file system (/proc, /sys, /dev)" : externalFolderProblem(p);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** The user (a name from spec.auth.users) who owns the library in Immich. */
  owner: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: "expected the name of a user in spec.auth.users" }),
  /** Folders below hostPath to import, relative to it. @default - the whole folder */
  importPaths: z
    .array(
      plainText(255)
        .min(1)
        .superRefine((p, ctx) => {
          const problem = importPathProblem(p);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    )
    .max(MAX_IMPORT_PATHS, { error: `expected at most ${MAX_IMPORT_PATHS} import paths (Immich's bound)` })
    .default([]),
  /** Glob patterns Immich skips (Synology @eaDir folders, macOS ._ files). @default - not managed: whatever Immich has */
  exclusionPatterns: z.array(plainText(255).min(1)).max(MAX_EXCLUSION_PATTERNS, { error: `expected at most ${MAX_EXCLUSION_PATTERNS} patterns (Immich's bound)` }).optional(),
  /** Immich's file watcher (one switch for all libraries in Immich: every library that sets it must agree). @default - Immich's setting (off) */
  watch: z.boolean().optional(),
  /** Copy this folder off-site with the backup's restic too (needs spec.backup.offsite). @default false */
  offsiteBackup: z.boolean().default(false),
});

const LibrariesSchema = z.strictObject({
  external: z.array(ExternalLibrarySchema).max(MAX_EXTERNAL_LIBRARIES, { error: `expected at most ${MAX_EXTERNAL_LIBRARIES} external libraries` }).default([]),
});

export function deploymentSchema(checkProfileRef: ProfileReferenceCheck = () => undefined) {
  return z.strictObject({
  apiVersion: z.literal("immich-iac/v1"),
  kind: z.literal("Deployment"),
  metadata: z.strictObject({
    name: z.string().regex(DEPLOYMENT_NAME, {
      error: `expected a deployment name: lowercase letters, digits and '-', 1-${MAX_DEPLOYMENT_NAME} characters, starting and ending with a letter or digit`,
    }),
    description: plainText(500).default(""),
  }),
  spec: z.strictObject({
    /** A shipped profile's name (`epyc-4004-prosumer`) or a path relative to this file. */
    hardwareProfile: profileRefSchema(checkProfileRef),
    dockerHost: dockerHostSchema()
      .default(DEFAULT_DOCKER_HOST),
    /** TLS for a `tcp://` dockerHost (required there, refused elsewhere). @default - none */
    dockerTls: dockerTlsSchema().optional(),
    immichVersion: z
      .string()
      .regex(IMMICH_VERSION, { error: "expected a pinned Immich v3 release like v3.1.0 (not a moving tag such as release or v3)" })
      .default(DEFAULT_IMMICH_VERSION),
    domain: z.string().regex(DOMAIN, { error: "expected a lowercase DNS name like photos.example.com (no IP, no scheme, no port)" }),
    timezone: z.string().refine(isValidTimezone, { error: "expected an IANA time zone like Europe/Berlin or UTC" }),
    postgres: z
      .strictObject({
        /** PostgreSQL 14–18 (the range Immich supports), 17 by default; 14 is what Immich's compose has shipped. */
        imageTag: z.string().regex(POSTGRES_TAG, {
          error: "expected an Immich PostgreSQL 14–18 VectorChord tag like 17-vectorchord1.1.1-pgvector0.8.5 (or 14-vectorchord0.4.3-pgvectors0.2.0 from Immich's compose)",
        }).default(DEFAULT_POSTGRES_TAG),
        imageDigest: z.string().regex(/^sha256:[0-9a-f]{64}$/, { error: "expected sha256:<64 hex digits>" }).optional(),
        /**
         * Take over the database of an existing install (Immich's compose): keep its user and database, read its
         * password from the sensitive variable TF_VAR_existing_database_password. @default - a new database
         */
        takeover: z
          .strictObject({
            /** The existing superuser (compose's DB_USERNAME). @default "postgres" */
            username: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: "expected a PostgreSQL role name: lowercase letters, digits and '_'" }).default("postgres"),
            /** The existing database (compose's DB_DATABASE_NAME). @default "immich" */
            databaseName: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: "expected a PostgreSQL database name: lowercase letters, digits and '_'" }).default("immich"),
          })
          .optional(),
      })
      .default({ imageTag: DEFAULT_POSTGRES_TAG }),
    redis: z.strictObject({ engine: z.enum(REDIS_ENGINES).default("redis") }).default({ engine: "redis" }),
    /** Digests pinning the other images (mutable tags are rebuilt upstream). @default - tags only */
    imageDigests: z
      .strictObject({
        server: DIGEST.optional(),
        machineLearning: DIGEST.optional(),
        redis: DIGEST.optional(),
        proxy: DIGEST.optional(),
        auth: DIGEST.optional(),
        backup: DIGEST.optional(),
      })
      .default({}),
    jobHandler: z.strictObject({ replicas: z.int().min(1).max(MAX_JOB_HANDLER_REPLICAS).default(1) }).default({ replicas: 1 }),
    /** Host directory holding `<role>` mountpoints (the ZFS datasets' mountpoints). */
    dataRoot: z
      .string()
      .max(200)
      .regex(/^\/([A-Za-z0-9._/-]*[A-Za-z0-9._-])?$/, { error: "expected an absolute directory path like /srv/immich (no trailing '/')" })
      .refine((p) => !/(^|\/)\.\.?(\/|$)/.test(p) && !p.includes("//"), { error: "expected a path without '.', '..' or '//' segments" })
      .superRefine((p, ctx) => {
        const problem = dataRootProblem(p);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .default("/srv/immich"),
    machineLearning: z
      .strictObject({
        backend: z.enum(ML_BACKEND_CHOICES).default("auto"),
        /** Extra machine-learning nodes on other Docker hosts, each tuned from its own profile (see src/tuning/ml-nodes.ts). */
        nodes: z.array(mlNodeSchema(checkProfileRef)).max(MAX_ML_NODES, { error: `expected at most ${MAX_ML_NODES} nodes` }).default([]),
        /** The private address nodes see the Immich host's requests come from: their firewall admits only it. @default - each node's own /24 */
        immichHostAddress: z.string().superRefine(privateIpv4Check).optional(),
      })
      .default({ backend: "auto", nodes: [] }),
    /** Bind the Docker host's /etc/localtime read-only into the Immich containers, as Immich's compose does. */
    mountLocaltime: z.boolean().default(true),
    /** `software` transcodes on the CPU even when the profile has an accelerator used for transcoding. */
    transcoding: z
      .strictObject({ acceleration: z.enum(TRANSCODING_CHOICES).default("auto") })
      .default({ acceleration: "auto" }),
    /** Continuous WAL, Immich's dumps and the off-site copy (see src/backup/backup-settings.ts). */
    backup: BackupSchema.default(BACKUP_DEFAULTS),
    /** Prometheus, alerts and Grafana (see src/monitoring/monitoring-settings.ts). */
    monitoring: MonitoringSchema.default({ retentionDays: DEFAULT_MONITORING_RETENTION_DAYS, alerts: { webhook: false } }),
    ingress: z
      .strictObject({
        /** Host name of the Authelia portal and OIDC issuer. @default auth.<parent of domain> */
        authDomain: z.string().regex(DOMAIN, { error: "expected a lowercase DNS name like auth.example.com" }).optional(),
        tls: TlsSchema.default({ mode: "acme" }),
        /** Serve HTTP/3 (QUIC): publishes 443/udp. */
        http3: z.boolean().default(true),
      })
      .default({ tls: { mode: "acme" }, http3: true }),
    /** From where the proxy can be reached: `public` (every address, anyone) or `lan` (see access-schema.ts). @default public */
    access: AccessSchema.default({ mode: "public" }),
    host: z
      .strictObject({
        /** Let the stack converge the host (datasets, directories, sysctl, firewall, daemon.json) before containers. */
        manage: z.boolean().default(true),
        /**
         * SSH port the firewall keeps open; must be the port of an `ssh://` dockerHost (Terraform connects on that
         * one). The firewall also keeps the port of the SSH connection it runs over. @default the dockerHost's port, else 22
         */
        sshPort: z.int().min(1).max(65535).optional(),
        deployUser: z
          .strictObject({
            /** @default the dockerHost's ssh user, else immich-deploy */
            name: z
              .string()
              .regex(LINUX_USER, { error: "expected a Linux user name: lowercase letters, digits, '_' or '-', not starting with '-'" })
              .refine((n) => n !== "root", { error: "the deploy user must not be root (expected a machine account the stack creates, like immich-deploy)" })
              .superRefine((n, ctx) => {
                if (n !== "root" && isSystemAccount(n)) ctx.addIssue({ code: "custom", message: systemAccountMessage(n, "it") });
              })
              .optional(),
            /** Keys the stack adds, in a block of its own; keys already in authorized_keys are kept. */
            authorizedKeys: z
              .array(
                z
                  .string()
                  .max(16384)
                  .regex(/^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,2}( [\x20-\x7e]*)?$/, {
                    error: "expected an OpenSSH public key line (type, base64 key, optional comment of printable characters)",
                  })
                  .refine((k) => !/[$%]\{/.test(k), { error: "${ and %{ are not allowed in a key comment (Terraform would evaluate them as its own template)" }),
              )
              .max(100)
              .superRefine((keys, ctx) => {
                const bytes = keys.reduce((n, k) => n + k.length + 1, 0);
                if (bytes > MAX_AUTHORIZED_KEYS_BYTES) {
                  ctx.addIssue({
                    code: "custom",
                    message: `expected keys of at most ${MAX_AUTHORIZED_KEYS_BYTES / 1024} KiB together (the deploy-user script carries them to the host in one command line, which Linux bounds at 128 KiB), got ${bytes} bytes`,
                  });
                }
              })
              .default([]),
          })
          .default({ authorizedKeys: [] }),
      })
      .default({ manage: true, deployUser: { authorizedKeys: [] } }),
    /** Folders of photos already on the host that Immich indexes where they are (see docs/libraries.md). */
    libraries: LibrariesSchema.default({ external: [] }),
    auth: z.strictObject({
      users: z.array(UserSchema).min(1, { error: "expected at least one user: Immich logins go through Authelia" }).max(1000),
      /** Keep Immich's own password login: then logins without Authelia (and its MFA) are possible. */
      immichPasswordLogin: z.boolean().default(false),
      notifier: NotifierSchema.default({ mode: "filesystem" }),
    }),
  }),
  });
}

/** The deployment format without file-system checks (for the JSON Schema and tooling). */
export const DeploymentSchema = deploymentSchema();

export type DeploymentDocument = z.output<typeof DeploymentSchema>;
