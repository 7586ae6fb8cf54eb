import type { HostPlan } from "../../host/host-plan.js";
import { prelude, q } from "./prelude.js";

/** Every directory a volume binds, with its owner and mode. */
export function renderDirectories(plan: HostPlan, title: string): string {
  const lines = [
    prelude("directories", title),
    "ensure_dir() { # PATH OWNER MODE",
    '  local path=$1 owner=$2 mode=$3 did=""',
    '  if [ ! -d "$path" ]; then mkdir -p "$path"; did=1; fi',
    '  if [ "$(stat -c %u:%g "$path")" != "$owner" ]; then chown "$owner" "$path"; did=1; fi',
    '  if [ "$(stat -c %a "$path")" != "${mode#0}" ]; then chmod "$mode" "$path"; did=1; fi',
    '  if [ -n "$did" ]; then report "directory $path" changed; else report "directory $path" unchanged; fi',
    "}",
    "",
    ...plan.directories.map((d) => `ensure_dir ${q(d.path)} ${q(d.owner)} ${q(d.mode)}`),
    "",
    "finish",
  ];
  return `${lines.join("\n")}\n`;
}
