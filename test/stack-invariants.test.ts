import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../src/deployment/load-deployment.js";
import { deploymentPath, label, resourcesOf, SHIPPED_DEPLOYMENTS, synthDeployment } from "./stack-util.js";
import { REPO } from "./util.js";

function containerOf(containers: [string, any][], component: string): any {
  return containers.find(([, c]) => label(c, "io.immich-iac.component") === component)![1];
}

const COMPONENTS = ["database", "redis", "server", "job-handler", "machine-learning", "proxy", "auth", "backup", "monitoring"];

describe.each(SHIPPED_DEPLOYMENTS)("synthesized deployment %s", (name) => {
  const { json, text } = synthDeployment(name);
  const containers = resourcesOf(json, "docker_container");

  it("labels every container with a contract component and the deployment", () => {
    expect(containers.length).toBeGreaterThanOrEqual(5);
    for (const [, c] of containers) {
      expect(COMPONENTS).toContain(label(c, "io.immich-iac.component"));
      expect(label(c, "io.immich-iac.deployment")).toBe(name);
    }
  });

  it("marks user-data volumes and protects every volume from destroy", () => {
    const volumes = resourcesOf(json, "docker_volume");
    for (const [, v] of volumes) expect(v.lifecycle).toEqual({ prevent_destroy: true });
    const data = volumes.filter(([, v]) => label(v, "io.immich-iac.data") === "true").map(([, v]) => v.name);
    expect(data).toEqual([`immich-${name}-auth`, `immich-${name}-backups`, `immich-${name}-database`, `immich-${name}-library`, `immich-${name}-postgres-archive`]);
  });

  it("keeps the database and Redis on internal networks only: the back network and their exporter's", () => {
    const networks = resourcesOf(json, "docker_network");
    const monitored = containers.some(([, c]) => label(c, "io.immich-iac.component") === "monitoring");
    const exporterNets = monitored ? ["node", "smartctl", "postgres", "redis", "cadvisor"].map((e) => `immich-${name}-exporter-${e}`) : [];
    const internal = networks.filter(([, n]) => n.internal === true);
    expect(internal.map(([, n]) => n.name).sort()).toEqual([`immich-${name}-back`, ...exporterNets].sort());
    const ref = (net: string) => `\${${networks.find(([, n]) => n.name === net)![0]}.name}`;
    for (const component of ["database", "redis"]) {
      const exporter = monitored ? [{ name: ref(`immich-${name}-exporter-${component === "database" ? "postgres" : "redis"}`) }] : [];
      for (const [, c] of containers.filter(([, c]) => label(c, "io.immich-iac.component") === component)) {
        expect(c.networks_advanced).toEqual([{ name: ref(`immich-${name}-back`) }, ...exporter]);
      }
    }
  });

  it("publishes ports from the proxy alone, on one address family", () => {
    const published = containers.flatMap(([, c]) => (c.ports ?? []).map((p: any) => `${label(c, "io.immich-iac.component")} ${p.ip}:${p.external}/${p.protocol}`));
    const http3 = name !== "xeon-enterprise";
    expect(published).toEqual(["proxy 0.0.0.0:80/tcp", "proxy 0.0.0.0:443/tcp", ...(http3 ? ["proxy 0.0.0.0:443/udp"] : [])]);
  });

  it("holds no secret value: passwords, keys and digests are references resolved at apply time", () => {
    const monitored = loadDeploymentFile(deploymentPath(name)).monitoring.enabled;
    // No secret in any environment (IIAC014): each program reads it from a file, and each *_FILE names an upload.
    const env = containers.flatMap(([, c]) => c.env as string[]);
    expect(env.filter((e) => /\$\{(random_password|tls_private_key|terraform_data|var)\./.test(e) && !/^[A-Z_]+=\$\{var\.(?!backup_|existing_database|smtp)/.test(e))).toEqual([]);
    const fileVars = containers.flatMap(([, c]) =>
      (c.env as string[]).filter((e) => /^[A-Z_]+_(PASSWORD|PASS)_FILE=|^AWS_SHARED_CREDENTIALS_FILE=|^PGPASSFILE=/.test(e)).map((e) => [c, e.split("=")[1]] as const),
    );
    expect(fileVars.length).toBeGreaterThanOrEqual(monitored ? 8 : 6);
    for (const [c, path] of fileVars) expect((c.upload ?? []).map((u: any) => u.file), `${c.name}: ${path}`).toContain(path);
    // Every upload that carries a secret is readable by its owner alone (root, or the uid a root-started program
    // drops to), or, in a container that runs as a non-root user, root's and 0444 (Docker cannot chown to that user).
    const secretRef = /\$\{[^}]*(random_password|tls_private_key|terraform_data\.[A-Za-z0-9_]*Digest|var\.(backup_|existing_database|smtp))/;
    const carrying = containers.flatMap(([, c]) => (c.upload ?? []).filter((u: any) => secretRef.test(u.content)).map((u: any) => [c.name, u] as const));
    expect(carrying.length).toBeGreaterThanOrEqual(10);
    const users = new Map(containers.map(([, c]) => [c.name as string, (c.user as string | undefined) ?? IMAGE_USERS[label(c, "io.immich-iac.component") ?? ""]?.(c.name) ?? ""]));
    for (const [n, u] of carrying) {
      const nonRoot = users.get(n) !== "" && !/^0(:|$)/.test(users.get(n)!);
      expect([n, u.file, u.permissions, u.owner === undefined || /^\d+$/.test(u.owner)]).toEqual([n, u.file, nonRoot ? "0444" : "0400", true]);
    }
    const secretUploads = containers.flatMap(([, c]) => (c.upload ?? []).filter((u: any) => u.file.startsWith("/secrets/")));
    expect(secretUploads.map((u: any) => u.file).sort()).toEqual(
      [
        "/secrets/oidc-client-secret-digest",
        "/secrets/oidc-hmac-secret",
        "/secrets/oidc-jwks-key.pem",
        "/secrets/redis-password",
        "/secrets/session-secret",
        "/secrets/storage-encryption-key",
        ...(name === "xeon-enterprise" ? ["/secrets/smtp-password"] : []),
        ...(monitored ? ["/secrets/grafana-client-secret-digest"] : []),
      ].sort(),
    );
    const grafanaSecrets = containers.flatMap(([, c]) => (c.upload ?? []).filter((u: any) => u.file.startsWith("/run/secrets/grafana/")));
    expect(grafanaSecrets.map((u: any) => u.file).sort()).toEqual(
      monitored ? ["/run/secrets/grafana/admin-password", "/run/secrets/grafana/oidc-client-secret", "/run/secrets/grafana/secret-key"] : [],
    );
    for (const u of [...secretUploads, ...grafanaSecrets]) expect(u.content).toMatch(/^\$\{(random_password|tls_private_key|terraform_data|var)\.[A-Za-z0-9_."[\]]+\}$/);
    const redis = containerOf(containers, "redis");
    const conf = redis.upload[0].content as string;
    expect(conf).toMatch(/^user default reset off resetpass resetkeys resetchannels -@all$/m);
    // Each user's hash is computed by Terraform from its password: no password, no hash in the file.
    for (const u of ["immich", "authelia", "healthcheck", ...(monitored ? ["exporter"] : [])]) {
      expect(conf).toMatch(new RegExp(`^user ${u} reset on #\\$\\{sha256\\(random_password\\.immich_Redis_[A-Za-z]+Password_[0-9A-F]{8}\\.result\\)\\} `, "m"));
    }
    expect(conf.includes("user exporter ")).toBe(monitored);
    const immichJson = JSON.parse(containerOf(containers, "server").upload[0].content);
    expect(immichJson.oauth.clientSecret).toMatch(/^\$\{random_password\.immich_OidcClientSecret_[0-9A-F]{8}\.result\}$/);
    expect(text).not.toMatch(/BEGIN (RSA )?PRIVATE KEY|\$2[aby]?\$\d+\$/);
    for (const [, p] of resourcesOf(json, "random_password")) expect(p.special).toBe(false);
  });

  it("contains no absolute path of this machine and no timestamp", () => {
    expect(text).not.toContain(REPO);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it("keeps its resource addresses (changing one is deliberate: update test/fixtures/addresses)", () => {
    const addresses = Object.entries(json.resource as Record<string, object>)
      .flatMap(([type, byName]) => Object.keys(byName).map((id) => `${type}.${id}`))
      .sort();
    const pinned = readFileSync(join(REPO, "test", "fixtures", "addresses", `${name}.txt`), "utf8").trim().split("\n");
    expect(addresses).toEqual(pinned);
  });
});

/** Containers that run as a non-root user their image sets (no `user` in the config): the exporters. */
const IMAGE_USERS: Readonly<Record<string, (name: string) => string | undefined>> = {
  monitoring: (name) => (/-redis-exporter$/.test(name) ? "59000:59000" : /-postgres-exporter$/.test(name) ? "65534:65534" : undefined),
};

describe("synth determinism", () => {
  it("is byte-identical across two runs", () => {
    expect(synthDeployment("example").text).toBe(synthDeployment("example").text);
  });
});
