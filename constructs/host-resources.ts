import type { ITerraformDependable } from "cdktf";
import { TerraformData } from "./terraform-data.js";
import { Construct } from "constructs";
import { createHash } from "node:crypto";
import { q } from "../src/renderers/host/prelude.js";

/**
 * Where the host scripts run: on this machine (the Immich host's Docker is a local socket, so the machine that
 * runs Terraform is the host), or on `host` over SSH as `user`.
 */
export type HostConnection =
  | { readonly type: "local" }
  | { readonly type: "ssh"; readonly host: string; readonly user: string; readonly port: number };

export interface HostScriptSpec {
  /** File name, e.g. `20-zfs.sh`; also the construct id. */
  readonly file: string;
  readonly content: string;
  /**
   * Plain, non-secret facts about what the script converges, kept as the resource's `input` so that a plan
   * shows them before and after (plan-report names a revoked WireGuard peer from them). @default - none
   */
  readonly input?: Readonly<Record<string, unknown>>;
}

export interface HostResourcesProps {
  readonly scripts: readonly HostScriptSpec[];
  readonly connection: HostConnection;
}

/** Terraform reads `${` and `%{` in strings as its own templates; scripts are shell, so escape both. */
export function escapeTerraformTemplate(text: string): string {
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/**
 * The command that runs as root on the host: `sudo` drops the environment, so the SSH connection the script
 * runs over is passed on by name (the firewall keeps its server port open: IMMICH_IAC_SSH_CONNECTION).
 * Shell text for the host's login shell, which expands `${SSH_CONNECTION:-}` there.
 */
export const ROOT_BASH = 'sudo -n env "IMMICH_IAC_SSH_CONNECTION=${SSH_CONNECTION:-}" /bin/bash -s';

/** What one command-line argument may hold on Linux (MAX_ARG_STRLEN, 32 pages), less the shell's own text. */
const MAX_COMMAND_BYTES = 128 * 1024 - 1024;

/** The heredoc delimiter the scripts come in; no script line is this word. */
const END = "IMMICH_IAC_SCRIPT";

/**
 * The local command that runs `script` as root on the host it is for, the script on stdin. Over SSH the system
 * `ssh` connects (the same client, keys, `~/.ssh/config` and known_hosts as the Docker provider's `ssh://`;
 * BatchMode, so a missing key or an unknown host key fails instead of prompting) and nothing is written to
 * the host's disk: Terraform's `file`/`remote-exec` would upload to a path another local user can predict —
 * and `remote-exec` uploads its own inline commands to `script_path` and makes them mode 0777 before running
 * them as the deploy user, who has sudo. Shell text for bash, not yet escaped for Terraform's templates.
 */
export function hostScriptCommand(connection: HostConnection, script: string): string {
  if (script.split("\n").includes(END)) throw new Error(`a host script has a line "${END}", which would end its heredoc`);
  const run =
    connection.type === "local"
      ? ROOT_BASH
      : ["ssh", "-T", "-o", "BatchMode=yes", "-p", String(connection.port), "-l", q(connection.user), "--", q(connection.host), q(ROOT_BASH)].join(" ");
  const command = `${run} <<'${END}'\n${script}${script.endsWith("\n") ? "" : "\n"}${END}\n`;
  // One argument of `bash -c`: Linux refuses more than 128 KiB (MAX_ARG_STRLEN). The loader bounds what grows (keys).
  if (Buffer.byteLength(command) > MAX_COMMAND_BYTES) throw new Error(`a host script's command is ${Buffer.byteLength(command)} bytes, over the ${MAX_COMMAND_BYTES} a command line may hold`);
  return command;
}

/**
 * The host scripts as `terraform_data` resources run in order, each one after the previous, by a `local-exec`
 * that streams the script into `bash` as root on its host (see hostScriptCommand). A script's hash is its
 * trigger: Terraform runs it again only when its content changes, and a failed run taints it so the next
 * apply retries it.
 */
export class HostResources extends Construct {
  public readonly steps: readonly TerraformData[];

  constructor(scope: Construct, id: string, props: HostResourcesProps) {
    super(scope, id);
    const steps: TerraformData[] = [];
    for (const script of props.scripts) {
      const sha = createHash("sha256").update(script.content).digest("hex");
      const command = escapeTerraformTemplate(hostScriptCommand(props.connection, script.content));
      const step = new TerraformData(this, script.file.replace(/\.sh$/, ""), undefined, {
        provisioners: [{ type: "local-exec" as const, command, interpreter: ["/bin/bash", "-c"] }],
        ...(steps.length > 0 ? { dependsOn: [steps[steps.length - 1]!] } : {}),
      });
      step.addOverride("triggers_replace", { sha256: sha });
      if (script.input) step.addOverride("input", script.input);
      steps.push(step);
    }
    this.steps = steps;
  }

  /** What the containers wait for: the last script. */
  public get done(): ITerraformDependable[] {
    return this.steps.length ? [this.steps[this.steps.length - 1]!] : [];
  }
}
