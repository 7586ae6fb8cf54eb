import { randomBytes } from "node:crypto";
import { argon2id } from "hash-wasm";

/** Authelia's recommended argon2id parameters [Authelia file backend docs]. */
export const ARGON2_PARAMS = { iterations: 3, memoryKiB: 65536, parallelism: 4, keyLength: 32, saltLength: 16 } as const;

/** A PHC `$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>` string for Authelia's users file. */
export async function argon2idHash(password: string, salt: Uint8Array = randomBytes(ARGON2_PARAMS.saltLength)): Promise<string> {
  return argon2id({
    password,
    salt,
    iterations: ARGON2_PARAMS.iterations,
    memorySize: ARGON2_PARAMS.memoryKiB,
    parallelism: ARGON2_PARAMS.parallelism,
    hashLength: ARGON2_PARAMS.keyLength,
    outputType: "encoded",
  });
}
