import type { Construct } from "constructs";
import { TerraformData } from "./terraform-data.js";

/**
 * A `terraform_data` holding a value whose change should replace other resources (through their
 * `lifecycle.replace_triggered_by`).
 */
export class ReplaceTrigger extends TerraformData {
  constructor(scope: Construct, id: string, value: Readonly<Record<string, string>>) {
    super(scope, id, { ...value });
  }
}
