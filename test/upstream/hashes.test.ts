import { execa } from "execa";
import { argon2Verify } from "hash-wasm";
import { describe, expect, it } from "vitest";
import { argon2idHash } from "../../src/crypto/argon2.js";
import { upstreamRoot } from "./trixie-root.js";

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
