import { createHash } from "node:crypto";
import { execa } from "execa";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSP_ADDITIONS, IMMICH_CSP, IMMICH_CSP_DIRECTIVES } from "../src/renderers/caddyfile.js";
import { IMMICH_HELMET_DIRECTIVES, IMMICH_HELMET_SHA256 } from "../src/renderers/immich-helmet.js";
import { REPO } from "./util.js";

/**
 * What Immich's web app is allowed by Immich itself: `server/helmet.json` of immich-app/immich, vendored unmodified
 * in test/upstream/schemas/immich-helmet.json (source and sha256 in its README; refreshed by
 * scripts/refresh-immich-helmet.sh). The policy Caddy sends is derived from it, plus CSP_ADDITIONS.
 */
const VENDORED = readFileSync(join(REPO, "test", "upstream", "schemas", "immich-helmet.json"), "utf8");
const UPSTREAM: Readonly<Record<string, readonly string[]>> = JSON.parse(VENDORED).contentSecurityPolicy.directives;

describe("Content-Security-Policy against Immich's own helmet.json", () => {
  it("the directives the CSP is built from are the vendored file's, unmodified (write-immich-helmet.mjs --check)", async () => {
    expect(IMMICH_HELMET_DIRECTIVES).toEqual(UPSTREAM);
    expect(createHash("sha256").update(VENDORED).digest("hex")).toBe(IMMICH_HELMET_SHA256);
    const check = await execa("node", [join(REPO, "scripts", "write-immich-helmet.mjs"), "--check"], { reject: false, all: true });
    expect(check.exitCode, check.all).toBe(0);
  });

  it.each(Object.entries(UPSTREAM))("%s allows everything Immich allows", (directive, sources) => {
    expect(IMMICH_CSP_DIRECTIVES[directive]).toEqual(expect.arrayContaining(sources.map((s) => s.replace(/^'(data:|blob:)'$/, "$1"))));
  });

  it("a quoted scheme from an older helmet.json is sent as the scheme it means", () => {
    expect(IMMICH_CSP_DIRECTIVES["img-src"]).toEqual(["'self'", "data:", "blob:", "https://tiles.immich.cloud"]);
    expect(IMMICH_CSP).not.toContain("'data:'");
  });

  it("adds helmet's defaults Immich's file leaves to helmet, and our stricter extras", () => {
    expect(IMMICH_CSP_DIRECTIVES["script-src-attr"]).toEqual(["'none'"]);
    expect(IMMICH_CSP_DIRECTIVES["frame-ancestors"]).toEqual(["'none'"]);
    expect(IMMICH_CSP_DIRECTIVES["form-action"]).toEqual(["'self'"]);
    expect(Object.keys(IMMICH_CSP_DIRECTIVES)).toEqual([...new Set([...Object.keys(UPSTREAM), ...Object.keys(CSP_ADDITIONS)])]);
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

  it("is one header value, directive by directive, in upstream's order then ours", () => {
    expect(IMMICH_CSP.split("; ")).toEqual([
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline' https://www.gstatic.com",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https://tiles.immich.cloud",
      "connect-src 'self' blob: https://pay.futo.org https://static.immich.cloud https://tiles.immich.cloud",
      "worker-src 'self' blob:",
      "frame-src 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "media-src 'self' blob: data:",
      "font-src 'self' data:",
      "script-src-attr 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]);
  });
});
