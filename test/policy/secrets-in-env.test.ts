import { Container } from "../../providers/docker/container/index.js";
import { Password } from "../../providers/random/password/index.js";
import { RandomProvider } from "../../providers/random/provider/index.js";
import { TerraformStack, TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { BcryptDigest } from "../../constructs/bcrypt-digest.js";
import { NoSecretsInEnvironment, noSecretsInEnvironment, POLICY_RULES } from "../../constructs/policy/index.js";
import { synthDeployment, SHIPPED_DEPLOYMENTS } from "../stack-util.js";
import { violations } from "./policy-util.js";

const C = 'docker_container.c ("c")';

/** Sets the container's env (and command) from the stack's secrets: a password, a sensitive and a plain variable. */
function withSecrets(set: (c: Container, s: { password: Password; sensitive: TerraformVariable; plain: TerraformVariable; digest: BcryptDigest }) => void) {
  return (c: Container) => {
    const stack = TerraformStack.of(c);
    new RandomProvider(stack, "random", {});
    const password = new Password(stack, "pw", { length: 20 });
    const sensitive = new TerraformVariable(stack, "s3_key", { type: "string", sensitive: true });
    const plain = new TerraformVariable(stack, "region", { type: "string" });
    const digest = new BcryptDigest(stack, "digest", { secret: password.result, secretResource: password });
    set(c, { password, sensitive, plain, digest });
  };
}

describe("IIAC014 NoSecretsInEnvironment", () => {
  it("is one of the stack's rules", () => {
    expect(POLICY_RULES).toContain(NoSecretsInEnvironment);
  });

  it("passes plain values and variables that are not sensitive", () => {
    expect(violations(NoSecretsInEnvironment, {}, { mutate: withSecrets((c, s) => (c.env = ["A=1", `REGION=${s.plain.stringValue}`, "PASSWORD_FILE=/run/secrets/x"])) })).toEqual([]);
  });

  it("refuses a random_password in env", () => {
    expect(violations(NoSecretsInEnvironment, {}, { mutate: withSecrets((c, s) => (c.env = [`DB_PASSWORD=${s.password.result}`])) })).toEqual([
      `${C}: env DB_PASSWORD carries random_password.pw; deliver it as a file (the program's DB_PASSWORD_FILE or equivalent) or add a documented exception`,
    ]);
  });

  it("refuses a sensitive variable in env", () => {
    expect(violations(NoSecretsInEnvironment, {}, { mutate: withSecrets((c, s) => (c.env = [`AWS_SECRET_ACCESS_KEY=${s.sensitive.stringValue}`])) })).toEqual([
      `${C}: env AWS_SECRET_ACCESS_KEY carries var.s3_key (sensitive); deliver it as a file (the program's AWS_SECRET_ACCESS_KEY_FILE or equivalent) or add a documented exception`,
    ]);
  });

  it("refuses a value computed from a secret (a bcrypt digest in terraform_data)", () => {
    expect(violations(NoSecretsInEnvironment, {}, { mutate: withSecrets((c, s) => (c.env = [`DIGEST=${s.digest.digest}`])) })).toEqual([
      `${C}: env DIGEST carries terraform_data.digest; deliver it as a file (the program's DIGEST_FILE or equivalent) or add a documented exception`,
    ]);
  });

  it("refuses a secret on the command line", () => {
    expect(violations(NoSecretsInEnvironment, {}, { mutate: withSecrets((c, s) => (c.command = ["redis-server", "--requirepass", s.password.result])) })).toEqual([
      `${C}: command argument carries random_password.pw (every process list shows it); deliver it as a file`,
    ]);
  });

  it("allows exactly a listed exception: that variable on a matching container", () => {
    const rule = noSecretsInEnvironment([{ container: /^c$/, variable: "LEGACY_TOKEN", reason: "the program reads no file" }]);
    expect(violations(rule, {}, { mutate: withSecrets((c, s) => (c.env = [`LEGACY_TOKEN=${s.password.result}`])) })).toEqual([]);
    expect(violations(rule, {}, { mutate: withSecrets((c, s) => (c.env = [`OTHER=${s.password.result}`])) })).toHaveLength(1);
    const elsewhere = noSecretsInEnvironment([{ container: /^other$/, variable: "LEGACY_TOKEN", reason: "x" }]);
    expect(violations(elsewhere, {}, { mutate: withSecrets((c, s) => (c.env = [`LEGACY_TOKEN=${s.password.result}`])) })).toHaveLength(1);
  });

  it.each(SHIPPED_DEPLOYMENTS)("%s: no container env carries a secret, and the Redis users' passwords are files", (name) => {
    const { json } = synthDeployment(name);
    const containers = Object.values(json.resource.docker_container as Record<string, { env?: string[] }>);
    expect(containers.flatMap((c) => (c.env ?? []).filter((e) => /random_password|var\.(backup_|existing_database|smtp)/.test(e)))).toEqual([]);
  });
});
