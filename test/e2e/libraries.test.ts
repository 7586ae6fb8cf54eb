import { execa } from "execa";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploymentPath } from "../stack-util.js";
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
 * What the stand-ins cannot show (Immich indexing the files) is not claimed: see test/libraries/immich-standin.ts.
 */
let t: Toolchain;
let d: E2eDeployment;
const folders = mkdtempSync("/mnt/iac-e2e-lib-");
const family = join(folders, "family");
const scans = join(folders, "scans");
const container = (component: string) => `immich-${d.name}-${component}`;

beforeAll(async () => {
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
}, 1_800_000);

afterAll(async () => {
  if (d) await destroyDeployment(t, d);
  rmSync(folders, { recursive: true, force: true });
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
