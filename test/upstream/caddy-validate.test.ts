import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CaddyProxy } from "../../constructs/caddy-proxy.js";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import type { IngressSettings, TlsSettings } from "../../src/ingress/site.js";
import { renderCaddyfile } from "../../src/renderers/caddyfile.js";
import { renderFiles } from "../../stacks/synth.js";
import { deploymentPath, SHIPPED_DEPLOYMENTS } from "../stack-util.js";
import { CADDY_BIN, caddyValidate, scratch, selfSignedCertificate } from "./caddy-util.js";
import { upstreamRoot } from "./trixie-root.js";

const { root, reason } = upstreamRoot(CADDY_BIN);

describe.skipIf(!root)(`Caddyfiles checked by the deployed Caddy release (caddy validate)${root ? "" : ` (skipped: ${reason})`}`, () => {
  // TLS mode `files` reads the certificate at the container path: provide one there inside the test root.
  const tlsDir = root ? join(root, "etc", "caddy", "tls") : "";
  if (root) {
    const { certificate, key } = selfSignedCertificate(tlsDir, "photos.corp.example");
    expect(certificate).toBe(join(root, CaddyProxy.TLS_FILES.certificate));
    expect(key).toBe(join(root, CaddyProxy.TLS_FILES.key));
  }
  afterAll(() => tlsDir && rmSync(tlsDir, { recursive: true, force: true }));

  it.each(SHIPPED_DEPLOYMENTS)("%s: the rendered Caddyfile is valid", async (name) => {
    const caddyfile = renderFiles(loadDeploymentFile(deploymentPath(name)))["caddy/Caddyfile"]!;
    const r = await caddyValidate(root!, scratch(root!, "caddy-"), caddyfile);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain("Valid configuration");
  });

  const ingress = (tls: TlsSettings, http3 = true): IngressSettings => ({ domain: "photos.example.com", authDomain: "auth.example.com", cookieDomain: "example.com", tls, http3 });
  it.each([
    ["acme with an e-mail", ingress({ mode: "acme", email: "ops@example.com" })],
    ["acme without an e-mail", ingress({ mode: "acme" })],
    ["internal CA", ingress({ mode: "internal" })],
    ["files", ingress({ mode: "files", certificateFile: "/h/c.pem", keyFile: "/h/k.pem" })],
    ["HTTP/3 off", ingress({ mode: "internal" }, false)],
  ])("TLS mode %s is valid", async (_label, ing) => {
    const caddyfile = renderCaddyfile({ title: "t", ingress: ing, immichUpstream: "server:2283", autheliaUpstream: "auth:9091", ...(ing.tls.mode === "files" ? { tlsFiles: CaddyProxy.TLS_FILES } : {}) });
    const r = await caddyValidate(root!, scratch(root!, "caddy-"), caddyfile);
    expect(r.exitCode, r.all).toBe(0);
  });

  it("the check can fail: a missing certificate file is refused", async () => {
    const caddyfile = renderCaddyfile({
      title: "t",
      ingress: ingress({ mode: "files", certificateFile: "/x", keyFile: "/y" }),
      immichUpstream: "server:2283",
      autheliaUpstream: "auth:9091",
      tlsFiles: { certificate: "/nonexistent/cert.pem", key: "/nonexistent/key.pem" },
    });
    const r = await caddyValidate(root!, scratch(root!, "caddy-"), caddyfile);
    expect(r.exitCode).not.toBe(0);
    expect(r.all).toMatch(/nonexistent\/cert\.pem/);
  });
});
