import { TerraformResource, type TerraformResourceConfig } from "cdktf";
import type { Construct } from "constructs";

/** Arguments of a `terraform_data` besides `input`: lifecycle, provisioners, connection, depends_on. */
export type TerraformDataConfig = Omit<TerraformResourceConfig, "terraformResourceType" | "terraformGeneratorMetadata">;

/**
 * Terraform's built-in `terraform_data` resource (Terraform ≥ 1.4, OpenTofu). cdktf's own DataResource runs
 * `terraform version` at every synth to check for 1.4; this one leaves that to `init` and keeps synth free of
 * subprocesses.
 */
export class TerraformData extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    /** Stored in state and exposed as `output`; omitted when undefined. */
    private readonly input?: unknown,
    config: TerraformDataConfig = {},
  ) {
    super(scope, id, { ...config, terraformResourceType: "terraform_data", terraformGeneratorMetadata: { providerName: "terraform" } });
  }

  /** What `input` held when the resource was last created or updated. */
  public get output(): string {
    return this.getStringAttribute("output");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.input === undefined ? {} : { input: this.input };
  }
}
