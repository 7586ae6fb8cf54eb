import { PROMETHEUS_QUERIES, prometheusScalar } from "../../src/libraries/import-pressure.js";
import { execa } from "execa";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parse as parseIni } from "ini";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { EXPORTER_PASSWORD_FILE } from "../../src/renderers/monitoring/postgres-monitor-role.js";
import { DEFAULT_IMMICH_VERSION } from "../../src/versions.js";
import { deploymentPath, SHIPPED_DEPLOYMENTS } from "../stack-util.js";
import { REPO } from "../util.js";
import {
  CDKTF_CLI,
  cdktfDeploy,
  destroyDeployment,
  ensureDockerEngine,
  provideDiskDevices,
  backupCli,
  createVolumeDirectories,
  docker,
  E2E_REDIRECTS,
  e2eDeployment,
  HEALTHY_LIMIT_SECONDS,
  httpsGet,
  planReport,
  provideImages,
  removeLeftovers,
  resynth,
  stackJson,
  tf,
  toolchain,
  volumeHostDir,
  waitHealthy,
  type E2eDeployment,
  type Toolchain,
} from "./harness.js";
import { startS3Server, type S3Server } from "./s3-server.js";

/**
 * The real-apply suite: every shipped deployment (and E2E_DEPLOYMENT, when set) is synthesized, initialised
 * offline against the provider mirror, applied on the local Docker Engine with stand-in images, probed
 * through the proxy, changed twice (a hardware profile change and an Immich version change, each planned,
 * reported by plan-report, applied), checked for data that must survive, and refused a data-volume
 * replacement. The second plan after every apply must be empty.
 */
const sources = [...SHIPPED_DEPLOYMENTS.map((n) => deploymentPath(n)), ...(process.env.E2E_DEPLOYMENT ? [process.env.E2E_DEPLOYMENT] : [])];

/** The deployment whose first apply goes through `cdktf deploy` (the smallest: CPU only). */
const CDKTF_DEPLOY_SOURCE = deploymentPath("homelab");

let t: Toolchain;
let s3: S3Server | undefined;
beforeAll(async () => {
  t = await toolchain();
  // Deployments with an off-site target copy to a real S3 server here (E2E_REDIRECTS).
  const buckets = sources.map((f) => parse(readFileSync(f, "utf8"))?.spec?.backup?.offsite?.bucket).filter((b): b is string => typeof b === "string");
  s3 = await startS3Server([...new Set(buckets)]);
}, 1_800_000);
afterAll(async () => {
  await s3?.stop();
});

/** What the Authelia stand-in answers every forward-auth request with (authelia-standin.py): derived from nothing. */
const FORWARD_AUTH_ANSWER = "https://authelia-standin.invalid/forward-auth-answer";

