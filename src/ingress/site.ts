import { parse as parseDomain } from "tldts";

/** How the proxy gets its certificate. */
export type TlsSettings =
  | { readonly mode: "acme"; readonly email?: string }
  | { readonly mode: "internal" }
  | {
      readonly mode: "files";
      readonly certificateFile: string;
      readonly keyFile: string;
      /** PEM of the private CA that signed the certificate, for containers that call the public URLs (the Immich server's OIDC discovery). */
      readonly caFile?: string;
    };

export interface IngressSettings {
  /** Immich's public host name. */
  readonly domain: string;
  /** Authelia's portal and OIDC issuer host name. */
  readonly authDomain: string;
  /** Authelia's session cookie domain: the common parent of both. */
  readonly cookieDomain: string;
  readonly tls: TlsSettings;
  /** HTTP/3 on 443/udp. */
  readonly http3: boolean;
}

export interface AuthUser {
  readonly name: string;
  readonly displayName: string;
  readonly email: string;
  readonly groups: readonly string[];
  /** argon2id PHC string. */
  readonly passwordHash: string;
}

export type NotifierSettings =
  | { readonly mode: "filesystem" }
  | { readonly mode: "smtp"; readonly address: string; readonly username: string; readonly sender: string };

export interface AuthSettings {
  readonly users: readonly AuthUser[];
  /** Immich's own password login stays enabled (logins then bypass Authelia's MFA). */
  readonly immichPasswordLogin: boolean;
  readonly notifier: NotifierSettings;
}

/** Members of this Authelia group become Immich admins when their Immich account is created. */
export const ADMIN_GROUP = "admins";

/** `photos.example.com` → `auth.example.com`; `example.com` → `auth.example.com`; `example.co.uk` → `auth.example.co.uk`. */
export function defaultAuthDomain(domain: string): string {
  return siblingHost("auth", domain);
}

/**
 * `<label>.<parent of domain>` while that parent is still inside the domain's registrable domain (what its owner
 * controls), else `<label>.<domain>`: a derived host name is never someone else's (`example.com` never gives
 * `metrics.com`, `example.co.uk` never `auth.co.uk`). The public suffix list decides, private suffixes included.
 */
export function siblingHost(label: string, domain: string): string {
  const registrable = parseDomain(domain, { allowPrivateDomains: true }).domain;
  const parent = domain.slice(domain.indexOf(".") + 1);
  const parentIsOurs = registrable !== null && (parent === registrable || parent.endsWith(`.${registrable}`));
  return parentIsOurs ? `${label}.${parent}` : `${label}.${domain}`;
}

/**
 * The cookie domain Authelia needs: the longest common parent of both host names. It must contain a dot
 * and must not be a public suffix, or browsers refuse the cookie [Authelia session validator].
 */
export function cookieDomainFor(domain: string, authDomain: string): { cookieDomain: string } | { problem: string } {
  const a = domain.split(".").reverse();
  const b = authDomain.split(".").reverse();
  const common: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) common.push(a[i]!);
  const cookieDomain = common.reverse().join(".");
  if (!cookieDomain.includes(".")) {
    return { problem: `"${domain}" and "${authDomain}" share no parent domain with a dot (expected both under one domain like example.com, got "${cookieDomain || "none"}")` };
  }
  const info = parseDomain(cookieDomain, { allowPrivateDomains: true });
  if (info.publicSuffix === cookieDomain) {
    return { problem: `their common parent "${cookieDomain}" is a public suffix, so no browser accepts a session cookie for it (expected a registrable domain like example.co.uk)` };
  }
  return { cookieDomain };
}

/** The SMTP URL form the auth notifier takes: `scheme://host[:port]`, scheme smtp, submission(s) or smtps. */
export const SMTP_ADDRESS = /^(smtp|submission|submissions|smtps):\/\/([^:/]+)(?::(\d+))?$/;
