import { X509Certificate } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/**
 * Files on the Docker host a deployment names for the containers to read. `tls.caFile` is bind-mounted into the
 * Immich server (and Grafana): whatever it names, they can read. So it must be a CA certificate, never a secret.
 */

/** Files and directories that hold the host's secrets: never mounted into a container, whatever the file is called. */
const SECRET_FILES = ["/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/security/opasswd", "/etc/sudoers", "/etc/machine-id"] as const;
const SECRET_DIRECTORIES = ["/root", "/etc/ssh", "/etc/sudoers.d", "/etc/ssl/private", "/etc/letsencrypt/archive", "/proc", "/sys", "/dev", "/run/secrets", "/var/lib/docker", "/var/lib/containerd"] as const;
/** Extensions of a PEM certificate file. */
const CERTIFICATE_EXTENSION = /\.(pem|crt|cer)$/;
/** Largest CA bundle read; Mozilla's whole bundle is about 220 KiB. */
export const MAX_CA_FILE_BYTES = 1024 * 1024;

/** Why a `tls.caFile` path cannot be a CA certificate, or undefined: checked whatever host it is on. */
export function caFileShapeProblem(path: string, keyFile: string): string | undefined {
  if (path === keyFile) return `the CA file is the private key file (expected the CA's certificate, which the Immich server may read, got keyFile's "${path}")`;
  const secret = SECRET_FILES.find((f) => path === f) ?? SECRET_DIRECTORIES.find((d) => path === d || path.startsWith(`${d}/`));
  if (secret) return `a file of the host's secrets cannot be the CA file: it is mounted into the Immich server (expected a CA certificate like /etc/ssl/certs/private-ca.pem, got a path ${secret === path ? "that is" : "under"} ${secret})`;
  if (/\/\.ssh\//.test(path) || /(^|[._-])key(\.pem)?$/i.test(path.slice(path.lastIndexOf("/") + 1))) {
    return `a key file cannot be the CA file: it is mounted into the Immich server (expected a CA certificate ending in .pem, .crt or .cer, got "${path}")`;
  }
  if (!CERTIFICATE_EXTENSION.test(path)) return `expected a PEM certificate file ending in .pem, .crt or .cer (got "${path}")`;
  return undefined;
}

/**
 * Why the file at `path` on this machine (the Docker host is local) is not a readable PEM CA certificate, or
 * undefined. A regular file (not a link's target elsewhere: O_NOFOLLOW), read non-blocking and bounded; it must
 * start with a certificate, parse as one, and carry no private key. Its content never appears in a message.
 */
export function caFileContentProblem(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return `file not found on this Docker host (expected an existing PEM certificate, got "${path}")`;
    if (code === "ELOOP") return `a symbolic link (expected the certificate file itself, got a link at "${path}")`;
    if (code === "EACCES") return `not readable (expected a PEM certificate the Immich server can read, got "${path}" without read permission)`;
    return `cannot be opened (${code ?? "unknown error"}) (expected a PEM certificate, got "${path}")`;
  }
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return `not a regular file (expected a PEM certificate, got "${path}")`;
    if (stat.size > MAX_CA_FILE_BYTES) return `too large for a CA certificate (expected at most 1 MiB, got ${stat.size} bytes at "${path}")`;
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_CA_FILE_BYTES));
    const n = stat.size === 0 ? 0 : readSync(fd, buffer, 0, buffer.length, 0);
    text = buffer.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
  if (!text.trimStart().startsWith("-----BEGIN CERTIFICATE-----")) return `not a PEM certificate (expected a file starting with -----BEGIN CERTIFICATE-----, got other content in "${path}")`;
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return `the file holds a private key next to the certificate (expected the CA's certificate only: the Immich server reads this file, got a private key in "${path}")`;
  try {
    new X509Certificate(text);
  } catch {
    return `not a valid certificate (expected a PEM certificate that parses, got one that does not in "${path}")`;
  }
  return undefined;
}
