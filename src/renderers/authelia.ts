import { Document, isScalar, stringify, visit } from "yaml";
import { ADMIN_GROUP, type AuthSettings, type AuthUser, type IngressSettings } from "../ingress/site.js";

/** Where secret files are mounted in the Authelia container. */
export const AUTHELIA_SECRETS_DIR = "/secrets";
export const AUTHELIA_CONFIG_PATH = "/config/configuration.yml";
export const AUTHELIA_USERS_PATH = "/config/users_database.yml";
export const AUTHELIA_PORT = 9091;

/** The OIDC client Immich uses. Its settings must match Immich's `oauth` section (see immichOAuthConfig). */
export const IMMICH_OIDC_CLIENT = {
  clientId: "immich",
  /** Immich's default; Authelia's client must use the same method. */
  tokenEndpointAuthMethod: "client_secret_post",
  /** id_token signature (Immich `oauth.signingAlgorithm`). */
  idTokenSigningAlg: "RS256",
  /** userinfo signature (Immich `oauth.profileSigningAlgorithm`). */
  userinfoSigningAlg: "none",
  /** Custom scope carrying `immich_role`, which Immich reads at every login (immich-app/immich#29991): leaving `admins` demotes at the next login. */
  roleScope: "immich_role",
} as const;

/** Secret files the container gets, by the Authelia key they feed. */
export const AUTHELIA_SECRET_FILES = {
  sessionSecret: { file: "session-secret", env: "AUTHELIA_SESSION_SECRET_FILE" },
  storageEncryptionKey: { file: "storage-encryption-key", env: "AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE" },
  oidcHmacSecret: { file: "oidc-hmac-secret", env: "AUTHELIA_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE" },
  smtpPassword: { file: "smtp-password", env: "AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE" },
  redisPassword: { file: "redis-password", env: "AUTHELIA_SESSION_REDIS_PASSWORD_FILE" },
  // No _FILE variant exists for these two: the template filter reads them ({{ secret "…" }}).
  oidcJwksKey: { file: "oidc-jwks-key.pem", env: undefined },
  oidcClientSecretDigest: { file: "oidc-client-secret-digest", env: undefined },
  grafanaClientSecretDigest: { file: "grafana-client-secret-digest", env: undefined },
} as const;

/** The OIDC client Grafana uses (its `[auth.generic_oauth]` section must match, see renderGrafanaIni). */
export const GRAFANA_OIDC_CLIENT = {
  clientId: "grafana",
  /** Grafana sends the secret in the Authorization header (`auth_style = InHeader`). */
  tokenEndpointAuthMethod: "client_secret_basic",
  scopes: ["openid", "profile", "email", "groups"],
  /** Authelia's authorization policy for this client: only the admins group, with a second factor. */
  authorizationPolicy: "admins_only",
} as const;

/** Grafana's OAuth callback on its own host name. */
export function grafanaRedirectUri(monitoringDomain: string): string {
  return `https://${monitoringDomain}/login/generic_oauth`;
}

export type AutheliaSecret = keyof typeof AUTHELIA_SECRET_FILES;

export function secretPath(s: AutheliaSecret): string {
  return `${AUTHELIA_SECRETS_DIR}/${AUTHELIA_SECRET_FILES[s].file}`;
}

export interface AutheliaConfigInput {
  readonly title: string;
  readonly ingress: IngressSettings;
  readonly auth: AuthSettings;
  /** The session store: its ACL user's password is a file (AUTHELIA_SESSION_REDIS_PASSWORD_FILE). */
  readonly redis: { readonly host: string; readonly port: number; readonly databaseIndex: number; readonly username: string };
  /** Grafana's host name: admins only, and Grafana's OIDC client. @default - no monitoring */
  readonly monitoringDomain?: string;
  /** @default "info" */
  readonly logLevel?: "error" | "warn" | "info" | "debug";
}

