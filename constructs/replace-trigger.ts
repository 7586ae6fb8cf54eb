import { TerraformResource } from "cdktf";
import type { Construct } from "constructs";

/**
 * A `terraform_data` resource holding a value whose change should replace other resources (through their
 * `lifecycle.replace_triggered_by`). cdktf's own DataResource runs `terraform version` at every synth to
 * check for ≥ 1.4; this one leaves that to `terraform init` and keeps synth free of subprocesses.
 */
export class ReplaceTrigger extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly value: Readonly<Record<string, string>>) {
    super(scope, id, { terraformResourceType: "terraform_data", terraformGeneratorMetadata: { providerName: "terraform" } });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { input: { ...this.value } };
  }
}
