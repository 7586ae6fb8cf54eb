import type { AdminConfigDto } from "@immich/sdk";
import { immichConfigFromTuning } from "../tuning/immich-config.js";
import type { Tuning } from "../tuning/tuning.js";

/** Partial at every level (Immich deep-merges the file over its defaults); enums accept their string values. */
export type DeepPartial<T> = T extends string
  ? T | `${T}`
  : T extends readonly (infer U)[]
    ? readonly DeepPartial<U>[]
    : T extends object
      ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** The content of Immich's config file (`IMMICH_CONFIG_FILE`), typed by the SDK's `AdminConfigDto` (@immich/sdk 3.2.2, the pinned release; named SystemConfigDto up to 3.1). */
export type ImmichConfig = DeepPartial<AdminConfigDto>;

export interface ImmichOAuthSettings {
  /** `https://auth.example.com` (Immich appends the discovery path). */
  readonly issuerUrl: string;
  readonly clientId: string;
  /** The plaintext client secret: a reference to a sensitive value in synth, a placeholder in render. */
  readonly clientSecret: string;
  /** Must equal the client's `token_endpoint_auth_method` at the IdP. */
  readonly tokenEndpointAuthMethod: "client_secret_post" | "client_secret_basic";
  /** Must equal the client's `id_token_signed_response_alg`. */
  readonly signingAlgorithm: string;
  /** Must equal the client's `userinfo_signed_response_alg`. */
  readonly profileSigningAlgorithm: string;
  /** Extra scope carrying the role claim. */
  readonly roleScope: string;
  /** Keep Immich's password login (then logins can skip the IdP's MFA). */
  readonly passwordLogin: boolean;
}

export interface ImmichSiteSettings {
  /** When Immich dumps its database and how many dumps it keeps. @default - Immich's: daily at 02:00, keep 14 */
  readonly databaseBackup?: { readonly cronExpression: string; readonly keepLastAmount: number };
  /** Public hostname, e.g. photos.example.com. */
  readonly domain: string;
  /** URLs of the machine-learning services, tried in order. */
  readonly machineLearningUrls: readonly string[];
  /** Login through an OpenID Connect provider. @default - Immich's own password login only */
  readonly oauth?: ImmichOAuthSettings;
  /** Immich's file watcher for external libraries (`library.watch.enabled`). @default - Immich's (off) */
  readonly libraryWatch?: boolean;
}

/** Immich's `oauth` section for a provider, consistent with the provider's client settings. */
export function immichOAuthConfig(domain: string, o: ImmichOAuthSettings): ImmichConfig["oauth"] {
  return {
    enabled: true,
    issuerUrl: o.issuerUrl,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    scope: `openid email profile ${o.roleScope}`,
    signingAlgorithm: o.signingAlgorithm,
    profileSigningAlgorithm: o.profileSigningAlgorithm,
    tokenEndpointAuthMethod: o.tokenEndpointAuthMethod,
    roleClaim: "immich_role",
    autoRegister: true,
    // Without password login the IdP is the only way in: skip Immich's login page.
    autoLaunch: !o.passwordLogin,
    buttonText: "Sign in with Authelia",
    // An https redirect works with every IdP; Immich forwards it to app.immich:///oauth-callback.
    mobileOverrideEnabled: true,
    mobileRedirectUri: `https://${domain}/api/oauth/mobile-redirect`,
  };
}

/** The config file from the tuning (jobs, ffmpeg) and the site (domain, ML URLs). */
export function buildImmichConfig(tuning: Tuning, site: ImmichSiteSettings): ImmichConfig {
  const hw = immichConfigFromTuning(tuning);
  return {
    server: { externalDomain: `https://${site.domain}` },
    machineLearning: { enabled: site.machineLearningUrls.length > 0, urls: [...site.machineLearningUrls] },
    job: hw.job,
    ffmpeg: hw.ffmpeg,
    // Immich's own dumps, on the off-site schedule when the deployment sets one (Immich's defaults otherwise).
    backup: { database: { enabled: true, cronExpression: site.databaseBackup?.cronExpression ?? "0 02 * * *", keepLastAmount: site.databaseBackup?.keepLastAmount ?? 14 } },
    ...(site.oauth
      ? { oauth: immichOAuthConfig(site.domain, site.oauth), passwordLogin: { enabled: site.oauth.passwordLogin } }
      : {}),
    ...(site.libraryWatch !== undefined ? { library: { watch: { enabled: site.libraryWatch } } } : {}),
  } satisfies ImmichConfig;
}

/** Stable JSON text (Immich reads JSON or YAML). */
export function renderImmichConfig(config: ImmichConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
