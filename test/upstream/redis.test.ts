import { execa } from "execa";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderRedisConf } from "../../src/renderers/redis-conf.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { boundaryProfiles, SHIPPED_PROFILES, shippedProfile } from "../util.js";
import { upstreamRoot } from "./trixie-root.js";

const { root, reason } = upstreamRoot("/usr/bin/redis-server");

describe.skipIf(!root)(`Redis settings, checked by a real redis-server${root ? "" : ` (skipped: ${reason})`}`, () => {
  let hostDir: string;
  let inRoot: string;
  beforeAll(() => {
    hostDir = mkdtempSync(join(root!, "tmp", "immich-iac-redis-"));
    inRoot = `/tmp/${basename(hostDir)}`;
  });
  afterAll(() => hostDir && rmSync(hostDir, { recursive: true, force: true }));

  /** Starts redis-server on a unix socket only, reads the live config back, shuts it down. */
  async function runWith(conf: string, keys: string[]): Promise<{ exitCode: number | undefined; stderr: string; values: Record<string, string> }> {
    writeFileSync(join(hostDir, "redis.conf"), conf);
    const sock = `${inRoot}/redis.sock`;
    const server = execa("chroot", [root!, "redis-server", `${inRoot}/redis.conf`, "--port", "0", "--unixsocket", sock, "--dir", inRoot, "--daemonize", "no"], {
      reject: false,
      all: true,
    });
    const values: Record<string, string> = {};
    for (let i = 0; i < 50; i++) {
      const ping = await execa("chroot", [root!, "redis-cli", "-s", sock, "ping"], { reject: false });
      if (ping.stdout.trim() === "PONG") {
        for (const k of keys) {
          const r = await execa("chroot", [root!, "redis-cli", "-s", sock, "config", "get", k]);
          values[k] = r.stdout.split("\n")[1] ?? "";
        }
        await execa("chroot", [root!, "redis-cli", "-s", sock, "shutdown", "nosave"], { reject: false });
        break;
      }
      if (server.exitCode !== null && server.exitCode !== undefined) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = await server;
    return { exitCode: done.exitCode, stderr: String(done.all ?? ""), values };
  }

  const boundary = boundaryProfiles();
  it.each([...SHIPPED_PROFILES, ...Object.keys(boundary)])("%s: redis.conf loads and the live config matches", async (name) => {
    const settings = computeTuning(boundary[name] ?? shippedProfile(name)).redis.settings;
    const { values, stderr } = await runWith(renderRedisConf(settings, { dataDir: inRoot, port: 6379 }, name), ["maxmemory-policy", "maxmemory", "appendonly", "appendfsync", "save"]);
    expect(values["maxmemory-policy"], stderr).toBe("noeviction");
    expect(values.appendonly).toBe("yes");
    expect(values.appendfsync).toBe("everysec");
    expect(values.save).toBe("3600 1 300 100 60 10000");
    const mb = Number(/^(\d+)mb$/.exec(settings.maxmemory!.value)![1]);
    expect(values.maxmemory).toBe(String(mb * 1024 * 1024));
  }, 30_000);

  it("exits at once on a bad directive (the check can fail)", async () => {
    const r = await runWith("maxmemory-policy sometimes-evict\n", []);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/FATAL CONFIG FILE ERROR/);
  }, 30_000);
});
