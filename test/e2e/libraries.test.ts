import { generatedPhotos } from "../libraries/generated-photos.js";
import { execa, type ResultPromise } from "execa";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploymentPath } from "../stack-util.js";
import { REPO } from "../util.js";
import {
  createVolumeDirectories,
  destroyDeployment,
  e2eCopyOf,
  ensureDockerEngine,
  planReport,
  provideDiskDevices,
  provideImages,
  removeLeftovers,
  resynth,
  tf,
  toolchain,
  waitHealthy,
  type E2eDeployment,
  type Toolchain,
} from "./harness.js";

/**
 * External libraries applied for real (issue 24): the shipped homelab deployment with two folders of this machine
 * declared under spec.libraries.external, applied on the local Docker Engine with the stand-in images. The server
 * and the job handler read each folder at /mnt/external/<name>, and a write there fails (read-only); the folders
 * are as they were. Removing one from the file is reported by plan-report as a library going offline.
 * Then, as an operator on the Docker host would (the compiled CLI, the server's API port on its network):
 * `immich-iac libraries sync` registers both libraries in the server stand-in, whose API validates every request
 * against @immich/sdk's types (test/e2e/standins/server/immich-standin.py), and a second sync changes nothing;
 * `immich-iac import` runs the real @immich/cli in batches, is killed mid-batch and resumed with every file's
 * content sent once, and waits while a reading (IMMICH_IAC_IMPORT_READINGS) is above its threshold.
 * What the stand-ins cannot show (Immich indexing the files) is not claimed: see the stand-in's header.
 */
let t: Toolchain;
let d: E2eDeployment;
const folders = mkdtempSync("/mnt/iac-e2e-lib-");
const family = join(folders, "family");
const scans = join(folders, "scans");
const container = (component: string) => `immich-${d.name}-${component}`;
const CLI = join(REPO, "dist", "immich-iac.cjs");
const ADMIN_KEY = "e2eAdminKey_0123456789abcdefABCDEF";
const work = mkdtempSync(join(tmpdir(), "iac-e2e-import-"));
const readings = join(work, "readings");
const LOW = "some avg10=1.00 avg60=1.00 avg300=1.00 total=1\n";
const HIGH = "some avg10=95.00 avg60=50.00 avg300=10.00 total=9\n";
/** The server's API as the Docker host reaches it (http://<address on a network of its>:2283). */
let immichUrl = "";
/** @immich/cli and its Node (scripts/immich-cli.sh). */
let immichCli: Record<string, string> = {};

const lines = (text: string) => text.split("\n").filter(Boolean);
async function api(path: string, key = ADMIN_KEY): Promise<{ status: number; body: any }> {
  const r = await fetch(`${immichUrl}/api${path}`, { headers: { "x-api-key": key } });
  return { status: r.status, body: r.status === 204 ? undefined : await r.json() };
}
const standinLog = async (name: string) => (await execa("docker", ["exec", container("server"), "sh", "-c", `cat /tmp/immich-standin-${name}.log 2>/dev/null || true`])).stdout;
function cli(args: string[], opts: { detached?: boolean; key?: string } = {}): ResultPromise<{ reject: false; all: true; detached?: boolean }> {
  return execa("node", [CLI, ...args], {
    env: { ...process.env, ...immichCli, IMMICH_API_KEY: opts.key ?? ADMIN_KEY, IMMICH_IAC_IMPORT_READINGS: readings },
    reject: false,
    all: true,
    detached: opts.detached ?? false,
  }) as never;
}