/** The redirect URIs Immich uses: web login, account linking, the mobile forwarder and the app scheme. */
export function immichRedirectUris(domain: string): string[] {
  return [`https://${domain}/auth/login`, `https://${domain}/user-settings`, `https://${domain}/api/oauth/mobile-redirect`, "app.immich:///oauth-callback"];
}

const JWKS_PLACEHOLDER = "__IMMICH_IAC_JWKS_KEY__";
const DIGEST_PLACEHOLDER = "__IMMICH_IAC_CLIENT_SECRET_DIGEST__";
const GRAFANA_DIGEST_PLACEHOLDER = "__IMMICH_IAC_GRAFANA_CLIENT_SECRET_DIGEST__";

/** The configuration as data, with placeholders where the template filter inserts secrets. */
export function autheliaConfigObject(input: AutheliaConfigInput): Record<string, unknown> {
  const { ingress, auth } = input;
  const metrics = input.monitoringDomain;
  const admins = `group:${ADMIN_GROUP}`;
  const notifier =
    auth.notifier.mode === "smtp"
      ? { smtp: { address: auth.notifier.address, username: auth.notifier.username, sender: auth.notifier.sender } }
      : { filesystem: { filename: "/data/notification.txt" } };
  return {
    theme: "auto",
    server: { address: `tcp://:${AUTHELIA_PORT}/` },
    log: { level: input.logLevel ?? "info", format: "text" },
    authentication_backend: {
      // Users live in the deployment file; a reset in the portal would be overwritten by the next deploy.
      password_reset: { disable: true },
      file: {
        path: AUTHELIA_USERS_PATH,
        watch: false,
        password: {
          algorithm: "argon2",
          argon2: { variant: "argon2id", iterations: 3, memory: 65536, parallelism: 4, key_length: 32, salt_length: 16 },
        },
      },
    },
    totp: { issuer: ingress.domain },
    webauthn: { display_name: `Immich (${ingress.domain})` },
    access_control: {
      default_policy: "deny",
      rules: [
        { domain: ingress.domain, policy: "two_factor" },
        // Metrics reveal the whole system: admins only (everyone else meets the default deny).
        ...(metrics ? [{ domain: metrics, policy: "two_factor", subject: [admins] }] : []),
      ],
    },
    session: {
      cookies: [
        {
          domain: ingress.cookieDomain,
          authelia_url: `https://${ingress.authDomain}`,
          default_redirection_url: `https://${ingress.domain}`,
        },
      ],
      redis: { host: input.redis.host, port: input.redis.port, username: input.redis.username, database_index: input.redis.databaseIndex },
    },
    regulation: { max_retries: 5, find_time: "2 minutes", ban_time: "10 minutes" },
    storage: { local: { path: "/data/db.sqlite3" } },
    notifier,
    definitions: {
      user_attributes: { immich_role: { expression: `"${ADMIN_GROUP}" in groups ? "admin" : "user"` } },
    },
    identity_providers: {
      oidc: {
        jwks: [{ key_id: "immich-iac", algorithm: "RS256", use: "sig", key: JWKS_PLACEHOLDER }],
        enforce_pkce: "public_clients_only",
        claims_policies: { immich: { custom_claims: { immich_role: { attribute: "immich_role" } } } },
        scopes: { [IMMICH_OIDC_CLIENT.roleScope]: { claims: ["immich_role"] } },
        ...(metrics
          ? { authorization_policies: { [GRAFANA_OIDC_CLIENT.authorizationPolicy]: { default_policy: "deny", rules: [{ policy: "two_factor", subject: admins }] } } }
          : {}),
        clients: [
          {
            client_id: IMMICH_OIDC_CLIENT.clientId,
            client_name: "Immich",
            client_secret: DIGEST_PLACEHOLDER,
            public: false,
            authorization_policy: "two_factor",
            require_pkce: true,
            pkce_challenge_method: "S256",
            redirect_uris: immichRedirectUris(ingress.domain),
            scopes: ["openid", "profile", "email", IMMICH_OIDC_CLIENT.roleScope],
            claims_policy: "immich",
            response_types: ["code"],
            grant_types: ["authorization_code"],
            access_token_signed_response_alg: "none",
            id_token_signed_response_alg: IMMICH_OIDC_CLIENT.idTokenSigningAlg,
            userinfo_signed_response_alg: IMMICH_OIDC_CLIENT.userinfoSigningAlg,
            token_endpoint_auth_method: IMMICH_OIDC_CLIENT.tokenEndpointAuthMethod,
          },
          ...(metrics
            ? [
                {
                  client_id: GRAFANA_OIDC_CLIENT.clientId,
                  client_name: "Grafana",
                  client_secret: GRAFANA_DIGEST_PLACEHOLDER,
                  public: false,
                  authorization_policy: GRAFANA_OIDC_CLIENT.authorizationPolicy,
                  require_pkce: true,
                  pkce_challenge_method: "S256",
                  redirect_uris: [grafanaRedirectUri(metrics)],
                  scopes: [...GRAFANA_OIDC_CLIENT.scopes],
                  response_types: ["code"],
                  grant_types: ["authorization_code"],
                  access_token_signed_response_alg: "none",
                  userinfo_signed_response_alg: "none",
                  token_endpoint_auth_method: GRAFANA_OIDC_CLIENT.tokenEndpointAuthMethod,
                },
              ]
            : []),
        ],
      },
    },
  };
}

