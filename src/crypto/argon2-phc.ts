/**
 * Bounds on the cost parameters of a user's argon2id hash. Authelia verifies every login with the parameters
 * the hash names, inside its container of 256 MiB (src/tuning/memory-budget.ts): a hash asking for 4 GiB
 * kills Authelia at each login attempt of that user (anyone can try one), and t = 10⁹ never returns.
 * - memory: at most 128 MiB, half of Authelia's container (Authelia's recommended 64 MiB fits twice);
 *   at least 8 KiB per lane, the floor of RFC 9106.
 * - iterations: 1–16 (Authelia recommends 3).
 * - parallelism: 1–64 lanes (Authelia recommends 4).
 */
export const ARGON2_LIMITS = { maxMemoryKiB: 128 * 1024, maxIterations: 16, maxParallelism: 64 } as const;

const ARGON2ID_PHC = /^\$argon2id\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,10})\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{16,}$/;

/** Why a `passwordHash` is not an argon2id PHC string within {@link ARGON2_LIMITS}, or undefined. */
export function argon2PhcProblem(hash: string): string | undefined {
  const m = ARGON2ID_PHC.exec(hash);
  // Never quoted: what stands here instead of a hash is often the password itself.
  if (!m) return `invalid format (expected an argon2id hash from \`immich-iac hash-password\` ($argon2id$v=19$m=…,t=…,p=…$salt$hash), got a text of ${hash.length} characters)`;
  const [memoryKiB, iterations, parallelism] = m.slice(1, 4).map(Number) as [number, number, number];
  const { maxMemoryKiB, maxIterations, maxParallelism } = ARGON2_LIMITS;
  const ok = memoryKiB <= maxMemoryKiB && iterations >= 1 && iterations <= maxIterations && parallelism >= 1 && parallelism <= maxParallelism && memoryKiB >= 8 * parallelism;
  if (ok) return undefined;
  return (
    `argon2id cost out of bounds (expected m ≤ ${maxMemoryKiB} KiB — Authelia verifies each login within its 256 MiB —, 1 ≤ t ≤ ${maxIterations}, ` +
    `1 ≤ p ≤ ${maxParallelism} and m ≥ 8 × p, got m=${memoryKiB},t=${iterations},p=${parallelism}): hash the password again with immich-iac hash-password`
  );
}
