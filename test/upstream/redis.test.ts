import { execa, type ResultPromise } from "execa";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_CLIENTS, type RedisClient } from "../../src/renderers/redis-acl.js";
import { renderRedisConf } from "../../src/renderers/redis-conf.js";
import { queueKeyPatterns } from "../../src/renderers/monitoring/prometheus.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { boundaryProfiles, SHIPPED_PROFILES, shippedProfile } from "../util.js";
import { upstreamRoot } from "./trixie-root.js";

const { root, reason } = upstreamRoot("/usr/bin/redis-server");

const PASSWORDS: Readonly<Record<RedisClient, string>> = Object.fromEntries(REDIS_CLIENTS.map((c) => [c, `${c}-${"x".repeat(40)}`])) as Record<RedisClient, string>;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const USERS = Object.fromEntries(REDIS_CLIENTS.map((c) => [c, sha256(PASSWORDS[c])]));

describe.skipIf(!root)(`Redis settings, checked by a real redis-server${root ? "" : ` (skipped: ${reason})`}`, () => {
  let hostDir: string;
  let inRoot: string;
  beforeAll(() => {
    hostDir = mkdtempSync(join(root!, "tmp", "immich-iac-redis-"));
    inRoot = `/tmp/${basename(hostDir)}`;
  });
  afterAll(() => hostDir && rmSync(hostDir, { recursive: true, force: true }));

  const cli = (args: string[], auth?: { user: string; password: string }) =>
    execa("chroot", [root!, "redis-cli", "-s", `${inRoot}/redis.sock`, ...(auth ? ["--user", auth.user] : []), ...args], {
      reject: false,
      // REDISCLI_AUTH, as the Redis healthcheck passes its password: never on a command line.
      env: auth ? { REDISCLI_AUTH: auth.password } : {},
    });
  const as = (c: RedisClient) => ({ user: c, password: PASSWORDS[c] });

  /** Starts redis-server on a unix socket only, runs `body` while it serves, shuts it down (as `admin`, a test-only user). */
  async function withServer<T>(conf: string, body: () => Promise<T>): Promise<{ exitCode: number | undefined; stderr: string; result?: T }> {
    // Each server starts empty: no AOF or RDB of the previous test.
    for (const f of ["appendonlydir", "dump.rdb"]) rmSync(join(hostDir, f), { recursive: true, force: true });
    writeFileSync(join(hostDir, "redis.conf"), `${conf}user admin on >admin-pw ~* &* +@all\n`);
    const sock = `${inRoot}/redis.sock`;
    const server = execa("chroot", [root!, "redis-server", `${inRoot}/redis.conf`, "--port", "0", "--unixsocket", sock, "--dir", inRoot, "--daemonize", "no"], {
      reject: false,
      all: true,
    });
    let result: T | undefined;
    for (let i = 0; i < 50; i++) {
      const ping = await cli(["ping"], as("healthcheck"));
      if (ping.stdout.trim() === "PONG") {
        try {
          result = await body();
        } finally {
          await cli(["shutdown", "nosave"], { user: "admin", password: "admin-pw" });
        }
        break;
      }
      if (server.exitCode !== null && server.exitCode !== undefined) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = await server;
    return { exitCode: done.exitCode, stderr: String(done.all ?? ""), result };
  }

  const render = (settings: Parameters<typeof renderRedisConf>[0]) =>
    renderRedisConf(settings, { dataDir: inRoot, port: 6379, users: USERS, exporterKeyPatterns: queueKeyPatterns() }, "t");

  const boundary = boundaryProfiles();
  it.each([...SHIPPED_PROFILES, ...Object.keys(boundary)])("%s: redis.conf loads and the live config matches", async (name) => {
    const settings = computeTuning(boundary[name] ?? shippedProfile(name)).redis.settings;
    const keys = ["maxmemory-policy", "maxmemory", "appendonly", "appendfsync", "save", "protected-mode"];
    const { result: values, stderr } = await withServer(render(settings), async () => {
      const v: Record<string, string> = {};
      for (const k of keys) v[k] = (await cli(["config", "get", k], { user: "admin", password: "admin-pw" })).stdout.split("\n")[1] ?? "";
      return v;
    });
    expect(values?.["maxmemory-policy"], stderr).toBe("noeviction");
    expect(values!.appendonly).toBe("yes");
    expect(values!.appendfsync).toBe("everysec");
    expect(values!.save).toBe("3600 1 300 100 60 10000");
    expect(values!["protected-mode"]).toBe("yes");
    const mb = Number(/^(\d+)mb$/.exec(settings.maxmemory!.value)![1]);
    expect(values!.maxmemory).toBe(String(mb * 1024 * 1024));
  }, 30_000);

  it("exits at once on a bad directive (the check can fail)", async () => {
    const r = await withServer("maxmemory-policy sometimes-evict\n", async () => undefined);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/FATAL CONFIG FILE ERROR/);
  }, 30_000);

  it("enforces the ACL: no credentials → NOAUTH, a wrong password → WRONGPASS, each user only its commands", async () => {
    const settings = computeTuning(shippedProfile(SHIPPED_PROFILES[0]!)).redis.settings;
    const { result: r, stderr } = await withServer(render(settings), async () => ({
      anonymousGet: (await cli(["get", "k"])).stdout,
      anonymousPing: (await cli(["ping"])).stdout,
      defaultUser: (await cli(["ping"], { user: "default", password: "" })).stderr + (await cli(["ping"], { user: "default", password: "" })).stdout,
      wrongPassword: (await cli(["ping"], { user: "authelia", password: PASSWORDS.immich })).stderr,
      autheliaSet: (await cli(["-n", "1", "set", "authelia-session:s1", "forged?"], as("authelia"))).stdout,
      autheliaGet: (await cli(["-n", "1", "get", "authelia-session:s1"], as("authelia"))).stdout,
      autheliaFlush: (await cli(["-n", "1", "flushdb"], as("authelia"))).stdout,
      immichQueue: (await cli(["rpush", "immich_bull:thumbnailGeneration:wait", "1", "2"], as("immich"))).stdout,
      immichConfig: (await cli(["config", "set", "protected-mode", "no"], as("immich"))).stdout,
      immichAcl: (await cli(["acl", "list"], as("immich"))).stdout,
      exporterGet: (await cli(["-n", "1", "get", "authelia-session:s1"], as("exporter"))).stdout,
      exporterSet: (await cli(["-n", "1", "set", "authelia-session:s2", "forged"], as("exporter"))).stdout,
      exporterLlen: (await cli(["llen", "immich_bull:thumbnailGeneration:wait"], as("exporter"))).stdout,
      exporterLrange: (await cli(["lrange", "immich_bull:thumbnailGeneration:wait", "0", "-1"], as("exporter"))).stdout,
      exporterOtherKey: (await cli(["-n", "1", "type", "authelia-session:s1"], as("exporter"))).stdout,
      healthcheckGet: (await cli(["get", "k"], as("healthcheck"))).stdout,
    }));
    expect(r, stderr).toBeDefined();
    expect(r!.anonymousGet).toMatch(/^NOAUTH /);
    expect(r!.anonymousPing).toMatch(/^NOAUTH /);
    expect(r!.defaultUser).toMatch(/WRONGPASS/);
    expect(r!.wrongPassword).toMatch(/WRONGPASS/);
    expect(r!.autheliaSet).toBe("OK");
    expect(r!.autheliaGet).toBe("forged?");
    expect(r!.autheliaFlush).toMatch(/^NOPERM .*'flushdb'/);
    expect(r!.immichQueue).toBe("2");
    expect(r!.immichConfig).toMatch(/^NOPERM .*'config\|set'/);
    expect(r!.immichAcl).toMatch(/^NOPERM /);
    expect(r!.exporterGet).toMatch(/^NOPERM .*'get'/);
    expect(r!.exporterSet).toMatch(/^NOPERM .*'set'/);
    expect(r!.exporterLlen).toBe("2");
    expect(r!.exporterLrange).toMatch(/^NOPERM .*'lrange'/);
    expect(r!.exporterOtherKey).toMatch(/^NOPERM No permissions to access a key/);
    expect(r!.healthcheckGet).toMatch(/^NOPERM .*'get'/);
  }, 30_000);

  it("the real redis_exporter scrapes as its user with our password file, and Redis denies it nothing it runs", async () => {
    const exporterRoot = upstreamRoot("/usr/bin/prometheus-redis-exporter");
    if (!exporterRoot.root) throw new Error(exporterRoot.reason);
    const settings = computeTuning(shippedProfile(SHIPPED_PROFILES[0]!)).redis.settings;
    const addr = `unix://${inRoot}/redis.sock`;
    // The map's key carries the user: redis_exporter 1.69 looks the password up by that URI.
    writeFileSync(join(hostDir, "passwords.json"), JSON.stringify({ [`unix://exporter@${inRoot}/redis.sock`]: PASSWORDS.exporter }));
    const { result, stderr } = await withServer(render(settings), async () => {
      await cli(["rpush", "immich_bull:thumbnailGeneration:wait", "a"], as("immich"));
      let exporter: ResultPromise | undefined;
      try {
        exporter = execa(
          "chroot",
          [root!, "env", "REDIS_USER=exporter", `REDIS_PASSWORD_FILE=${inRoot}/passwords.json`, `REDIS_EXPORTER_CHECK_KEYS=${queueKeyPatterns().join(",")}`,
            "/usr/bin/prometheus-redis-exporter", `-redis.addr=${addr}`, "-web.listen-address=127.0.0.1:19121"],
          { reject: false, all: true },
        );
        let metrics = "";
        for (let i = 0; i < 50 && !/^redis_up 1$/m.test(metrics); i++) {
          await new Promise((r) => setTimeout(r, 200));
          metrics = await fetch("http://127.0.0.1:19121/metrics").then((r) => r.text(), () => "");
        }
        const denied = (await cli(["acl", "log"], { user: "admin", password: "admin-pw" })).stdout;
        return { metrics, denied };
      } finally {
        exporter?.kill();
        await exporter;
      }
    });
    expect(result?.metrics, stderr).toMatch(/^redis_up 1$/m);
    expect(result!.metrics).toMatch(/^redis_key_size\{db="db0",key="immich_bull:thumbnailGeneration:wait"\} 1$/m);
    // ACL LOG lists every command Redis refused: the exporter's rules must cover all it runs.
    expect(result!.denied).toBe("");
  }, 60_000);
});
