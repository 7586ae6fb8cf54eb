import type { ITerraformDependable } from "cdktf";
import { TerraformData } from "./terraform-data.js";
import { Construct } from "constructs";
import { createHash } from "node:crypto";

/** How Terraform reaches the Docker host to run the scripts. */
export type HostConnection =
  | { readonly type: "local" }
  | { readonly type: "ssh"; readonly host: string; readonly user: string; readonly port: number };

export interface HostScriptSpec {
  /** File name, e.g. `20-zfs.sh`; also the construct id. */
  readonly file: string;
  readonly content: string;
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
 * The host scripts as `terraform_data` resources run in order, each one after the previous, with
 * provisioners over SSH (the deploy user, ssh-agent keys) or locally with sudo. A script's hash is its
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
      const remotePath = `/tmp/immich-iac-${script.file}`;
      const body = escapeTerraformTemplate(script.content);
      const provisioners =
        props.connection.type === "local"
          ? [{ type: "local-exec" as const, command: `sudo -n /bin/bash -s <<'IMMICH_IAC_SCRIPT'\n${body}IMMICH_IAC_SCRIPT\n`, interpreter: ["/bin/bash", "-c"] }]
          : [
              { type: "file" as const, content: body, destination: remotePath },
              { type: "remote-exec" as const, inline: [`sudo -n /bin/bash ${remotePath}`, `rm -f ${remotePath}`] },
            ];
      const step = new TerraformData(this, script.file.replace(/\.sh$/, ""), undefined, {
        provisioners,
        ...(props.connection.type === "ssh"
          ? { connection: { type: "ssh", host: props.connection.host, user: props.connection.user, port: props.connection.port, agent: "true" } }
          : {}),
        ...(steps.length > 0 ? { dependsOn: [steps[steps.length - 1]!] } : {}),
      });
      step.addOverride("triggers_replace", { sha256: sha });
      steps.push(step);
    }
    this.steps = steps;
  }

  /** What the containers wait for: the last script. */
  public get done(): ITerraformDependable[] {
    return this.steps.length ? [this.steps[this.steps.length - 1]!] : [];
  }
}
