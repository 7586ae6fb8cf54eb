import { createPrivateKey } from "node:crypto";
import { parse as parseDomain } from "tldts";

/**
 * Rules Authelia 4.39 enforces at start-up that its JSON schema does not express
 * [authelia internal/configuration/validator]. Checked on the configuration as Authelia will read it
 * (templates rendered) plus the environment it gets. Returns one message per problem.
 */
export function checkAutheliaRules(config: Record<string, any>, env: Readonly<Record<string, string>> = {}): string[] {
  const problems: string[] = [];
  const ac = config.access_control ?? {};
  if ((ac.default_policy ?? "deny") === "deny" && !(ac.rules?.length > 0)) {
    problems.push("access_control: default_policy deny needs at least one rule");
  }
  const inlineKey = config.storage?.encryption_key;
  if (inlineKey !== undefined && String(inlineKey).length < 20) problems.push("storage.encryption_key: must be at least 20 characters");
  if (config.session?.redis && config.session?.secret === undefined && !env.AUTHELIA_SESSION_SECRET_FILE) {
    problems.push("session.secret: required when sessions are stored in Redis");
  }
  const one = (section: string, value: Record<string, unknown> | undefined, options: string[]) => {
    const present = options.filter((o) => value?.[o] !== undefined);
    if (present.length !== 1) problems.push(`${section}: exactly one of ${options.join(", ")} (got ${present.length ? present.join(", ") : "none"})`);
  };
  one("authentication_backend", config.authentication_backend, ["file", "ldap"]);
  one("storage", config.storage, ["local", "postgres", "mysql"]);
  one("notifier", config.notifier, ["filesystem", "smtp"]);

  (config.session?.cookies ?? []).forEach((c: Record<string, string>, i: number) => {
    const at = `session.cookies[${i}]`;
    const d = c.domain ?? "";
    if (!d.includes(".") || d === "localhost") problems.push(`${at}.domain: must contain a dot and not be localhost (got "${d}")`);
    else if (d.startsWith(".") || d.includes(":")) problems.push(`${at}.domain: no leading dot and no port (got "${d}")`);
    else if (parseDomain(d, { allowPrivateDomains: true }).publicSuffix === d) problems.push(`${at}.domain: "${d}" is a public suffix`);
    const inDomain = (url: string) => {
      try {
        const u = new URL(url);
        return u.protocol === "https:" && (u.hostname === d || u.hostname.endsWith(`.${d}`));
      } catch {
        return false;
      }
    };
    if (!inDomain(c.authelia_url ?? "")) problems.push(`${at}.authelia_url: must be an https URL inside ${d} (got "${c.authelia_url}")`);
    if (c.default_redirection_url !== undefined) {
      if (!c.default_redirection_url.startsWith("https://")) problems.push(`${at}.default_redirection_url: must be https`);
      if (c.default_redirection_url === c.authelia_url) problems.push(`${at}.default_redirection_url: must differ from authelia_url`);
    }
  });
  if (config.default_redirection_url !== undefined && config.session?.cookies?.length) {
    problems.push("default_redirection_url: the global key cannot be combined with session.cookies");
  }

  const toSeconds = (v: unknown): number | undefined => {
    const m = /^(\d+)\s*(s|m|h|d|second|seconds|minute|minutes|hour|hours|day|days)?$/.exec(String(v ?? ""));
    if (!m) return undefined;
    const unit = (m[2] ?? "s")[0];
    return Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[unit!]!;
  };
  const reg = config.regulation;
  if (reg?.find_time !== undefined && reg?.ban_time !== undefined) {
    const find = toSeconds(reg.find_time);
    const ban = toSeconds(reg.ban_time);
    if (find !== undefined && ban !== undefined && find > ban) problems.push("regulation.find_time: must not exceed ban_time");
  }

  const oidc = config.identity_providers?.oidc;
  if (oidc) {
    const rs256 = (oidc.jwks ?? []).filter((k: Record<string, string>) => (k.algorithm ?? "RS256") === "RS256");
    if (rs256.length === 0) problems.push("identity_providers.oidc.jwks: needs an RS256 key");
    for (const [i, k] of (oidc.jwks ?? []).entries()) {
      if (!/^[A-Za-z0-9._~-]{1,100}$/.test(k.key_id ?? "")) problems.push(`identity_providers.oidc.jwks[${i}].key_id: RFC 3986 unreserved characters, at most 100`);
      try {
        const key = createPrivateKey(String(k.key));
        const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
        if (key.asymmetricKeyType !== "rsa" || bits < 2048) problems.push(`identity_providers.oidc.jwks[${i}].key: RS256 needs an RSA key of at least 2048 bits (got ${key.asymmetricKeyType} ${bits})`);
      } catch {
        problems.push(`identity_providers.oidc.jwks[${i}].key: not a parseable private key`);
      }
    }
    const declared = new Set(Object.keys(oidc.scopes ?? {}));
    for (const name of declared) {
      if (["openid", "offline_access", "profile", "email", "address", "phone", "groups"].includes(name) || name.startsWith("authelia.")) {
        problems.push(`identity_providers.oidc.scopes.${name}: custom scopes may not reuse a standard name or start with authelia.`);
      }
    }
    (oidc.clients ?? []).forEach((c: Record<string, any>, i: number) => {
      if (!c.public && !c.client_secret) problems.push(`identity_providers.oidc.clients[${i}].client_secret: confidential clients need a secret`);
      if (c.client_secret && !String(c.client_secret).startsWith("$")) problems.push(`identity_providers.oidc.clients[${i}].client_secret: store a digest, not the plaintext`);
    });
  }

  // A secret set both inline and through a *_FILE variable stops Authelia.
  const fileVars: Record<string, (c: Record<string, any>) => unknown> = {
    AUTHELIA_SESSION_SECRET_FILE: (c) => c.session?.secret,
    AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE: (c) => c.storage?.encryption_key,
    AUTHELIA_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE: (c) => c.identity_providers?.oidc?.hmac_secret,
    AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE: (c) => c.notifier?.smtp?.password,
    AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET_FILE: (c) => c.identity_validation?.reset_password?.jwt_secret,
  };
  for (const [envVar, get] of Object.entries(fileVars)) {
    if (env[envVar] && get(config) !== undefined) problems.push(`${envVar}: the same secret is also set in the file; remove one`);
  }
  return problems;
}
