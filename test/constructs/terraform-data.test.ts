import { Password } from "../../providers/random/password/index.js";
import { RandomProvider } from "../../providers/random/provider/index.js";
import { Testing, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { BcryptDigest } from "../../constructs/bcrypt-digest.js";
import { resourceAddress } from "../../constructs/terraform-address.js";
import { TerraformData } from "../../constructs/terraform-data.js";

function synth(build: (scope: Construct) => void): any {
  return JSON.parse(Testing.synthScope(build)).resource;
}

describe("BcryptDigest", () => {
  it("hashes with Terraform's bcrypt, ignores the input after creation and is replaced with the secret", () => {
    const r = synth((scope) => {
      new RandomProvider(scope, "random", {});
      const secret = new Password(scope, "secret", { length: 64, special: false });
      new BcryptDigest(scope, "digest", { secret: secret.result, secretResource: secret });
    });
    expect(r.terraform_data.digest).toEqual({
      input: "${bcrypt(random_password.secret.result, 10)}",
      lifecycle: { ignore_changes: ["input"], replace_triggered_by: ["random_password.secret"] },
    });
  });

  it("refuses a cost bcrypt does not have", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "s");
    const secret = new Password(stack, "secret", { length: 64 });
    expect(() => new BcryptDigest(stack, "digest", { secret: secret.result, secretResource: secret, cost: 3 })).toThrow(
      "BcryptDigest digest: cost must be an integer from 4 to 31 (got 3)",
    );
  });
});

describe("resourceAddress", () => {
  it("is the bare address, and follows an overrideLogicalId made after it was taken", () => {
    const r = synth((scope) => {
      const target = new TerraformData(scope, "target", "x");
      new TerraformData(scope, "watcher", undefined, { lifecycle: { replaceTriggeredBy: [resourceAddress(target)] } });
      target.overrideLogicalId("renamed");
    });
    expect(r.terraform_data.watcher.lifecycle.replace_triggered_by).toEqual(["terraform_data.renamed"]);
    expect(r.terraform_data.renamed).toEqual({ input: "x" });
  });
});
