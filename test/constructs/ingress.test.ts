import { describe, expect, it } from "vitest";
import { immichRedirectUris, IMMICH_OIDC_CLIENT, autheliaConfigObject } from "../../src/renderers/authelia.js";
import type { AuthSettings, IngressSettings } from "../../src/ingress/site.js";
import { containerOf, synthImmich } from "./construct-util.js";

const ingress = (over: Partial<IngressSettings> = {}): IngressSettings => ({
  domain: "photos.example.com",
  authDomain: "auth.example.com",
  cookieDomain: "example.com",
  tls: { mode: "acme" },
  http3: true,
  ...over,
});
const auth: AuthSettings = {
  users: [{ name: "alice", displayName: "Alice", email: "alice@example.com", groups: ["admins"], passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g" }],
  immichPasswordLogin: false,
  notifier: { mode: "filesystem" },
};

describe("CaddyProxy and Authelia in the stack", () => {
  const res = synthImmich({ ingress: ingress(), auth });

  it("closes Immich's first-admin sign-up behind Authelia; without an identity provider it stays open", () => {
    expect(containerOf(res, "server").env).toContain("IMMICH_ALLOW_SETUP=false");
    expect(containerOf(res, "job-handler").env.some((e: string) => e.startsWith("IMMICH_ALLOW_SETUP="))).toBe(false);
    expect(containerOf(synthImmich(), "server").env).toContain("IMMICH_ALLOW_SETUP=true");
  });

  it("the proxy publishes 80, 443 and 443/udp on 0.0.0.0 and answers for both host names on the front network", () => {
    const proxy = containerOf(res, "proxy");
    expect(proxy.ports).toEqual([
      { internal: 80, external: 80, ip: "0.0.0.0", protocol: "tcp" },
      { internal: 443, external: 443, ip: "0.0.0.0", protocol: "tcp" },
      { internal: 443, external: 443, ip: "0.0.0.0", protocol: "udp" },
    ]);
    expect(proxy.networks_advanced).toEqual([{ name: expect.stringContaining("FrontNetwork"), aliases: ["photos.example.com", "auth.example.com"] }]);
    expect(proxy.upload[0].file).toBe("/etc/caddy/Caddyfile");
  });

  it("no other container publishes anything", () => {
    expect(containerOf(res, "server").ports).toBeUndefined();
  });

  it("Authelia sits on both networks, gets its secrets as files and the template filter", () => {
    const a = containerOf(res, "auth");
    expect(a.networks_advanced.map((n: any) => n.name)).toEqual([expect.stringContaining("FrontNetwork"), expect.stringContaining("BackNetwork")]);
    expect(a.env).toEqual(
      expect.arrayContaining([
        "X_AUTHELIA_CONFIG_FILTERS=template",
        "AUTHELIA_SESSION_SECRET_FILE=/secrets/session-secret",
        "AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE=/secrets/storage-encryption-key",
        "AUTHELIA_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE=/secrets/oidc-hmac-secret",
      ]),
    );
    expect(a.env.some((e: string) => e.startsWith("AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE"))).toBe(false);
  });

  it("the JWKS key is RSA 4096", () => {
    expect(Object.values(res.tls_private_key)).toEqual([expect.objectContaining({ algorithm: "RSA", rsa_bits: 4096 })]);
  });

  it("with SMTP, the password is a sensitive variable delivered as a file", () => {
    const r = synthImmich({ ingress: ingress(), auth: { ...auth, notifier: { mode: "smtp", address: "submission://smtp.example.com:587", username: "u", sender: "a@example.com" } } });
    expect(containerOf(r, "auth").env).toContain("AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE=/secrets/smtp-password");
    expect(containerOf(r, "auth").upload.find((u: any) => u.file === "/secrets/smtp-password").content).toBe("${var.smtp_password}");
  });

  it("an SMTP user called NaN is written as a quoted string, never as something a YAML reader could take for a number (found by the schema walk)", () => {
    const r = synthImmich({ ingress: ingress(), auth: { ...auth, notifier: { mode: "smtp", address: "submission://smtp.example.com:587", username: "NaN", sender: "a@example.com" } } });
    const config = containerOf(r, "auth").upload.find((u: any) => u.file === "/config/configuration.yml").content as string;
    expect(config).toContain('username: "NaN"');
    expect(config).not.toMatch(/username: NaN$/m);
  });

  it("the internal CA is trusted by the server; a public CA needs nothing", () => {
    const internal = containerOf(synthImmich({ ingress: ingress({ tls: { mode: "internal" } }), auth }), "server");
    expect(internal.env).toContain("NODE_EXTRA_CA_CERTS=/trusted-ca/caddy/pki/authorities/local/root.crt");
    expect(internal.volumes).toContainEqual({ container_path: "/trusted-ca", read_only: true, volume_name: expect.stringContaining("ProxyVolume") });
    expect(containerOf(res, "server").env.some((e: string) => e.startsWith("NODE_EXTRA_CA_CERTS"))).toBe(false);
  });

  // Issue "Current Immich", item 5: the server reads NODE_EXTRA_CA_CERTS once at start, so on the first deploy
  // it must start after the internal CA root exists.
  it("with the internal CA, the server starts only after Terraform saw the proxy healthy, and healthy means the CA root exists", () => {
    const res = synthImmich({ ingress: ingress({ tls: { mode: "internal" } }), auth });
    const proxy = containerOf(res, "proxy");
    expect(proxy).toMatchObject({ wait: true, wait_timeout: 120 });
    expect(proxy.healthcheck.test).toEqual(["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:2019/config/ && test -s /data/caddy/pki/authorities/local/root.crt"]);
    const proxyKey = Object.keys(res.docker_container).find((k) => k.includes("Proxy"))!;
    expect(containerOf(res, "server").depends_on).toContain(`docker_container.${proxyKey}`);
  });

  it("with a public CA, nothing waits for the proxy", () => {
    expect(containerOf(res, "proxy").wait).toBeUndefined();
    expect(containerOf(res, "server").depends_on.some((d: string) => d.includes("Proxy"))).toBe(false);
  });

  it("tls files with a private CA: the server trusts the CA file, bound read-only", () => {
    const server = containerOf(
      synthImmich({ ingress: ingress({ tls: { mode: "files", certificateFile: "/etc/ssl/p.pem", keyFile: "/etc/ssl/p.key", caFile: "/etc/ssl/private-ca.pem" } }), auth }),
      "server",
    );
    expect(server.env).toContain("NODE_EXTRA_CA_CERTS=/etc/immich-iac/trusted-ca.pem");
    expect(server.volumes).toContainEqual({ host_path: "/etc/ssl/private-ca.pem", container_path: "/etc/immich-iac/trusted-ca.pem", read_only: true });
  });

  it("pins the proxy and Authelia images to the deployment's digests", () => {
    const d = (c: string) => `sha256:${c.repeat(64)}`;
    const names = Object.values(synthImmich({ ingress: ingress(), auth, imageDigests: { proxy: d("5"), auth: d("6") } }).docker_image).map((i: any) => i.name);
    expect(names).toEqual(expect.arrayContaining([`docker.io/library/caddy:2.11.9@${d("5")}`, `docker.io/authelia/authelia:4.39.28@${d("6")}`]));
  });

  it("TLS files are mounted read-only into the proxy", () => {
    const proxy = containerOf(synthImmich({ ingress: ingress({ tls: { mode: "files", certificateFile: "/etc/ssl/p.pem", keyFile: "/etc/ssl/p.key" } }), auth }), "proxy");
    expect(proxy.volumes.filter((v: any) => v.host_path)).toEqual([
      { host_path: "/etc/ssl/p.pem", container_path: "/etc/caddy/tls/certificate.pem", read_only: true },
      { host_path: "/etc/ssl/p.key", container_path: "/etc/caddy/tls/key.pem", read_only: true },
    ]);
  });

  it("refuses ingress without auth", () => {
    expect(() => synthImmich({ ingress: ingress() })).toThrow("ImmichStack: ingress needs auth (at least one user), or logins would bypass MFA");
  });
});

describe("Immich's oauth section matches the Authelia client", () => {
  const server = containerOf(synthImmich({ ingress: ingress(), auth }), "server");
  const oauth = JSON.parse(server.upload[0].content).oauth;
  const client: any = (autheliaConfigObject({ title: "t", ingress: ingress(), auth, redis: { host: "r", port: 6379, databaseIndex: 1, username: "authelia" } }) as any).identity_providers.oidc.clients[0];

  it("issuer, client, auth method and algorithms agree", () => {
    expect(oauth.issuerUrl).toBe("https://auth.example.com");
    expect(oauth.clientId).toBe(client.client_id);
    expect(oauth.tokenEndpointAuthMethod).toBe(client.token_endpoint_auth_method);
    expect(oauth.signingAlgorithm).toBe(client.id_token_signed_response_alg);
    expect(oauth.profileSigningAlgorithm).toBe(client.userinfo_signed_response_alg);
    expect(oauth.scope.split(" ").sort()).toEqual([...client.scopes].sort());
  });

  it("every redirect Immich uses is registered, the mobile one included", () => {
    expect(client.redirect_uris).toEqual(immichRedirectUris("photos.example.com"));
    expect(client.redirect_uris).toContain(oauth.mobileRedirectUri);
    expect(oauth).toMatchObject({ enabled: true, autoRegister: true, mobileOverrideEnabled: true, roleClaim: "immich_role", autoLaunch: true });
    expect(client).toMatchObject({ require_pkce: true, pkce_challenge_method: "S256", authorization_policy: "two_factor", public: false });
    expect(IMMICH_OIDC_CLIENT.roleScope).toBe("immich_role");
  });

  it("password login is off unless the deployment keeps it", () => {
    expect(JSON.parse(server.upload[0].content).passwordLogin).toEqual({ enabled: false });
    const kept = containerOf(synthImmich({ ingress: ingress(), auth: { ...auth, immichPasswordLogin: true } }), "server");
    expect(JSON.parse(kept.upload[0].content)).toMatchObject({ passwordLogin: { enabled: true }, oauth: { autoLaunch: false } });
  });
});
