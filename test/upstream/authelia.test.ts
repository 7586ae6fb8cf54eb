import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { checkAutheliaRules } from "../../src/ingress/authelia-rules.js";
import { autheliaEnv, secretPath } from "../../src/renderers/authelia.js";
import { renderFiles } from "../../stacks/synth.js";
import { applySecretTemplates } from "../authelia-template.js";
import { deploymentPath, SHIPPED_DEPLOYMENTS } from "../stack-util.js";

/** Authelia's published v4.39 schemas, kept in the repository (test/upstream/schemas/README.md says from where). */
const readSchema = (file: string): any => JSON.parse(readFileSync(join(import.meta.dirname, "schemas", "authelia-v4.39", file), "utf8"));

export const BCRYPT_OF_64_X = "$2a$10$os2Wve7JKq0X9obcTDIs.udAAYvWCcDCEO1PzRepepzqpwyiJCNBe";

/** Secret files as the stack delivers them, with real values of the right shape. */
export function testSecretFiles(): Record<string, string> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  return {
    [secretPath("oidcJwksKey")]: privateKey,
    // What Terraform's bcrypt("x" × 64, 10) returned (the stack computes the digest the same way).
    [secretPath("oidcClientSecretDigest")]: BCRYPT_OF_64_X,
    [secretPath("grafanaClientSecretDigest")]: BCRYPT_OF_64_X,
  };
}

function compile(schema: any, customScopes: string[] = []) {
  const copy = structuredClone(schema);
  // The client scopes list is a closed enum; add the custom scopes this configuration declares (in memory only).
  if (customScopes.length) copy.$defs.IdentityProvidersOpenIDConnectClient.properties.scopes.items.enum.push(...customScopes);
  const ajv = new Ajv2020.default({ strictRequired: false, unicodeRegExp: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(copy);
}

describe("Authelia files against Authelia's v4.39 JSON Schema", () => {
  const configSchema = readSchema("configuration.json");
  const usersSchema = readSchema("user-database.json");
  const secrets = testSecretFiles();

  describe.each(SHIPPED_DEPLOYMENTS)("%s", (name) => {
    const deployment = loadDeploymentFile(deploymentPath(name));
    const files = renderFiles(deployment);
    const config = parse(applySecretTemplates(files["authelia/configuration.yml"]!, secrets));

    it("configuration.yml passes the schema once its templates are rendered", () => {
      const validate = compile(configSchema, Object.keys(config.identity_providers.oidc.scopes));
      const ok = validate(config);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });

    it("configuration.yml obeys the rules only Authelia's validator enforces", () => {
      expect(checkAutheliaRules(config, autheliaEnv(deployment.auth, deployment.timezone))).toEqual([]);
    });

    it("users_database.yml passes the schema", () => {
      const validate = compile(usersSchema);
      const ok = validate(parse(files["authelia/users_database.yml"]!));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  });

  it("the schema check can fail: an unknown key, a bad policy and a plaintext-looking secret are caught", () => {
    const files = renderFiles(loadDeploymentFile(deploymentPath("homelab")));
    const config = parse(applySecretTemplates(files["authelia/configuration.yml"]!, secrets));
    config.session.cookies[0].domian = "x";
    config.access_control.default_policy = "maybe";
    config.identity_providers.oidc.clients[0].client_secret = "plaintext";
    const validate = compile(configSchema, ["immich_role"]);
    expect(validate(config)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(["/session/cookies/0", "/access_control/default_policy", "/identity_providers/oidc/clients/0/client_secret"]));
  });
});
