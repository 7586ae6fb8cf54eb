import { spawnSync } from "node:child_process";

/**
 * Whether an optional program the suites use as a judge is on the PATH. Outside CI a missing one skips what needs
 * it, with the reason in the test's name (listed again at the end of the run); under CI it fails the run, since CI
 * installs every tool.
 */
export function optionalTool(name: string, install: string): { ok: boolean; reason: string } {
  const found = spawnSync("sh", ["-c", 'command -v "$1"', "sh", name], { encoding: "utf8" }).status === 0;
  if (found) return { ok: true, reason: "" };
  const reason = `${name} is not installed (${install})`;
  if (process.env.CI) throw new Error(`CI needs ${reason}`);
  return { ok: false, reason };
}

export const SHELLCHECK = optionalTool("shellcheck", "apt-get install shellcheck");

/** zbar's decoder: reads back the QR code `access peer --qr` prints. */
export const ZBARIMG = optionalTool("zbarimg", "apt-get install zbar-tools");
