import type { IngressSettings } from "../ingress/site.js";
import { IMMICH_HELMET_DIRECTIVES } from "./immich-helmet.js";

/**
 * What we add to Immich's own policy (IMMICH_HELMET_DIRECTIVES, vendored from its server/helmet.json): the helmet
 * defaults Immich's file does not repeat and that no header of ours would otherwise carry, and directives stricter
 * than upstream's. Caddy sends the one header; IMMICH_HELMET_FILE stays unset so the browser never gets two.
 */
export const CSP_ADDITIONS: Readonly<Record<string, readonly string[]>> = {
  // Map tiles as images (the map style's raster sources).
  "img-src": ["https://tiles.immich.cloud"],
  // Video and audio from Immich itself, blob: (the video player's buffers) and data: (placeholders).
  "media-src": ["'self'", "blob:", "data:"],
  // Fonts from Immich and inline data: fonts.
  "font-src": ["'self'", "data:"],
  // helmet's default, which Immich sends when it sends its own header: no inline event-handler attributes.
  "script-src-attr": ["'none'"],
  // Stricter than upstream (helmet's default is 'self'): no framing of Immich at all (clickjacking).
  "frame-ancestors": ["'none'"],
  // helmet's default: forms post only to Immich.
  "form-action": ["'self'"],
};

/** Upstream writes the schemes quoted in some releases ('data:', 'blob:'), which browsers ignore: the schemes are meant. */
const unquoteScheme = (src: string) => src.replace(/^'(data:|blob:)'$/, "$1");

/**
 * The Content-Security-Policy of the Immich web app: every directive and source of the helmet.json of the Immich
 * release we deploy (IMMICH_HELMET_SOURCE), then CSP_ADDITIONS; nothing upstream allows is dropped.
 */
export const IMMICH_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = (() => {
  const merged = new Map<string, string[]>();
  for (const [directive, sources] of Object.entries(IMMICH_HELMET_DIRECTIVES)) merged.set(directive, sources.map(unquoteScheme));
  for (const [directive, sources] of Object.entries(CSP_ADDITIONS)) {
    const current = merged.get(directive) ?? [];
    merged.set(directive, [...current, ...sources.filter((src) => !current.includes(src))]);
  }
  return Object.fromEntries(merged);
})();

