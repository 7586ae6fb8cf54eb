import { existsSync } from "node:fs";

/**
 * The Debian 13 root holding the real upstream programs (PostgreSQL 17, Redis, Caddy), made by
 * `scripts/upstream-root.sh` (which `.ci/run` calls). In CI its absence fails the suite; elsewhere the
 * suites that need it are skipped and say why.
 */
export const TRIXIE_ROOT = process.env.IMMICH_IAC_TRIXIE_ROOT ?? "/var/cache/immich-iac/trixie";

export function upstreamRoot(program: string): { root?: string; reason: string } {
  const ok = existsSync(`${TRIXIE_ROOT}/.immich-iac-ready`) && existsSync(`${TRIXIE_ROOT}${program}`);
  if (ok && process.getuid?.() === 0) return { root: TRIXIE_ROOT, reason: "" };
  const reason = !ok
    ? `no Debian trixie root with ${program} at ${TRIXIE_ROOT}: run scripts/upstream-root.sh (or set IMMICH_IAC_TRIXIE_ROOT)`
    : "the upstream checks chroot into the trixie root and need root";
  if (process.env.CI) throw new Error(`CI needs the real upstream programs: ${reason}`);
  return { reason };
}