describe.each(sources)("real apply of %s", (source) => {
  let d: E2eDeployment;
  let json: any;
  const timings: Record<string, number> = {};

  const container = (component: string) => `immich-${d.name}-${component}`;
  const psql = (sql: string) => docker(["exec", container("database"), "psql", "-h", "/var/run/postgresql", "-U", "immich", "-d", "immich", "-tAc", sql]);
  const applyAndConverge = async (label: string, how: "terraform" | "cdktf deploy" = "terraform") => {
    const apply = how === "cdktf deploy" ? await cdktfDeploy(t, d) : await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"]);
    expect(apply.exitCode, apply.all).toBe(0);
    timings[`${label} apply s`] = apply.seconds;
    timings[`${label} healthy after apply s`] = await waitHealthy(d.name);
    const second = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"]);
    expect(second.exitCode, `the plan after ${label} must be empty:\n${second.all}`).toBe(0);
    timings[`${label} second plan s`] = second.seconds;
  };
  const planChange = async (label: string) => {
    const plan = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color", `-out=${label}.tfplan`]);
    expect(plan.exitCode, plan.all).toBe(2);
    return planReport(t, d, `${label}.tfplan`);
  };

  beforeAll(async () => {
    d = e2eDeployment(source);
    console.log(`e2e: deployment ${loadDeploymentFile(source).name} from ${source} runs as ${d.name}, redirected:\n  ${E2E_REDIRECTS.join("\n  ")}\n  work directory ${d.work}`);
    await ensureDockerEngine();
    await removeLeftovers(d.name);
    json = resynth(d);
    createVolumeDirectories(json, d.dataRoot);
    await provideDiskDevices(json, d.work);
    await provideImages(json);
    const init = await tf(t, d, ["init", "-input=false", "-no-color"]);
    expect(init.exitCode, init.all).toBe(0);
  }, 1_800_000);

  afterAll(async () => {
    if (!d) return;
    console.log(`e2e: ${d.name} timings: ${JSON.stringify(timings)}`);
    await destroyDeployment(t, d);
  }, 900_000);

  it("validates with the real providers", async () => {
    const r = await tf(t, d, ["validate", "-no-color"]);
    expect(r.all).toContain("The configuration is valid");
  });

  // One deployment's first apply is the operator's own command (docs/operator-guide.md, "Deploy with cdktf"), the
  // others Terraform's steps: both paths are what the docs tell operators, and this costs no extra apply.
  const viaCdktf = source === CDKTF_DEPLOY_SOURCE;
  it(`applies${viaCdktf ? " with the operator's `cdktf deploy`" : ""}, every container is healthy within ${HEALTHY_LIMIT_SECONDS} s, and the second plan is empty`, async () => {
    if (viaCdktf) {
      // The command the suite runs is the one the guide shows (the suite adds --auto-approve and its --output).
      const guide = readFileSync(join(REPO, "docs", "operator-guide.md"), "utf8");
      expect(guide).toContain(`npx -p ${CDKTF_CLI} cdktf deploy`);
      expect(guide).toContain("export IMMICH_IAC_DEPLOYMENT=");
    }
    await applyAndConverge("first", viaCdktf ? "cdktf deploy" : "terraform");
    const names = (await docker(["ps", "--filter", `label=io.immich-iac.deployment=${d.name}`, "--format", "{{.Label \"io.immich-iac.component\"}}"])).split("\n");
    const expected = ["database", "redis", "server", "job-handler", "machine-learning", "proxy", "auth", "backup"];
    expect(new Set(names)).toEqual(new Set(loadDeploymentFile(source).monitoring.enabled ? [...expected, "monitoring"] : expected));
  }, 900_000);

  it("backs up: WAL streams into the archive, and with an off-site target `backup run` and `backup status` succeed against the S3 server", async () => {
    const wal = JSON.parse(await docker(["exec", container("backup-wal"), "bash", "/etc/immich-iac/wal-archiver.sh", "status"]));
    expect(wal).toMatchObject({ slotActive: true, newestBase: expect.stringMatching(/^\d{8}T\d{6}Z$/) });
    if (!d.doc.spec.backup?.offsite) return;
    const cli = (args: string[]) => backupCli(d, args);
    const run = await cli(["run"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const status = await cli(["status"]);
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, problems: [] });
  }, 900_000);

  it("monitoring, when on: Prometheus scrapes every target of the stack and finds it up", async () => {
    if (!loadDeploymentFile(source).monitoring.enabled) return;
    const targets = async () =>
      JSON.parse(await docker(["exec", container("monitoring-prometheus"), "wget", "-q", "-O", "-", "http://127.0.0.1:9090/api/v1/targets"])).data.activeTargets as {
        labels: { job: string; instance: string };
        health: string;
        lastError: string;
      }[];
    let last: Awaited<ReturnType<typeof targets>> = [];
    for (let i = 0; i < 60; i++) {
      last = await targets();
      if (last.length > 0 && last.every((t) => t.health === "up")) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    expect(last.filter((t) => t.health !== "up").map((t) => `${t.labels.job} ${t.labels.instance}: ${t.health} ${t.lastError}`)).toEqual([]);
    expect(new Set(last.map((t) => t.labels.job))).toEqual(
      new Set(["prometheus", "alertmanager", "grafana", "immich-api", "immich-microservices", "node", "smartctl", "cadvisor", "postgres", "redis", "caddy", "tls", "blackbox", "immich-db"]),
    );
  }, 300_000);

  it("monitoring, when on: `import --prometheus`'s I/O stall query answers from the live node exporter, a percentage", async () => {
    if (!loadDeploymentFile(source).monitoring.enabled) return;
    // The query as `immich-iac import` sends it, read as it reads the answer (promtool judges the query on shaped
    // series in test/upstream/import-queries.test.ts; this is the real node exporter's PSI collector). rate() needs two
    // scrapes within its minute: polled. Temperatures have no sensor on this machine, so those queries answer nothing.
    const ask = async (q: string) =>
      prometheusScalar(JSON.parse(await docker(["exec", container("monitoring-prometheus"), "wget", "-q", "-O", "-", `http://127.0.0.1:9090/api/v1/query?query=${encodeURIComponent(q)}`])));
    let io: number | undefined;
    for (let i = 0; i < 45 && io === undefined; i++) {
      io = await ask(PROMETHEUS_QUERIES.ioSomeAvg10);
      if (io === undefined) await new Promise((r) => setTimeout(r, 2000));
    }
    expect(io).toBeGreaterThanOrEqual(0);
    expect(io).toBeLessThanOrEqual(100);
  }, 300_000);

  it("monitoring, when on: no other container reaches cAdvisor or an exporter, and the postgres exporter's role reads no table of Immich's", async () => {
    if (!loadDeploymentFile(source).monitoring.enabled) return;
    // Python in the server stand-in: connect to an address, print "open" or the error's class.
    const tryConnect = (from: string, host: string, port: number) =>
      docker([
        "exec", from, "python3", "-c",
        `import socket\ntry:\n    socket.create_connection((${JSON.stringify(host)}, ${port}), timeout=3).close(); print("open")\nexcept Exception as e:\n    print(type(e).__name__)`,
      ]);
    const ipsOf = async (name: string) =>
      Object.values(JSON.parse(await docker(["inspect", "--format", "{{json .NetworkSettings.Networks}}", name])) as Record<string, { IPAddress: string }>).map((n) => n.IPAddress);
    const targets: [string, number][] = [
      ["monitoring-cadvisor", 8080],
      ["monitoring-node-exporter", 9100],
      ["monitoring-postgres-exporter", 9187],
      ["monitoring-redis-exporter", 9121],
      ...(json.resource.docker_container && Object.values(json.resource.docker_container).some((c: any) => c.name === container("monitoring-smartctl-exporter"))
        ? [["monitoring-smartctl-exporter", 9633] as [string, number]]
        : []),
    ];
    for (const [role, port] of targets) {
      // Prometheus reaches it (the probe can succeed)…
      await docker(["exec", container("monitoring-prometheus"), "wget", "-q", "-O", "/dev/null", `http://${container(role)}:${port}/metrics`]);
      // …the server (front and back network) neither by name nor by address.
      expect(await tryConnect(container("server"), container(role), port), `${role} by name`).toBe("gaierror");
      for (const ip of await ipsOf(container(role))) expect(await tryConnect(container("server"), ip, port), `${role} at ${ip}`).not.toBe("open");
    }
    // The exporter's own role: in pg_monitor, refused Immich's data, while its target is up (the previous test).
    const password = await docker(["exec", container("monitoring-postgres-exporter"), "cat", "/etc/postgres_exporter/password"]);
    await psql("CREATE TABLE IF NOT EXISTS e2e_asset_probe (id int, \"originalFileName\" text)");
    // The password on stdin: never on a command line an error message would print. By the container's name, not
    // loopback (trusted by pg_hba): scram checks the password the exporter holds.
    const asMonitor = async (sql: string) =>
      (await execa("docker", ["exec", "-i", container("database"), "sh", "-c", 'PGPASSWORD="$(cat)" exec psql -h "$1" -U immich_monitor -d immich -tAc "$2"', "sh", container("database"), sql], { input: password })).stdout;
    expect((await asMonitor("SELECT pg_has_role(current_user, 'pg_monitor', 'member'), rolsuper FROM pg_roles WHERE rolname = current_user")).trim()).toBe("t|f");
    await expect(asMonitor('SELECT "originalFileName" FROM e2e_asset_probe')).rejects.toThrow(/permission denied for table e2e_asset_probe/);
  }, 300_000);

  it("monitoring, when on: Grafana answers only through the proxy, which asks Authelia first with what it saw (not what the client claims) and relays Authelia's answer", async () => {
    const m = loadDeploymentFile(source).monitoring;
    if (!m.enabled) return;
    const authDomain = d.doc.spec.ingress.authDomain ?? `auth.${d.doc.spec.domain.split(".").slice(1).join(".")}`;
    const ca = readFileSync(join(volumeHostDir(json, `immich-${d.name}-proxy`), "caddy/pki/authorities/local/root.crt"), "utf8");
    await docker(["exec", container("auth"), "rm", "-f", "/tmp/forward-auth.jsonl"]);
    // A visitor that claims to be someone else: another host, path and client address, and identity headers.
    const forged = { "X-Forwarded-Host": "evil.example", "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Uri": "/forged", "Remote-User": "admin", "Remote-Groups": "admins" };
    const visit = await httpsGet(m.domain, "/d/immich?orgId=1", ca, { min: "TLSv1.3" }, forged);
    // Authelia's answer (the stand-in's fixed one) reaches the visitor unchanged; Grafana is never asked.
    expect(visit).toMatchObject({ status: 302, location: FORWARD_AUTH_ANSWER });
    const asked = (await docker(["exec", container("auth"), "cat", "/tmp/forward-auth.jsonl"])).split("\n").map((l) => JSON.parse(l) as { method: string; target: string; headers: Record<string, string> });
    expect(asked).toHaveLength(1);
    const h = asked[0]!.headers;
    // Caddy's forward_auth rewrites the path to Authelia's endpoint and keeps the visitor's query string.
    expect(asked[0]).toMatchObject({ method: "GET", target: "/api/authz/forward-auth?orgId=1" });
    expect({ method: h["x-forwarded-method"], proto: h["x-forwarded-proto"], host: h["x-forwarded-host"], uri: h["x-forwarded-uri"] }).toEqual({ method: "GET", proto: "https", host: m.domain, uri: "/d/immich?orgId=1" });
    // The client's Remote-* headers never reach Authelia: Caddy runs forward_auth before request_header, so the
    // forward_auth block removes them itself (header_up), as strip_identity_headers does for Grafana.
    expect(Object.keys(h).filter((k) => k.startsWith("remote-"))).toEqual([]);
    // The client address is the one Caddy saw (the proxy network's gateway, where the published port comes in), not the claimed one.
    const gateways = Object.values(JSON.parse(await docker(["inspect", "--format", "{{json .NetworkSettings.Networks}}", container("proxy")])) as Record<string, { Gateway: string }>).map((n) => n.Gateway);
    expect(gateways).toContain(h["x-forwarded-for"]);
    expect(JSON.parse(await docker(["inspect", "--format", "{{json .NetworkSettings.Ports}}", container("monitoring-grafana")]))).toEqual({});
    // The grafana.ini the container was given names the client Authelia registers (redirect: Grafana's root_url +
    // login/generic_oauth) and sends a PKCE challenge, which Authelia requires as S256 (Grafana's use_pkce sends S256).
    const ini = parseIni(await docker(["exec", container("monitoring-grafana"), "sh", "-c", 'cat "$GF_PATHS_CONFIG"']));
    const oauth = ini.auth.generic_oauth;
    const url = new URL(oauth.auth_url);
    expect(`${url.origin}${url.pathname}`).toBe(`https://${authDomain}/api/oidc/authorization`);
    expect(oauth.use_pkce).toBe(true);
    const authelia = parse(await docker(["exec", container("auth"), "cat", "/config/configuration.yml"]).then((t) => t.replace(/\{\{[^}]*\}\}/g, "x")));
    const client = authelia.identity_providers.oidc.clients.find((c: { client_id: string }) => c.client_id === oauth.client_id);
    expect(client).toMatchObject({ client_id: "grafana", authorization_policy: "admins_only", redirect_uris: [`${ini.server.root_url}login/generic_oauth`], require_pkce: true, pkce_challenge_method: "S256" });
  }, 120_000);

  it("the server stand-in's health is PostgreSQL's and Redis' verdict: with a wrong password file each refuses it", async () => {
    const check = (env: string) => execa("docker", ["exec", container("server"), "sh", "-c", `printf not-the-password > /tmp/wrong-password && ${env} immich-standin check`], { reject: false });
    const ok = await check("true &&");
    expect(ok.exitCode, ok.stdout + ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
    const db = await check("DB_PASSWORD_FILE=/tmp/wrong-password");
    expect(db.exitCode).toBe(1);
    expect(JSON.parse(db.stdout)).toEqual([expect.stringMatching(/^database: .*password authentication failed for user "immich"/)]);
    const redis = await check("REDIS_PASSWORD_FILE=/tmp/wrong-password");
    expect(redis.exitCode).toBe(1);
    expect(JSON.parse(redis.stdout)).toEqual([expect.stringMatching(/^redis: .*WRONGPASS/)]);
  }, 120_000);

  it("Redis refuses a client without credentials and the exporter's identity every key; Authelia's user reads and writes", async () => {
    const redisImage = Object.values(json.resource.docker_image as Record<string, { name: string }>).map((i) => i.name).find((n) => /redis|valkey/.test(n))!;
    // A container of our own on the back network, as a third-party image there would be: it knows the address, not a password.
    const cli = async (args: string[], auth?: { user: string; password: string }) => {
      const r = await execa("docker", [
        "run", "--rm", "--network", `immich-${d.name}-back`, ...(auth ? ["-e", "REDISCLI_AUTH"] : []), "--entrypoint", "redis-cli", redisImage,
        "-h", container("redis"), "--no-auth-warning", ...(auth ? ["--user", auth.user] : []), ...args,
      ], { reject: false, env: auth ? { REDISCLI_AUTH: auth.password } : {} });
      return `${r.stdout}${r.stderr}`.trim();
    };
    expect(await cli(["ping"])).toMatch(/^NOAUTH /);
    expect(await cli(["-n", "1", "keys", "*"])).toMatch(/^NOAUTH /);
    expect(await cli(["set", "forged", "1"])).toMatch(/^NOAUTH /);
    expect(await cli(["ping"], { user: "default", password: "" })).toMatch(/WRONGPASS/);
    // Authelia's user, with the password from its 0400 file: a session key is written and read in its database.
    expect(await docker(["exec", container("auth"), "stat", "-c", "%a %u", "/secrets/redis-password"])).toBe("400 0");
    const authelia = { user: "authelia", password: await docker(["exec", container("auth"), "cat", "/secrets/redis-password"]) };
    expect(await cli(["-n", "1", "set", "authelia-session:e2e-probe", "session-data", "EX", "600"], authelia)).toBe("OK");
    expect(await cli(["-n", "1", "get", "authelia-session:e2e-probe"], authelia)).toBe("session-data");
    expect(await cli(["config", "set", "protected-mode", "no"], authelia)).toMatch(/^NOPERM /);
    expect(await cli(["-n", "1", "get", "authelia-session:e2e-probe"], { user: "authelia", password: "wrong" })).toMatch(/WRONGPASS/);
    // redis.conf holds hashes only, readable by Redis' own user alone.
    expect(await docker(["exec", container("redis"), "stat", "-c", "%a %u", "/usr/local/etc/redis/redis.conf"])).toBe("400 999");
    expect(await docker(["exec", container("redis"), "cat", "/usr/local/etc/redis/redis.conf"])).not.toContain(authelia.password);
    if (loadDeploymentFile(source).monitoring.enabled) {
      const file = "/run/secrets/exporter/redis-passwords.json";
      // The exporter runs as 59000: Docker cannot give it the file, so it is root's and 0444 in that container.
      expect(await docker(["exec", container("monitoring-redis-exporter"), "stat", "-c", "%a %u", file])).toBe("444 0");
      const exporter = { user: "exporter", password: Object.values(JSON.parse(await docker(["exec", container("monitoring-redis-exporter"), "cat", file])) as Record<string, string>)[0]! };
      expect(await cli(["ping"], exporter)).toBe("PONG");
      expect(await cli(["-n", "1", "get", "authelia-session:e2e-probe"], exporter)).toMatch(/^NOPERM /);
      expect(await cli(["-n", "1", "set", "authelia-session:forged", "x"], exporter)).toMatch(/^NOPERM /);
      expect(await cli(["-n", "1", "type", "authelia-session:e2e-probe"], exporter)).toMatch(/^NOPERM /);
      expect(await cli(["-n", "1", "keys", "*"], exporter)).toMatch(/^NOPERM /);
      expect(await cli(["-n", "1", "exists", "authelia-session:forged"], authelia)).toBe("0");
    }
    await cli(["-n", "1", "del", "authelia-session:e2e-probe"], authelia);
  }, 120_000);

  it("no container's environment holds a secret: the passwords the containers read from files appear in no `docker inspect`", async () => {
    const secrets = [
      await docker(["exec", container("server"), "cat", "/run/secrets/immich/db-password"]),
      await docker(["exec", container("server"), "cat", "/run/secrets/immich/redis-password"]),
      await docker(["exec", container("auth"), "cat", "/secrets/redis-password"]),
      await docker(["exec", container("auth"), "cat", "/secrets/session-secret"]),
    ];
    for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(40);
    expect(await docker(["exec", container("server"), "stat", "-c", "%a %u", "/run/secrets/immich/db-password", "/run/secrets/immich/redis-password"])).toBe("400 0\n400 0");
    // Containers of a non-root user get root's 0444 file; the archiver's libpq reads its private 0400 copy.
    expect(await docker(["exec", container("backup-wal"), "stat", "-c", "%a %u", "/run/secrets/wal/pgpass", "/tmp/.pgpass"])).toBe("444 0\n400 999");
    if (loadDeploymentFile(source).monitoring.enabled) {
      expect(await docker(["exec", container("monitoring-postgres-exporter"), "stat", "-c", "%a %u", EXPORTER_PASSWORD_FILE])).toBe("444 0");
    }
    const ids = (await docker(["ps", "-q", "--filter", `label=io.immich-iac.deployment=${d.name}`])).split("\n").filter(Boolean);
    const inspected = await docker(["inspect", "--format", "{{json .Config.Env}} {{json .Config.Cmd}} {{json .Config.Entrypoint}}", ...ids]);
    for (const s of secrets) expect(inspected.includes(s), "a secret is in a container's environment or command line").toBe(false);
  }, 120_000);

  it("PostgreSQL runs with our tuned settings", async () => {
    for (const [key, value] of [["shared_buffers", overrideValue(json, "shared_buffers")], ["work_mem", overrideValue(json, "work_mem")], ["max_connections", "100"]] as const) {
      expect(await psql(`SHOW ${key}`)).toBe(normalisePgSize(value));
    }
  });

  it("serves Immich and Authelia through the proxy over TLS 1.3 only, and the server reaches the OIDC issuer", async () => {
    const spec = d.doc.spec;
    const authDomain = spec.ingress.authDomain ?? `auth.${spec.domain.split(".").slice(1).join(".")}`;
    const ca = readFileSync(join(volumeHostDir(json, `immich-${d.name}-proxy`), "caddy/pki/authorities/local/root.crt"), "utf8");
    const ping = await httpsGet(spec.domain, "/api/server/ping", ca, { min: "TLSv1.3" });
    expect(ping).toMatchObject({ status: 200, body: '{"res":"pong"}', protocol: "TLSv1.3" });
    await expect(httpsGet(spec.domain, "/api/server/ping", ca, { max: "TLSv1.2" })).rejects.toThrow(/version|alert|handshake/i);
    const portal = await httpsGet(authDomain, "/", ca, { min: "TLSv1.3" });
    expect(portal.status).toBe(200);
    expect(portal.body).toContain("Authelia");
    const oidc = await docker(["exec", container("server"), "immich-standin", "oidc"]);
    expect(JSON.parse(oidc).issuer).toBe(`https://${authDomain}`);
    // The server read NODE_EXTRA_CA_CERTS at its start, which came after the internal CA root existed.
    const startedAt = Date.parse(await docker(["inspect", "--format", "{{.State.StartedAt}}", container("server")]));
    const rootWritten = statSync(join(volumeHostDir(json, `immich-${d.name}-proxy`), "caddy/pki/authorities/local/root.crt")).mtimeMs;
    expect(startedAt).toBeGreaterThan(rootWritten);
    // Authelia is in front: the running server must refuse Immich's own first-admin sign-up.
    const env = JSON.parse(await docker(["inspect", "--format", "{{json .Config.Env}}", container("server")])) as string[];
    expect(env).toContain("IMMICH_ALLOW_SETUP=false");
  });

  it("keeps a database row and a library file through a profile change and an Immich upgrade", async () => {
    await psql("CREATE TABLE IF NOT EXISTS e2e_probe (id int PRIMARY KEY, note text); INSERT INTO e2e_probe VALUES (1, 'kept') ON CONFLICT DO NOTHING");
    await docker(["exec", container("server"), "sh", "-c", "mkdir -p /data/upload/e2e && echo photo > /data/upload/e2e/probe.jpg"]);
    const library = volumeHostDir(json, `immich-${d.name}-library`);

    // A hardware profile change: more memory retunes PostgreSQL (its override file changes: replaced).
    const profile = profileDocument(d);
    profile.spec.memory.totalGiB += 16;
    const profileFile = join(d.work, "changed-profile.yaml");
    writeFileSync(profileFile, stringify(profile));
    json = resynth(d, (doc) => (doc.spec.hardwareProfile = profileFile));
    const retune = await planChange("profile");
    expect(retune.exitCode).toBe(3);
    expect(retune.report.resources).toEqual(expect.arrayContaining([expect.objectContaining({ component: "database", kind: "service-recreated" })]));
    expect(retune.report.resources.filter((r: any) => r.kind === "data-risk")).toEqual([]);
    await applyAndConverge("profile change");

    // An Immich patch upgrade: new server, job handler and machine-learning images (replaced).
    const next = DEFAULT_IMMICH_VERSION.replace(/\d+$/, (p) => String(Number(p) + 1));
    const from = d.doc.spec.immichVersion ?? DEFAULT_IMMICH_VERSION;
    json = resynth(d, (doc) => (doc.spec.immichVersion = from === next ? DEFAULT_IMMICH_VERSION : next));
    await provideImages(json);
    const upgrade = await planChange("upgrade");
    expect(upgrade.exitCode).toBe(3);
    const recreated = upgrade.report.resources.filter((r: any) => r.kind === "service-recreated").map((r: any) => r.component);
    expect(new Set(recreated)).toEqual(new Set(["server", "job-handler", "machine-learning"]));
    expect(upgrade.report.resources.filter((r: any) => r.kind === "data-risk")).toEqual([]);
    await applyAndConverge("upgrade");

    expect(await psql("SELECT note FROM e2e_probe WHERE id = 1")).toBe("kept");
    expect(readFileSync(join(library, "upload/e2e/probe.jpg"), "utf8")).toBe("photo\n");
    expect(await docker(["exec", container("server"), "cat", "/data/upload/e2e/probe.jpg"])).toBe("photo");
  }, 1_800_000);

  it("refuses to replace a data volume (prevent_destroy) and blocks a plan that would delete one", async () => {
    const file = join(d.stackDir, "cdk.tf.json");
    const original = readFileSync(file, "utf8");
    try {
      const edited = JSON.parse(original);
      const [key, library] = Object.entries(edited.resource.docker_volume as Record<string, any>).find(([, v]) => v.name === `immich-${d.name}-library`)!;
      library.driver_opts.device = join(d.work, "elsewhere");
      writeFileSync(file, JSON.stringify(edited, null, 2));
      const replace = await tf(t, d, ["plan", "-input=false", "-no-color"]);
      expect(replace.exitCode).toBe(1);
      expect(replace.all).toContain("Instance cannot be destroyed");
      expect(replace.all).toContain(`docker_volume.${key}`);

      // A changed construct id moves the volume to a new address: the old block, and its prevent_destroy,
      // are gone, so Terraform plans the delete. plan-report is the gate that blocks it.
      const moved = JSON.parse(original);
      const vols = moved.resource.docker_volume as Record<string, any>;
      vols[`${key}_renamed`] = vols[key];
      delete vols[key];
      writeFileSync(file, JSON.stringify(moved, null, 2).split(`docker_volume.${key}.`).join(`docker_volume.${key}_renamed.`));
      const gate = await planChange("volume-moved");
      expect(gate.exitCode).toBe(4);
      expect(gate.report.resources).toEqual(expect.arrayContaining([expect.objectContaining({ address: `docker_volume.${key}`, kind: "data-risk", class: "blocked" })]));
    } finally {
      writeFileSync(file, original);
    }
    const after = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"]);
    expect(after.exitCode, after.all).toBe(0);
  }, 600_000);
});

/** The hardware profile document behind an e2e deployment (a shipped name or a path). */
function profileDocument(d: E2eDeployment): any {
  const ref: string = d.doc.spec.hardwareProfile;
  const file = /[/.]/.test(ref) ? ref : join(REPO, "hardware-profiles", `${ref}.yaml`);
  if (!isAbsolute(file)) throw new Error(`profile path ${ref} should have been made absolute`);
  return parse(readFileSync(file, "utf8"));
}

/** A setting's value in the PostgreSQL override file the stack uploads. */
function overrideValue(json: any, key: string): string {
  const db = Object.values(json.resource.docker_container as Record<string, any>).find((c) => c.name.endsWith("-database"));
  const content: string = db.upload.find((u: any) => u.file.endsWith("postgresql.override.conf")).content;
  const m = new RegExp(`^${key} = '([^']*)'`, "m").exec(content);
  if (!m) throw new Error(`${key} not in the override file`);
  return m[1]!;
}

/** PostgreSQL's SHOW prints sizes in the largest exact unit (1024MB → 1GB). */
function normalisePgSize(value: string): string {
  const m = /^(\d+)(kB|MB|GB)$/.exec(value);
  if (!m) return value;
  const units = ["kB", "MB", "GB", "TB"];
  let n = Number(m[1]);
  let u = units.indexOf(m[2]!);
  while (n % 1024 === 0 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n}${units[u]}`;
}

