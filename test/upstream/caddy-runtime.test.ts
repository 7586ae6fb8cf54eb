import { execa, type ResultPromise } from "execa";
import { existsSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMMICH_CSP, renderCaddyfile } from "../../src/renderers/caddyfile.js";
import { CADDY_BIN, caddyEnv, scratch } from "./caddy-util.js";
import { upstreamRoot } from "./trixie-root.js";

const { root, reason } = upstreamRoot(CADDY_BIN);
const HTTPS_PORT = 18443;
const HTTP_PORT = 18080;
const UPLOAD_BYTES = 3 * 1024 ** 3 + 12345; // over 3 GiB, past every 32-bit boundary that matters to a proxy

/** A stand-in for Immich: ping, mobile discovery, a header echo, and an upload sink that counts bytes. */
function immichStub(): Server {
  return createServer((req, res) => {
    if (req.url === "/api/server/ping") return res.end(JSON.stringify({ res: "pong" }));
    if (req.url === "/.well-known/immich") return res.end(JSON.stringify({ api: { endpoint: "/api" } }));
    if (req.url === "/api/echo-headers") return res.end(JSON.stringify(req.headers));
    if (req.url === "/api/assets") {
      let bytes = 0;
      req.on("data", (c: Buffer) => (bytes += c.length));
      req.on("end", () => res.end(JSON.stringify({ bytes })));
      return;
    }
    res.statusCode = 404;
    res.end("not found");
  });
}

const listen = (s: Server) => new Promise<number>((ok) => s.listen(0, "127.0.0.1", () => ok((s.address() as AddressInfo).port)));

