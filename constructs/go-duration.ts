/**
 * Seconds as Go's `time.Duration.String()` prints them (`30s`, `5m0s`, `1h0m0s`): the provider reads
 * healthcheck durations back in this form, so any other spelling shows a diff on every plan.
 */
export function goDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`duration must be whole seconds ≥ 0 (got ${seconds})`);
  if (seconds === 0) return "0s";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** True when a string is already in that canonical form. */
export function isGoDuration(value: string): boolean {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(\d+)s$/.exec(value);
  if (!m) return false;
  const total = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3]);
  return goDuration(total) === value;
}