export const IMMICH_CSP = Object.entries(IMMICH_CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
  .join("; ");

/** Authelia's forward-auth endpoint (4.38+, on by default) [AUTH configuration/miscellaneous/server-endpoints-authz.md]. */
export const AUTHELIA_FORWARD_AUTH_PATH = "/api/authz/forward-auth";

/** Header names a client could send to impersonate a user behind an auth proxy. */
export const SPOOFABLE_HEADERS = ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"] as const;

export interface CaddyfileInput {
  /** For the header comment. */
  readonly title: string;
  readonly ingress: IngressSettings;
  /** `host:port` of the Immich API server. */
  readonly immichUpstream: string;
  /** `host:port` of Authelia. */
  readonly autheliaUpstream: string;
  /** Where the certificate and key are inside the proxy container (TLS mode `files`). */
  readonly tlsFiles?: { readonly certificate: string; readonly key: string };
  /**
   * Grafana's site: every request asks Authelia first (forward auth; the access rules admit admins only),
   * then Grafana logs the user in through OIDC. @default - no Grafana site
   */
  readonly grafana?: { readonly domain: string; readonly upstream: string };
  /** A plain-HTTP site serving only Caddy's Prometheus metrics, for the monitoring network (never published). @default - none */
  readonly metricsPort?: number;
  /** Listening ports. @default 80 and 443 */
  readonly httpPort?: number;
  readonly httpsPort?: number;
}

/**
 * A Caddyfile for the deployed Caddy (CADDY_IMAGE, 2.10; the tests run that release, built from the Go module
 * proxy): header changes in `defer` blocks, TLS 1.3 only, no body or timeout limits (Caddy's defaults are
 * unlimited; uploads are multi-gigabyte), tab indentation (what `caddy fmt` writes).
 */
export function renderCaddyfile(input: CaddyfileInput): string {
  const { ingress } = input;
  const tls = tlsDirective(input);
  const global: string[] = [];
  if (ingress.tls.mode === "acme" && ingress.tls.email) global.push(`\temail ${ingress.tls.email}`);
  if (ingress.tls.mode === "internal") global.push("\tskip_install_trust");
  if (input.httpPort !== undefined) global.push(`\thttp_port ${input.httpPort}`);
  if (input.httpsPort !== undefined) global.push(`\thttps_port ${input.httpsPort}`);
  // Caddy ≥ 2.8 counts HTTP requests only when asked; without `per_host`, a client's Host header cannot add series.
  if (input.metricsPort !== undefined) global.push("\tmetrics");
  global.push(
    "\tservers {",
    `\t\tprotocols ${ingress.http3 ? "h1 h2 h3" : "h1 h2"}`,
    "\t\ttimeouts {",
    // Slow headers are an attack; slow bodies are a phone uploading a video over a bad link.
    "\t\t\tread_header 1m",
    "\t\t}",
    "\t}",
  );
  const lines = [
    `# Generated by immich-iac for ${input.title}. Do not edit: change the deployment and re-deploy.`,
    "{",
    ...global,
    "}",
    "",
    "(tls_policy) {",
    `\t${tls} {`,
    "\t\tprotocols tls1.3",
    "\t}",
    "}",
    "",
    "(security_headers) {",
    "\theader {",
    "\t\tdefer",
    '\t\tStrict-Transport-Security "max-age=31536000; includeSubDomains"',
    '\t\tX-Content-Type-Options "nosniff"',
    '\t\tReferrer-Policy "same-origin"',
    '\t\tPermissions-Policy "camera=(), microphone=(), payment=(), usb=()"',
    "\t\t-Server",
    "\t}",
    "}",
    "",
    "(strip_identity_headers) {",
    ...SPOOFABLE_HEADERS.map((h) => `\trequest_header -${h}`),
    "}",
    "",
    `${ingress.domain} {`,
    "\timport tls_policy",
    "\timport security_headers",
    "\timport strip_identity_headers",
    "\theader {",
    "\t\tdefer",
    `\t\tContent-Security-Policy "${IMMICH_CSP}"`,
    "\t}",
    // Everything, /.well-known/immich and websockets included, goes to Immich; OIDC + MFA guard the logins.
    // Caddy sets X-Forwarded-For/-Proto/-Host itself; Immich's reverse-proxy docs ask for X-Real-IP too.
    `\treverse_proxy ${input.immichUpstream} {`,
    "\t\theader_up X-Real-IP {remote_host}",
    "\t}",
    "}",
    "",
    `${ingress.authDomain} {`,
    "\timport tls_policy",
    "\timport security_headers",
    "\timport strip_identity_headers",
    `\treverse_proxy ${input.autheliaUpstream}`,
    "}",
    ...(input.grafana
      ? [
          "",
          `${input.grafana.domain} {`,
          "\timport tls_policy",
          "\timport security_headers",
          "\timport strip_identity_headers",
          `\tforward_auth ${input.autheliaUpstream} {`,
          `\t\turi ${AUTHELIA_FORWARD_AUTH_PATH}`,
          // Caddy runs forward_auth before request_header, so strip_identity_headers never reaches Authelia's request.
          ...SPOOFABLE_HEADERS.map((h) => `\t\theader_up -${h}`),
          "\t}",
          `\treverse_proxy ${input.grafana.upstream}`,
          "}",
        ]
      : []),
    ...(input.metricsPort !== undefined ? ["", `http://:${input.metricsPort} {`, "\tmetrics", "}"] : []),
  ];
  return `${lines.join("\n")}\n`;
}

function tlsDirective(input: CaddyfileInput): string {
  const tls = input.ingress.tls;
  switch (tls.mode) {
    case "acme":
      return "tls";
    case "internal":
      return "tls internal";
    case "files":
      if (!input.tlsFiles) throw new Error("renderCaddyfile: TLS mode files needs tlsFiles (container paths of certificate and key)");
      return `tls ${input.tlsFiles.certificate} ${input.tlsFiles.key}`;
  }
}
