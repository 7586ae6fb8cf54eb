import { Fn, type TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import { resourceAddress } from "./terraform-address.js";
import { TerraformData } from "./terraform-data.js";

export interface BcryptDigestProps {
  /** The secret (a sensitive reference such as `random_password.result`); never a literal. */
  readonly secret: string;
  /** Replacing this resource (a new secret) computes a new digest. */
  readonly secretResource: TerraformResource;
  /**
   * bcrypt cost. The secrets hashed here are 64 random characters, so the cost guards nothing against
   * guessing; it only adds latency to every check.
   * @default 10 - Terraform's default
   */
  readonly cost?: number;
}

/**
 * A bcrypt digest of a secret, computed by Terraform's built-in `bcrypt()` when the resource is created and
 * kept until the secret is replaced. `bcrypt()` draws a new salt on every call, so the input is ignored
 * after creation: without that, every plan would show a change. Built into Terraform and OpenTofu, so no
 * extra provider or program is needed where Terraform runs.
 */
export class BcryptDigest extends TerraformData {
  constructor(scope: Construct, id: string, props: BcryptDigestProps) {
    const cost = props.cost ?? 10;
    if (!Number.isInteger(cost) || cost < 4 || cost > 31) throw new Error(`BcryptDigest ${id}: cost must be an integer from 4 to 31 (got ${cost})`);
    super(scope, id, Fn.bcrypt(props.secret, cost), {
      lifecycle: { ignoreChanges: ["input"], replaceTriggeredBy: [resourceAddress(props.secretResource)] },
    });
  }

  /** The digest (`$2a$<cost>$…`), sensitive because the secret is. */
  public get digest(): string {
    return this.output;
  }
}
