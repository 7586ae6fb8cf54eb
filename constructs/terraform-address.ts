import { Lazy, type TerraformResource } from "cdktf";

/**
 * The bare address of a resource (`terraform_data.x`), resolved at synth time. Terraform's JSON syntax
 * wants bare references in `lifecycle.replace_triggered_by` and rejects `${…}` there ("Invalid
 * character"), which is what cdktf 0.21 writes for a resource object. Lazy, so an `overrideLogicalId`
 * made after this call still counts.
 */
export function resourceAddress(resource: TerraformResource): string {
  return Lazy.stringValue({ produce: () => `${resource.terraformResourceType}.${resource.friendlyUniqueId}` });
}