describe.skipIf(!root)(`The deployed Caddy release running the generated Caddyfile (internal CA)${root ? "" : ` (skipped: ${reason})`}`, () => {
  const immich = immichStub();
  // Records what each request to it carried; forward-auth requests are allowed (200), as a logged-in session would be.
  const autheliaSaw: Record<string, string | string[] | undefined>[] = [];
  const authelia = createServer((req, res) => {
    autheliaSaw.push(req.headers);
    res.end("authelia-stub");
  });
  const grafanaSaw: Record<string, string | string[] | undefined>[] = [];
  const grafana = createServer((req, res) => {
    grafanaSaw.push(req.headers);
    res.end("grafana-stub");
  });
  let caddy: ResultPromise | undefined;
  let ca = "";
  const curl = (args: string[]) =>
    execa("curl", ["-sS", "--resolve", `photos.example.com:${HTTPS_PORT}:127.0.0.1`, "--resolve", `auth.example.com:${HTTPS_PORT}:127.0.0.1`, "--resolve", `metrics.example.com:${HTTPS_PORT}:127.0.0.1`, "--cacert", ca, ...args], {
      reject: false,
    });
  const url = (host: string, path: string) => `https://${host}:${HTTPS_PORT}${path}`;

  beforeAll(async () => {
    const immichPort = await listen(immich);
    const authPort = await listen(authelia);
    const grafanaPort = await listen(grafana);
    const dir = scratch(root!, "caddy-run-");
    const caddyfile = renderCaddyfile({
      title: "runtime test",
      ingress: { domain: "photos.example.com", authDomain: "auth.example.com", cookieDomain: "example.com", tls: { mode: "internal" }, http3: false },
      immichUpstream: `127.0.0.1:${immichPort}`,
      autheliaUpstream: `127.0.0.1:${authPort}`,
      grafana: { domain: "metrics.example.com", upstream: `127.0.0.1:${grafanaPort}` },
      httpPort: HTTP_PORT,
      httpsPort: HTTPS_PORT,
    });
    writeFileSync(join(dir.host, "Caddyfile"), caddyfile);
    caddy = execa("chroot", [root!, "env", ...caddyEnv(dir.inRoot), CADDY_BIN, "run", "--adapter", "caddyfile", "--config", `${dir.inRoot}/Caddyfile`], { reject: false, all: true });
    ca = join(dir.host, "data", "caddy", "pki", "authorities", "local", "root.crt");
    for (let i = 0; i < 100; i++) {
      if (existsSync(ca) && (await curl(["-o", "/dev/null", url("photos.example.com", "/api/server/ping")])).exitCode === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`caddy did not come up:\n${(caddy as unknown as { all?: string }).all ?? ""}`);
  }, 30_000);

  afterAll(async () => {
    caddy?.kill("SIGTERM");
    await caddy;
    immich.close();
    authelia.close();
    grafana.close();
  });

  it("a visitor's Remote-* headers reach neither Authelia's forward-auth endpoint nor Grafana", async () => {
    autheliaSaw.length = 0;
    grafanaSaw.length = 0;
    const r = await curl(["-H", "Remote-User: admin", "-H", "Remote-Groups: admins", "-H", "Remote-Email: a@evil.example", "-H", "Remote-Name: Admin", url("metrics.example.com", "/d/immich")]);
    expect(r.stdout).toBe("grafana-stub");
    expect(autheliaSaw).toHaveLength(1);
    expect(grafanaSaw).toHaveLength(1);
    for (const saw of [autheliaSaw[0]!, grafanaSaw[0]!]) {
      expect(Object.keys(saw).filter((k) => k.startsWith("remote-"))).toEqual([]);
    }
    // What Authelia decides from: the forwarded request Caddy describes itself.
    expect(autheliaSaw[0]).toMatchObject({ "x-forwarded-host": `metrics.example.com:${HTTPS_PORT}`, "x-forwarded-uri": "/d/immich", "x-forwarded-method": "GET" });
  });

  it("refuses TLS 1.2", async () => {
    const r = await curl(["--tlsv1.2", "--tls-max", "1.2", "-o", "/dev/null", url("photos.example.com", "/api/server/ping")]);
    expect(r.exitCode).toBe(35); // SSL connect error: alert protocol_version
  });

  it("serves TLS 1.3 with the security headers, and proxies /api", async () => {
    const r = await curl(["--tlsv1.3", "-D", "-", url("photos.example.com", "/api/server/ping")]);
    expect(r.exitCode).toBe(0);
    const [head, body] = r.stdout.split("\r\n\r\n");
    expect(body).toBe('{"res":"pong"}');
    const headers = head!.toLowerCase();
    expect(headers).toContain(`content-security-policy: ${IMMICH_CSP.toLowerCase()}`);
    expect(headers).toContain("strict-transport-security: max-age=31536000; includesubdomains");
    expect(headers).toContain("x-content-type-options: nosniff");
    expect(headers).toContain("referrer-policy: same-origin");
    expect(headers).not.toMatch(/^server:/m);
    expect(headers.match(/content-security-policy:/g)).toHaveLength(1);
  });

  it("routes /.well-known/immich to Immich (mobile discovery)", async () => {
    const r = await curl([url("photos.example.com", "/.well-known/immich")]);
    expect(JSON.parse(r.stdout)).toEqual({ api: { endpoint: "/api" } });
  });

  it("strips spoofable Remote-* headers and sets X-Forwarded-*", async () => {
    const r = await curl(["-H", "Remote-User: admin", "-H", "Remote-Groups: admins", url("photos.example.com", "/api/echo-headers")]);
    const seen = JSON.parse(r.stdout);
    expect(seen["remote-user"]).toBeUndefined();
    expect(seen["remote-groups"]).toBeUndefined();
    expect(seen["x-forwarded-proto"]).toBe("https");
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("proxies the auth portal to Authelia", async () => {
    const r = await curl([url("auth.example.com", "/")]);
    expect(r.stdout).toBe("authelia-stub");
  });

  it("redirects plain HTTP to HTTPS", async () => {
    const r = await execa("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "--resolve", `photos.example.com:${HTTP_PORT}:127.0.0.1`, `http://photos.example.com:${HTTP_PORT}/x`], { reject: false });
    // Caddy may redirect to the scheme's default port; real deployments listen on 443.
    expect(r.stdout).toMatch(new RegExp(`^308 https://photos\\.example\\.com(:${HTTPS_PORT})?/x$`));
  });

  it(`streams a ${(UPLOAD_BYTES / 1024 ** 3).toFixed(1)} GiB upload through without a size limit`, async () => {
    const r = await execa(
      "bash",
      [
        "-c",
        `head -c ${UPLOAD_BYTES} /dev/zero | curl -sS --resolve photos.example.com:${HTTPS_PORT}:127.0.0.1 --cacert '${ca}' -T - -w ' %{http_code}' ${url("photos.example.com", "/api/assets")}`,
      ],
      { reject: false },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`{"bytes":${UPLOAD_BYTES}} 200`);
  }, 300_000);
});