/**
 * `configuration.yml` (Authelia 4.39 keys). It holds no secret: the secrets arrive as files, through
 * `*_FILE` variables or, where Authelia has none (JWKS key, client secret digest), the template filter.
 */
export function renderAutheliaConfig(input: AutheliaConfigInput): string {
  const doc = new Document(autheliaConfigObject(input));
  // A text such as an SMTP user called "NaN" is a string; quoted, no YAML reader (or reviewer) takes it for a number.
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === "string" && /^[-+]?(nan|inf|infinity)$/i.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  const text = doc.toString({ lineWidth: 0 });
  const lines = text.split("\n").map((line) => {
    if (line.includes(JWKS_PLACEHOLDER)) {
      const indent = line.length - line.trimStart().length;
      return line.replace(JWKS_PLACEHOLDER, `{{ secret "${secretPath("oidcJwksKey")}" | mindent ${indent + 2} "|" | msquote }}`);
    }
    return line
      .replace(GRAFANA_DIGEST_PLACEHOLDER, `{{ secret "${secretPath("grafanaClientSecretDigest")}" | msquote }}`)
      .replace(DIGEST_PLACEHOLDER, `{{ secret "${secretPath("oidcClientSecretDigest")}" | msquote }}`);
  });
  return [`# Generated by immich-iac for ${input.title}. Do not edit: change the deployment and re-deploy.`, ...lines].join("\n");
}

/** The environment that feeds secrets as files and turns the template filter on. */
export function autheliaEnv(auth: AuthSettings, timezone: string): Record<string, string> {
  const env: Record<string, string> = {
    X_AUTHELIA_CONFIG: AUTHELIA_CONFIG_PATH,
    X_AUTHELIA_CONFIG_FILTERS: "template",
    TZ: timezone,
  };
  for (const key of ["sessionSecret", "storageEncryptionKey", "oidcHmacSecret", "redisPassword"] as const) env[AUTHELIA_SECRET_FILES[key].env] = secretPath(key);
  if (auth.notifier.mode === "smtp") env[AUTHELIA_SECRET_FILES.smtpPassword.env] = secretPath("smtpPassword");
  return env;
}

/** `users_database.yml`: argon2id hashes only, never passwords. */
export function renderAutheliaUsers(users: readonly AuthUser[], title: string): string {
  const doc = {
    users: Object.fromEntries(
      users.map((u) => [u.name, { displayname: u.displayName, password: u.passwordHash, email: u.email, groups: [...u.groups], disabled: false }]),
    ),
  };
  return `# Generated by immich-iac for ${title}. Do not edit: change the deployment and re-deploy.\n${stringify(doc, { lineWidth: 0 })}`;
}