beforeAll(async () => {
  expect(existsSync(CLI), "npm run build first: the suite runs the compiled CLI").toBe(true);
  t = await toolchain();
  await ensureDockerEngine();
  mkdirSync(family);
  mkdirSync(join(scans, "1998"), { recursive: true });
  writeFileSync(join(family, "beach.jpg"), "a photo of a beach");
  writeFileSync(join(scans, "1998", "letter.jpg"), "a scanned letter");
  d = e2eCopyOf(deploymentPath("homelab"), "lib", (doc) => {
    delete doc.spec.backup?.offsite;
    const owner = doc.spec.auth.users[0].name;
    doc.spec.libraries = {
      external: [
        { name: "family", hostPath: family, owner },
        { name: "scans", hostPath: scans, owner, importPaths: ["1998"] },
      ],
    };
  });
  await removeLeftovers(d.name);
  const json = resynth(d);
  createVolumeDirectories(json, d.dataRoot);
  await provideDiskDevices(json, d.work);
  await provideImages(json);
  const init = await tf(t, d, ["init", "-input=false", "-no-color"]);
  expect(init.exitCode, init.all).toBe(0);
  const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"]);
  expect(apply.exitCode, apply.all).toBe(0);
  await waitHealthy(d.name, 300);

  // Users log in once with OIDC and an admin creates an API key in the web app: neither exists without Immich, so
  // the stand-in is told (see its header). The first user is the admin.
  const users = d.doc.spec.auth.users.map((u: { email: string; displayName?: string; name: string }, i: number) => ({ email: u.email, name: u.displayName ?? u.name, isAdmin: i === 0 }));
  await execa("docker", ["exec", "-i", container("server"), "immich-standin", "seed"], { input: JSON.stringify({ users, apiKeys: [{ secret: ADMIN_KEY, email: users[0].email }] }) });
  const addresses = (await execa("docker", ["inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container("server")])).stdout.trim().split(/\s+/);
  for (const a of addresses) {
    const ok = await fetch(`http://${a}:2283/api/server/ping`, { signal: AbortSignal.timeout(3000) }).then((r) => r.ok, () => false);
    if (ok) {
      immichUrl = `http://${a}:2283`;
      break;
    }
  }
  expect(immichUrl, `the server answers on none of ${addresses.join(", ")} from the Docker host`).not.toBe("");
  const installed = await execa("bash", [join(REPO, "scripts", "immich-cli.sh")]);
  immichCli = Object.fromEntries(lines(installed.stdout).map((l) => /^export (\w+)=(.*)$/.exec(l)!.slice(1, 3) as [string, string]));
}, 1_800_000);

afterAll(async () => {
  if (d) await destroyDeployment(t, d);
  rmSync(folders, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}, 900_000);

describe("external libraries on a real Docker Engine", () => {
  it("the second plan is empty", async () => {
    const second = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"]);
    expect(second.exitCode, second.all).toBe(0);
  });

  it.each(["server", "job-handler"])("the %s reads both folders at /mnt/external/<name>, and a write there fails", async (component) => {
    const exec = (cmd: string) => execa("docker", ["exec", container(component), "sh", "-c", cmd], { reject: false, all: true });
    expect((await exec("cat /mnt/external/family/beach.jpg")).stdout).toBe("a photo of a beach");
    expect((await exec("cat /mnt/external/scans/1998/letter.jpg")).stdout).toBe("a scanned letter");
    const write = await exec("touch /mnt/external/family/written-by-immich && echo wrote");
    expect(write.exitCode).not.toBe(0);
    expect(write.all).toContain("Read-only file system");
    const remove = await exec("rm /mnt/external/scans/1998/letter.jpg");
    expect(remove.exitCode).not.toBe(0);
    expect(readdirSync(family)).toEqual(["beach.jpg"]);
    expect(readdirSync(join(scans, "1998"))).toEqual(["letter.jpg"]);
  });

  it("the server's API refuses what Immich refuses: no key, an unknown key, a body not of the SDK's type", async () => {
    expect(await api("/users/me", "")).toMatchObject({ status: 401, body: { message: "Authentication required" } });
    expect(await api("/users/me", "unknownKey_0123456789abcdef")).toMatchObject({ status: 401, body: { message: "Invalid API key" } });
    const post = (body: string) => fetch(`${immichUrl}/api/libraries`, { method: "POST", headers: { "x-api-key": ADMIN_KEY, "content-type": "application/json" }, body }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await post(JSON.stringify({ name: "no-owner" }))).toMatchObject({ status: 400, body: { message: ["/ must have property ownerId"] } });
    expect(await post(JSON.stringify({ ownerId: "alice", importPaths: "/mnt/external/family" }))).toMatchObject({ status: 400, body: { message: ["/importPaths must be array"] } });
    expect((await api("/libraries")).body).toEqual([]);
  });

  it("libraries sync registers both libraries through Immich's API, scans them, and a second sync changes nothing", async () => {
    const sync = (...args: string[]) => cli(["libraries", "sync", "--deployment", d.file, "--url", immichUrl, ...args]);
    const wrongKey = await cli(["libraries", "sync", "--deployment", d.file, "--url", immichUrl], { key: "unknownKey_0123456789abcdef" });
    expect(wrongKey.exitCode, wrongKey.all).toBe(1);
    expect(wrongKey.all).toContain("Immich answered 401: Invalid API key (is IMMICH_API_KEY an admin's key");
    expect(wrongKey.all).not.toContain("unknownKey_0123456789abcdef");

    const dry = await sync("--dry-run");
    expect(dry.exitCode, dry.all).toBe(2);
    expect(lines(dry.stdout)).toEqual([
      "would: create library family: import /mnt/external/family",
      "would: scan library family",
      "would: create library scans: import /mnt/external/scans/1998",
      "would: scan library scans",
    ]);
    expect((await api("/libraries")).body).toEqual([]);

    const first = await sync();
    expect(first.exitCode, first.all).toBe(2);
    expect(lines(first.stdout)).toEqual(lines(dry.stdout).map((l) => l.replace(/^would:/, "did:")));
    const admin = (await api("/users/me")).body;
    const libraries = (await api("/libraries")).body as { name: string; ownerId: string; importPaths: string[]; updatedAt: string }[];
    expect(libraries.map((l) => [l.name, l.ownerId, l.importPaths]).sort()).toEqual([
      ["family", admin.id, ["/mnt/external/family"]],
      ["scans", admin.id, ["/mnt/external/scans/1998"]],
    ]);
    // Each scan found its import paths as readable folders in the server container: the mounts the libraries name.
    expect(lines(await standinLog("scans")).map((l) => JSON.parse(l))).toEqual([
      { library: "family", importPaths: [{ path: "/mnt/external/family", readableFolder: true }] },
      { library: "scans", importPaths: [{ path: "/mnt/external/scans/1998", readableFolder: true }] },
    ]);

    const second = await sync();
    expect(second.exitCode, second.all).toBe(0);
    expect(second.stdout).toBe("libraries in sync: nothing to do");
    expect((await api("/libraries")).body).toEqual(libraries);
    expect(lines(await standinLog("scans"))).toHaveLength(2);
  });

  it("import: @immich/cli uploads 500 files in batches; killed mid-batch and resumed, every file's content reaches Immich once", async () => {
    const dir = join(work, "old-disk");
    generatedPhotos(dir, 500);
    writeFileSync(readings, LOW);
    const journal = join(work, "journal.jsonl");
    const args = ["import", dir, "--deployment", d.file, "--url", immichUrl, "--journal", journal, "--poll-seconds", "1"];
    const child = cli(args, { detached: true });
    let out = "";
    child.all?.on("data", (c: Buffer) => (out += c.toString()));
    // Killed (the CLI and the upload it runs) once the first batch is in the journal and the second is under way.
    let total = 0;
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
      const batchFiles = Number(/batches of (\d+) files/.exec(out)?.[1] ?? Infinity);
      total = (await api("/assets/statistics")).body.total;
      if (existsSync(journal) && lines(readFileSync(journal, "utf8")).length >= 1 && total >= batchFiles + 20) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(-child.pid!, "SIGKILL");
    await child;
    expect(out).toContain("batches of 250 files");
    expect(lines(readFileSync(journal, "utf8"))).toHaveLength(1);
    const atKill = (await api("/assets/statistics")).body.total;
    expect(atKill).toBeGreaterThanOrEqual(270);
    expect(atKill, "the import ended before it could be killed mid-batch").toBeLessThan(500);

    const resumed = await cli(args);
    expect(resumed.exitCode, resumed.all).toBe(0);
    expect(resumed.stdout).toContain(`resuming: 250 of 500 files were handled by an earlier run (journal ${journal})`);
    expect(resumed.stdout).toMatch(/batch 1\/1: \d+ uploaded, \d+ duplicates, 0 failed; 500\/500 files, .* ETA /);
    const summary = /summary: (\d+) uploaded, (\d+) duplicates skipped, 0 failed/.exec(resumed.stdout);
    expect(summary, resumed.stdout).not.toBeNull();
    expect(Number(summary![1]) + Number(summary![2])).toBe(500);
    // What the killed batch had uploaded, the CLI's bulk-upload-check found by checksum: duplicates, not sent again.
    expect(Number(summary![2])).toBeGreaterThanOrEqual(atKill - 250);
    expect((await api("/assets/statistics")).body).toEqual({ images: 500, videos: 0, total: 500 });
    const uploads = lines(await standinLog("uploads")).map((l) => l.split(" ")[0]);
    expect(uploads).toHaveLength(500);
    expect(new Set(uploads).size).toBe(500);
    const admin = (await api("/users/me")).body;
    const stored = await execa("docker", ["exec", container("server"), "sh", "-c", `find /data/upload/${admin.id} -type f | wc -l`]);
    expect(stored.stdout.trim()).toBe("500");
  });

  it("import waits while the I/O stall reading is above the profile's threshold, and goes on when it drops", async () => {
    const dir = join(work, "nas-export");
    generatedPhotos(dir, 20);
    writeFileSync(readings, HIGH);
    const before = (await api("/assets/statistics")).body.total;
    const run = cli(["import", dir, "--deployment", d.file, "--url", immichUrl, "--journal", join(work, "j2.jsonl"), "--poll-seconds", "1"]);
    let out = "";
    run.all?.on("data", (c: Buffer) => (out += c.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (out.match(/waiting before batch 1\/1/g) ?? []).length < 3) await new Promise((r) => setTimeout(r, 100));
    expect(out).toMatch(/waiting before batch 1\/1: I\/O stall 95 % > 20 %/);
    expect((await api("/assets/statistics")).body.total).toBe(before);
    writeFileSync(readings, LOW);
    const done = await run;
    expect(done.exitCode, done.all).toBe(0);
    expect(done.stdout).toContain("summary: 20 uploaded, 0 duplicates skipped, 0 failed");
    expect((await api("/assets/statistics")).body.total).toBe(before + 20);
  });

  it("a folder removed from the file: plan-report names the library going offline, a maintenance window (exit 3)", async () => {
    resynth(d, (doc) => {
      doc.spec.libraries.external = doc.spec.libraries.external.filter((l: { name: string }) => l.name !== "scans");
    });
    const plan = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color", "-out=drop-scans.tfplan"]);
    expect(plan.exitCode, plan.all).toBe(2);
    const { exitCode, report } = await planReport(t, d, "drop-scans.tfplan");
    expect(exitCode).toBe(3);
    const messages = (report.resources as { message: string; component?: string }[]).filter((r) => /loses its folder/.test(r.message));
    expect(messages.map((m) => m.component).sort()).toEqual(["job-handler", "server"]);
    for (const m of messages) expect(m.message).toContain(`external library scans loses its folder ${scans}: Immich marks its assets offline at the next scan`);
  });
});
