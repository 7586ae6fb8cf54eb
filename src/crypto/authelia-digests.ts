import { createHmac, pbkdf2Sync } from "node:crypto";

/** Authelia's "adapted base64": standard alphabet, no padding, `+` written as `.` (passlib's ab64). */
export function ab64(buf: Buffer): string {
  return buf.toString("base64").replace(/=+$/, "").replace(/\+/g, ".");
}

export const PBKDF2_ITERATIONS = 310_000;

/** `$pbkdf2-sha512$<iterations>$<ab64 salt>$<ab64 key>`: how Authelia stores an OIDC client secret. */
export function pbkdf2Sha512Digest(secret: string, salt: Buffer, iterations = PBKDF2_ITERATIONS): string {
  const key = pbkdf2Sync(secret, salt, iterations, 64, "sha512");
  return `$pbkdf2-sha512$${iterations}$${ab64(salt)}$${ab64(key)}`;
}

/**
 * The digest of a generated client secret, with a salt derived from the secret itself so that the same
 * secret always yields the same digest (a plan after apply must be empty). The secret is 64 random
 * characters: a per-secret salt adds nothing against precomputation there.
 */
export function stableClientSecretDigest(secret: string): string {
  const salt = createHmac("sha256", "immich-iac oidc client secret salt").update(secret).digest().subarray(0, 16);
  return pbkdf2Sha512Digest(secret, salt);
}

