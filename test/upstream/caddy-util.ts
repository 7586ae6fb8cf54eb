import { execa } from "execa";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/** Caddy at the deployed image's release, built from the Go module proxy into the trixie root (scripts/upstream-root.sh). */
export const CADDY_BIN = "/usr/local/bin/caddy";

/** A scratch directory inside the trixie root, seen as /tmp/<name> from the chroot. */
export function scratch(root: string, prefix: string): { host: string; inRoot: string } {
  const host = mkdtempSync(join(root, "tmp", prefix));
  return { host, inRoot: `/tmp/${basename(host)}` };
}

/** Caddy's data and config go to the scratch dir (validate writes the internal CA there). */
export function caddyEnv(inRoot: string): string[] {
  return [`HOME=${inRoot}`, `XDG_DATA_HOME=${inRoot}/data`, `XDG_CONFIG_HOME=${inRoot}/config`];
}

export async function caddyValidate(root: string, dir: { host: string; inRoot: string }, caddyfile: string) {
  writeFileSync(join(dir.host, "Caddyfile"), caddyfile);
  return execa("chroot", [root, "env", ...caddyEnv(dir.inRoot), CADDY_BIN, "validate", "--adapter", "caddyfile", "--config", `${dir.inRoot}/Caddyfile`], {
    reject: false,
    all: true,
  });
}

/** A self-signed certificate and key for a host name, written to `dir`. */
export function selfSignedCertificate(dir: string, name: string): { certificate: string; key: string } {
  mkdirSync(dir, { recursive: true });
  const certificate = join(dir, "certificate.pem");
  const key = join(dir, "key.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2", "-subj", `/CN=${name}`, "-addext", `subjectAltName=DNS:${name}`], { stdio: "ignore" });
  return { certificate, key };
}
