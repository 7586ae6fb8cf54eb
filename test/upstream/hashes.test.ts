import { execa } from "execa";
import { argon2Verify } from "hash-wasm";
import { describe, expect, it } from "vitest";
import { argon2idHash } from "../../src/crypto/argon2.js";
import { pbkdf2Sha512Digest, stableClientSecretDigest } from "../../src/crypto/authelia-digests.js";
import { REPO } from "../util.js";
import { upstreamRoot } from "./trixie-root.js";
import { join } from "node:path";

describe("pbkdf2-sha512 client secret digests", () => {
  it("reproduces Authelia's documented digest of 'insecure_secret' (known answer)", () => {
    const salt = Buffer.from("c8p78n7pUMln0jzvd4aK4Q".replace(/\./g, "+"), "base64");
    expect(pbkdf2Sha512Digest("insecure_secret", salt)).toBe(
      "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng",
    );
  });

  it("gives the same digest for the same secret (a second plan stays empty) and differs per secret", () => {
    const a = stableClientSecretDigest("a".repeat(64));
    expect(stableClientSecretDigest("a".repeat(64))).toBe(a);
    expect(stableClientSecretDigest("b".repeat(64))).not.toBe(a);
  });

  it("the program Terraform runs prints the digest as JSON", async () => {
    const r = await execa("node", [join(REPO, "dist", "assets", "oidc-client-digest.cjs")], { input: JSON.stringify({ secret: "s".repeat(64) }) });
    expect(JSON.parse(r.stdout)).toEqual({ digest: stableClientSecretDigest("s".repeat(64)) });
    const bad = await execa("node", [join(REPO, "dist", "assets", "oidc-client-digest.cjs")], { input: "{}", reject: false });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe('oidc-client-digest: expected a query {"secret": <at least 32 characters>}\n'.trimEnd());
  });
});

const { root, reason } = upstreamRoot("/usr/bin/argon2");

describe("argon2id user password hashes", () => {
  it("verify against the password and carry Authelia's parameters", async () => {
    const hash = await argon2idHash("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await argon2Verify({ password: "correct horse battery staple", hash })).toBe(true);
    expect(await argon2Verify({ password: "wrong", hash })).toBe(false);
  });

  it.skipIf(!root)(`match the reference argon2 implementation byte for byte${root ? "" : ` (skipped: ${reason})`}`, async () => {
    const salt = "immich-iac-salt!"; // 16 bytes
    const reference = await execa("chroot", [root!, "argon2", salt, "-id", "-t", "3", "-m", "16", "-p", "4", "-l", "32", "-e"], { input: "authelia" });
    expect(await argon2idHash("authelia", new TextEncoder().encode(salt))).toBe(reference.stdout.trim());
  });
});
