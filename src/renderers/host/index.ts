import type { HostPlan } from "../../host/host-plan.js";
import { renderDeployUser } from "./deploy-user.js";
import { renderDirectories } from "./directories.js";
import { renderDockerDaemon } from "./docker-daemon.js";
import { renderFirewall } from "./firewall.js";
import { renderPreflight } from "./preflight.js";
import { renderSysctl } from "./sysctl.js";
import { renderZfs } from "./zfs.js";

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
}

export function renderHostScripts(plan: HostPlan): HostScript[] {
  const title = `deployment ${plan.deploymentName}`;
  return HOST_SCRIPT_ORDER.map(([file, render]) => ({ file, content: render(plan, title) }));
}
