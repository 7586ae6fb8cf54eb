import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkAutheliaRules } from "../src/ingress/authelia-rules.js";
import { autheliaConfigObject } from "../src/renderers/authelia.js";

const rsa = (bits: number) => generateKeyPairSync("rsa", { modulusLength: bits, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
const KEY_2048 = rsa(2048);

/** A valid configuration as immich-iac renders it, with the templated values filled in. */
function config(): Record<string, any> {
  const c: any = autheliaConfigObject({
    title: "t",
    ingress: { domain: "photos.example.com", authDomain: "auth.example.com", cookieDomain: "example.com", tls: { mode: "internal" }, http3: true },
    auth: { users: [], immichPasswordLogin: false, notifier: { mode: "filesystem" } },
    redis: { host: "redis", port: 6379, databaseIndex: 1, username: "authelia" },
  });
  c.identity_providers.oidc.jwks[0].key = KEY_2048;
  c.identity_providers.oidc.clients[0].client_secret = "$2a$10$os2Wve7JKq0X9obcTDIs.udAAYvWCcDCEO1PzRepepzqpwyiJCNBe";
  return c;
}
const env = { AUTHELIA_SESSION_SECRET_FILE: "/secrets/session-secret", AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE: "/secrets/k" };

describe("Authelia validator-only rules", () => {
  it("accepts what immich-iac renders", () => {
    expect(checkAutheliaRules(config(), env)).toEqual([]);
  });

  it("default_policy deny needs a rule", () => {
    const c = config();
    c.access_control.rules = [];
    expect(checkAutheliaRules(c, env)).toEqual(["access_control: default_policy deny needs at least one rule"]);
  });

  it("encryption_key of at least 20 characters", () => {
    const c = config();
    c.storage.encryption_key = "short";
    expect(checkAutheliaRules(c, {})).toEqual(expect.arrayContaining(["storage.encryption_key: must be at least 20 characters"]));
  });

  it("a session secret with Redis", () => {
    expect(checkAutheliaRules(config(), {})).toEqual(["session.secret: required when sessions are stored in Redis"]);
  });

  it("exactly one storage", () => {
    const c = config();
    c.storage.postgres = { address: "tcp://db:5432" };
    expect(checkAutheliaRules(c, env)).toEqual(["storage: exactly one of local, postgres, mysql (got local, postgres)"]);
  });

  it.each([
    ["co.uk", 'session.cookies[0].domain: "co.uk" is a public suffix'],
    ["localhost", 'session.cookies[0].domain: must contain a dot and not be localhost (got "localhost")'],
    [".example.com", 'session.cookies[0].domain: no leading dot and no port (got ".example.com")'],
  ])("cookie domain %s is refused", (domain, message) => {
    const c = config();
    c.session.cookies[0].domain = domain;
    expect(checkAutheliaRules(c, env)).toContain(message);
  });

  it("authelia_url inside the cookie domain, over https", () => {
    const c = config();
    c.session.cookies[0].authelia_url = "https://auth.other.com";
    expect(checkAutheliaRules(c, env)).toEqual(['session.cookies[0].authelia_url: must be an https URL inside example.com (got "https://auth.other.com")']);
  });

  it("default_redirection_url differs from authelia_url", () => {
    const c = config();
    c.session.cookies[0].default_redirection_url = c.session.cookies[0].authelia_url;
    expect(checkAutheliaRules(c, env)).toEqual(["session.cookies[0].default_redirection_url: must differ from authelia_url"]);
  });

  it("regulation find_time within ban_time", () => {
    const c = config();
    c.regulation = { find_time: "1 hour", ban_time: "5 minutes" };
    expect(checkAutheliaRules(c, env)).toEqual(["regulation.find_time: must not exceed ban_time"]);
  });

  it("an RSA JWKS key of at least 2048 bits", () => {
    const c = config();
    c.identity_providers.oidc.jwks[0].key = rsa(1024);
    expect(checkAutheliaRules(c, env)).toEqual(["identity_providers.oidc.jwks[0].key: RS256 needs an RSA key of at least 2048 bits (got rsa 1024)"]);
  });

  it("a client secret stored as a digest", () => {
    const c = config();
    c.identity_providers.oidc.clients[0].client_secret = "insecure_secret";
    expect(checkAutheliaRules(c, env)).toEqual(["identity_providers.oidc.clients[0].client_secret: store a digest, not the plaintext"]);
  });

  it("custom scopes do not reuse standard names", () => {
    const c = config();
    c.identity_providers.oidc.scopes = { groups: { claims: [] } };
    expect(checkAutheliaRules(c, env)).toEqual(["identity_providers.oidc.scopes.groups: custom scopes may not reuse a standard name or start with authelia."]);
  });

  it("a secret inline and through _FILE at once", () => {
    const c = config();
    c.session.secret = "also-inline-also-inline";
    expect(checkAutheliaRules(c, env)).toEqual(["AUTHELIA_SESSION_SECRET_FILE: the same secret is also set in the file; remove one"]);
  });
});
