import type { HostPlan } from "../../host/host-plan.js";
import { renderDeployUser } from "./deploy-user.js";
import { renderDirectories } from "./directories.js";
import { renderDockerDaemon } from "./docker-daemon.js";
import { renderFirewall } from "./firewall.js";
import { renderPreflight } from "./preflight.js";
import { renderSysctl } from "./sysctl.js";
import { renderZfs } from "./zfs.js";
import { renderWireguard } from "./wireguard.js";

/** The host scripts in the order a deploy runs them. File names sort in that order too. */
export const HOST_SCRIPT_ORDER = [
  ["00-preflight.sh", renderPreflight],
  ["10-deploy-user.sh", renderDeployUser],
  ["20-zfs.sh", renderZfs],
  ["30-directories.sh", renderDirectories],
  ["40-sysctl.sh", renderSysctl],
  ["50-firewall.sh", renderFirewall],
  ["60-docker-daemon.sh", renderDockerDaemon],
] as const;

export interface HostScript {
  readonly file: string;
  readonly content: string;
  /** Non-secret facts for the plan (HostScriptSpec.input). @default - none */
  readonly input?: Readonly<Record<string, unknown>>;
}

/**
 * The scripts of the plan: HOST_SCRIPT_ORDER, and with a WireGuard interface (access mode wireguard) its own
 * script before the firewall's (the firewall admits its port; the proxy publishes on its address). Only that
 * mode has it, so no other deployment gains a resource.
 */
export function renderHostScripts(plan: HostPlan): HostScript[] {
  const title = `deployment ${plan.deploymentName}`;
  const scripts = HOST_SCRIPT_ORDER.map(([file, render]) => ({ file, content: render(plan, title) }));
  if (!plan.wireguard) return scripts;
  const at = scripts.findIndex((s) => s.file === "50-firewall.sh");
  return [...scripts.slice(0, at), { file: "45-wireguard.sh", content: renderWireguard(plan, title), input: { peers: plan.wireguard.peers.map((p) => p.name) } }, ...scripts.slice(at)];
}
