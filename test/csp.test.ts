import { describe, expect, it } from "vitest";
import { IMMICH_CSP, IMMICH_CSP_DIRECTIVES } from "../src/renderers/caddyfile.js";

/**
 * What Immich's web app is allowed by Immich itself: `server/helmet.json` of immich-app/immich @ 2092175
 * (contentSecurityPolicy.directives), with the quoted schemes upstream writes in img-src ('data:', 'blob:')
 * read as the schemes they mean. media-src data: is from the same comparison (issue "Current Immich", item 2).
 */
const UPSTREAM: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'", "https://www.gstatic.com"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "connect-src": ["'self'", "blob:", "https://pay.futo.org", "https://static.immich.cloud", "https://tiles.immich.cloud"],
  "media-src": ["data:"],
  "worker-src": ["'self'", "blob:"],
  "frame-src": ["'none'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
};

describe("Content-Security-Policy against Immich's own helmet.json", () => {
  it.each(Object.entries(UPSTREAM))("%s allows everything Immich allows", (directive, sources) => {
    expect(IMMICH_CSP_DIRECTIVES[directive]).toEqual(expect.arrayContaining([...sources]));
  });

  it("keeps our stricter extras: no framing of Immich, forms only to Immich", () => {
    expect(IMMICH_CSP_DIRECTIVES["frame-ancestors"]).toEqual(["'none'"]);
    expect(IMMICH_CSP_DIRECTIVES["form-action"]).toEqual(["'self'"]);
  });

  it("allows nothing wide: no wildcard, no plain http, no unsafe-eval, only the hosts Immich names", () => {
    const hosts = new Set(Object.values(UPSTREAM).flat().filter((src) => src.startsWith("https://")));
    for (const [directive, sources] of Object.entries(IMMICH_CSP_DIRECTIVES)) {
      for (const src of sources) {
        expect(`${directive} ${src}`).not.toMatch(/\*|http:|'unsafe-eval'/);
        if (src.startsWith("https://")) expect(hosts.has(src), `${directive} ${src}`).toBe(true);
      }
    }
  });

  it("is one header value, directive by directive", () => {
    expect(IMMICH_CSP.split("; ")).toContain("connect-src 'self' blob: https://tiles.immich.cloud https://static.immich.cloud https://pay.futo.org");
    expect(IMMICH_CSP.split("; ")).toContain("script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' https://www.gstatic.com");
    expect(IMMICH_CSP.split("; ")).toContain("media-src 'self' blob: data:");
  });
});
