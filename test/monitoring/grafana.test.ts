import { parse as parseIni } from "ini";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GRAFANA_TRUSTED_CA_FILE } from "../../constructs/immich-monitoring.js";
import type { AuthSettings, IngressSettings, TlsSettings } from "../../src/ingress/site.js";
import { autheliaConfigObject, grafanaRedirectUri, renderAutheliaConfig } from "../../src/renderers/authelia.js";
import { renderCaddyfile } from "../../src/renderers/caddyfile.js";
import { GRAFANA_ROLE_ATTRIBUTE_PATH, renderGrafanaIni } from "../../src/renderers/monitoring/grafana.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { synthImmich } from "../constructs/construct-util.js";
import { shippedProfile } from "../util.js";

const MONITORING = { enabled: true, domain: "metrics.example.com", retentionDays: 15, alerts: { webhook: false } };
const ingress = (tls: TlsSettings = { mode: "internal" }): IngressSettings => ({ domain: "photos.example.com", authDomain: "auth.example.com", cookieDomain: "example.com", tls, http3: true });
const auth: AuthSettings = {
  users: [{ name: "alice", displayName: "Alice", email: "alice@example.com", groups: ["admins"], passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g" }],
  immichPasswordLogin: false,
  notifier: { mode: "filesystem" },
};
const tuning = computeTuning(shippedProfile("homelab-minimal"), { monitoring: true });
const stack = (tls?: TlsSettings, withIngress = true) => synthImmich({ monitoring: MONITORING, tuning, ...(withIngress ? { ingress: ingress(tls), auth } : {}) });
const byName = (r: any, name: string) => (Object.values(r.docker_container) as any[]).find((c) => c.name === name);
const upload = (c: any, file: string): string => c.upload.find((u: any) => u.file === file)?.content;
// The ini package nests dotted section names: [auth.generic_oauth] is ini.auth.generic_oauth.
const iniOf = (c: any) => parseIni(upload(c, "/etc/grafana/grafana.ini").replace(/\$\$\{/g, "${"));

describe("Grafana in the stack", () => {
  const r = stack();
  const grafana = byName(r, "immich-t-monitoring-grafana");

  it("runs on the front network only, publishing nothing, with its database on the fast pool", () => {
    expect(grafana).toMatchObject({ image: expect.stringContaining("grafana") });
    expect(grafana.ports).toBeUndefined();
    expect(grafana.networks_advanced).toEqual([{ name: expect.stringContaining("FrontNetwork") }]);
    const data = (Object.values(r.docker_volume) as any[]).find((v) => v.name === "immich-t-grafana");
    expect(data.driver_opts.device).toBe("/srv/immich/database/grafana");
    expect(grafana.env).toEqual(["GF_PATHS_CONFIG=/etc/grafana/grafana.ini"]);
  });

  it("gets grafana.ini, the provisioning, the three dashboards and three secrets, the secrets by reference only", () => {
    expect(grafana.upload.map((u: any) => u.file)).toEqual([
      "/etc/grafana/grafana.ini",
      "/etc/grafana/provisioning/datasources/prometheus.yaml",
      "/etc/grafana/provisioning/dashboards/immich-iac.yaml",
      "/etc/grafana/dashboards/immich-iac/backups.json",
      "/etc/grafana/dashboards/immich-iac/host.json",
      "/etc/grafana/dashboards/immich-iac/immich.json",
      "/run/secrets/grafana/oidc-client-secret",
      "/run/secrets/grafana/admin-password",
      "/run/secrets/grafana/secret-key",
    ]);
    for (const f of ["oidc-client-secret", "admin-password", "secret-key"]) {
      expect(upload(grafana, `/run/secrets/grafana/${f}`)).toMatch(/^\$\{random_password\.immich_Grafana[A-Za-z]+_[0-9A-F]{8}\.result\}$/);
    }
    expect(parse(upload(grafana, "/etc/grafana/provisioning/dashboards/immich-iac.yaml")).providers[0].options.path).toBe("/etc/grafana/dashboards/immich-iac");
  });

  it("with the internal CA: trusts the proxy's root read-only, as root (Caddy keeps it root-only), and starts after the proxy", () => {
    expect(grafana.user).toBe("0:0");
    expect(grafana.volumes).toEqual([
      { volume_name: expect.stringContaining("GrafanaVolume"), container_path: "/var/lib/grafana", read_only: false },
      { volume_name: expect.stringContaining("ProxyVolume"), container_path: "/trusted-ca", read_only: true },
    ]);
    expect(iniOf(grafana).auth.generic_oauth.tls_client_ca).toBe("/trusted-ca/caddy/pki/authorities/local/root.crt");
    expect(grafana.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^docker_container\.immich_Proxy_/)]));
  });

  it("with certificate files and a private CA: binds that CA file; with ACME: the system's trust store", () => {
    const files = byName(stack({ mode: "files", certificateFile: "/etc/ssl/c.pem", keyFile: "/etc/ssl/k.pem", caFile: "/etc/ssl/ca.pem" }), "immich-t-monitoring-grafana");
    expect(files.volumes).toContainEqual({ host_path: "/etc/ssl/ca.pem", container_path: GRAFANA_TRUSTED_CA_FILE, read_only: true });
    expect(iniOf(files).auth.generic_oauth.tls_client_ca).toBe(GRAFANA_TRUSTED_CA_FILE);
    const acme = byName(stack({ mode: "acme" }), "immich-t-monitoring-grafana");
    expect(iniOf(acme).auth.generic_oauth.tls_client_ca).toBeUndefined();
    expect(acme.volumes).toHaveLength(1);
    expect(acme.user).toBe("472:0");
    expect(files.user).toBe("472:0");
  });

  it("Authelia holds the digest of Grafana's client secret, and the proxy answers for Grafana's name on the front network", () => {
    const authelia = byName(r, "immich-t-auth");
    expect(upload(authelia, "/secrets/grafana-client-secret-digest")).toMatch(/^\$\{terraform_data\.immich_GrafanaOidcClientSecretDigest_[0-9A-F]{8}\.output\}$/);
    expect(upload(authelia, "/config/configuration.yml")).toContain(`client_secret: {{ secret "/secrets/grafana-client-secret-digest" | msquote }}`);
    expect(byName(r, "immich-t-proxy").networks_advanced[0].aliases).toEqual(["photos.example.com", "auth.example.com", "metrics.example.com"]);
  });

  it("Prometheus scrapes Grafana and probes its certificate", () => {
    const config = parse(upload(byName(r, "immich-t-monitoring-prometheus"), "/etc/prometheus/prometheus.yml").replace(/\$\$\{/g, "${"));
    const job = (name: string) => config.scrape_configs.find((j: any) => j.job_name === name);
    expect(job("grafana").static_configs[0].targets).toEqual(["immich-t-monitoring-grafana:3000"]);
    expect(job("tls").static_configs[0].targets).toEqual(["photos.example.com:443", "auth.example.com:443", "metrics.example.com:443"]);
  });

  it("Prometheus gets what the other monitoring containers leave", () => {
    const p = byName(r, "immich-t-monitoring-prometheus");
    // homelab-minimal's budget scales every service down to fit 16 GiB: 1628 MiB for monitoring, not 1856.
    expect(tuning.memory.components.monitoring.value).toBe(1628);
    expect(p.memory).toBe(1628 - 32 - 5 * 64 - 192 - 256);
    expect(byName(r, "immich-t-monitoring-cadvisor").memory).toBe(192);
    expect(byName(r, "immich-t-monitoring-postgres-role").memory).toBe(32);
    expect(grafana.memory).toBe(256);
  });

  it("without a proxy there is no way to reach Grafana: monitoring runs without it", () => {
    const bare = stack(undefined, false);
    expect(byName(bare, "immich-t-monitoring-grafana")).toBeUndefined();
    expect(byName(bare, "immich-t-monitoring-prometheus")).toBeDefined();
  });
});

describe("grafana.ini", () => {
  const ini = parseIni(renderGrafanaIni({ deploymentName: "home", domain: "metrics.example.com", authDomain: "auth.example.com" }));

  it("lets users in only through Authelia's OIDC: no login form, basic auth, anonymous access or sign-up", () => {
    expect(ini.auth).toMatchObject({ disable_login_form: true });
    expect(ini.auth.basic).toEqual({ enabled: false });
    expect(ini.auth.anonymous).toEqual({ enabled: false });
    expect(ini.users).toMatchObject({ allow_sign_up: false, allow_org_create: false });
    expect(ini.auth.generic_oauth).toMatchObject({
      enabled: true,
      auto_login: true,
      client_id: "grafana",
      auth_url: "https://auth.example.com/api/oidc/authorization",
      token_url: "https://auth.example.com/api/oidc/token",
      api_url: "https://auth.example.com/api/oidc/userinfo",
      auth_style: "InHeader",
      use_pkce: true,
      scopes: "openid profile email groups",
    });
  });

  it("makes admins Grafana admins and refuses anyone else (strict role mapping)", () => {
    expect(ini.auth.generic_oauth).toMatchObject({ role_attribute_path: GRAFANA_ROLE_ATTRIBUTE_PATH, role_attribute_strict: true, allow_assign_grafana_admin: false });
    expect(GRAFANA_ROLE_ATTRIBUTE_PATH).toBe("contains(groups[*], 'admins') && 'Admin'");
  });

  it("reads every secret from a file and phones nowhere home", () => {
    expect(ini.security).toMatchObject({
      admin_password: "$__file{/run/secrets/grafana/admin-password}",
      secret_key: "$__file{/run/secrets/grafana/secret-key}",
      cookie_secure: true,
      allow_embedding: false,
    });
    expect(ini.auth.generic_oauth.client_secret).toBe("$__file{/run/secrets/grafana/oidc-client-secret}");
    expect(ini.analytics).toEqual({ reporting_enabled: false, check_for_updates: false, check_for_plugin_updates: false, feedback_links_enabled: false });
    expect(ini.plugins).toEqual({ preinstall_disabled: true });
    expect(ini.server).toMatchObject({ root_url: "https://metrics.example.com/", http_port: "3000" });
  });
});

describe("Authelia and Caddy for Grafana", () => {
  const input = { title: "t", ingress: ingress(), auth, redis: { host: "r", port: 6379, databaseIndex: 1, username: "authelia" } };

  it("admits only the admins group to Grafana's host name, with a second factor, and registers Grafana's client", () => {
    const config = autheliaConfigObject({ ...input, monitoringDomain: "metrics.example.com" }) as any;
    expect(config.access_control.rules).toEqual([
      { domain: "photos.example.com", policy: "two_factor" },
      { domain: "metrics.example.com", policy: "two_factor", subject: ["group:admins"] },
    ]);
    expect(config.identity_providers.oidc.authorization_policies).toEqual({ admins_only: { default_policy: "deny", rules: [{ policy: "two_factor", subject: "group:admins" }] } });
    expect(config.identity_providers.oidc.clients[1]).toMatchObject({
      client_id: "grafana",
      authorization_policy: "admins_only",
      redirect_uris: [grafanaRedirectUri("metrics.example.com")],
      token_endpoint_auth_method: "client_secret_basic",
      require_pkce: true,
      pkce_challenge_method: "S256",
    });
    expect(grafanaRedirectUri("metrics.example.com")).toBe("https://metrics.example.com/login/generic_oauth");
  });

  it("without monitoring: no Grafana rule, policy, client or digest", () => {
    const config = autheliaConfigObject(input) as any;
    expect(config.access_control.rules).toHaveLength(1);
    expect(config.identity_providers.oidc.authorization_policies).toBeUndefined();
    expect(config.identity_providers.oidc.clients).toHaveLength(1);
    expect(renderAutheliaConfig(input)).not.toContain("grafana");
  });

  it("Caddy asks Authelia before it proxies to Grafana, and turns on request metrics with the metrics site", () => {
    const caddyfile = renderCaddyfile({
      title: "t",
      ingress: ingress(),
      immichUpstream: "server:2283",
      autheliaUpstream: "auth:9091",
      grafana: { domain: "metrics.example.com", upstream: "grafana:3000" },
      metricsPort: 2020,
    });
    expect(caddyfile).toContain(
      [
        "metrics.example.com {",
        "\timport tls_policy",
        "\timport security_headers",
        "\timport strip_identity_headers",
        "\tforward_auth auth:9091 {",
        "\t\turi /api/authz/forward-auth",
        "\t\theader_up -Remote-User",
        "\t\theader_up -Remote-Groups",
        "\t\theader_up -Remote-Email",
        "\t\theader_up -Remote-Name",
        "\t}",
        "\treverse_proxy grafana:3000",
        "}",
      ].join("\n"),
    );
    expect(caddyfile).toMatch(/\n\{\n(\t.*\n)*\tmetrics\n(\t.*\n)*\}\n/);
    expect(renderCaddyfile({ title: "t", ingress: ingress(), immichUpstream: "s:1", autheliaUpstream: "a:2" })).not.toMatch(/metrics|forward_auth/);
  });
});
