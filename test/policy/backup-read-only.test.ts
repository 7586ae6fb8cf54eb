import { Container } from "../../providers/docker/container/index.js";
import { DockerProvider } from "../../providers/docker/provider/index.js";
import { Volume } from "../../providers/docker/volume/index.js";
import { App, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { BackupReadsUserDataReadOnly, evaluatePolicy } from "../../constructs/policy/index.js";
import { defaultBackupSettings } from "../../src/backup/backup-settings.js";
import { RandomProvider } from "../../providers/random/provider/index.js";
import { ImmichStack } from "../../constructs/immich-stack.js";
import { synthResources } from "../../constructs/policy/index.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { shippedProfile } from "../util.js";
import { COMPLIANT } from "./policy-util.js";

/** One backup container mounting one volume bound to `device` (user data or not), writable or not. */
function check(device: string, opts: { data?: boolean; readOnly?: boolean; component?: string; hostPath?: boolean } = {}): string[] {
  const stack = new TerraformStack(new App({ outdir: "/tmp/iac-policy-unused" }), "s");
  new DockerProvider(stack, "docker", {});
  const v = new Volume(stack, "v", {
    name: "vol",
    driverOpts: { type: "none", o: "bind", device },
    labels: [{ label: "io.immich-iac.data", value: String(opts.data ?? true) }],
  });
  new Container(stack, "c", {
    ...COMPLIANT,
    labels: [{ label: "io.immich-iac.component", value: opts.component ?? "backup" }],
    volumes: [opts.hostPath ? { hostPath: device, containerPath: "/x", readOnly: opts.readOnly ?? false } : { volumeName: v.name, containerPath: "/x", readOnly: opts.readOnly ?? false }],
  });
  return evaluatePolicy(stack, [BackupReadsUserDataReadOnly]).map((x) => x.message);
}

const C = 'docker_container.c ("c")';

describe("IIAC011 BackupReadsUserDataReadOnly", () => {
  it("refuses a backup container writing the library or the backups dataset itself", () => {
    expect(check("/srv/immich/library")).toEqual([`${C}: user-data volume vol (/srv/immich/library) is mounted writable at /x`]);
    expect(check("/srv/immich/backups")).toEqual([`${C}: user-data volume vol (/srv/immich/backups) is mounted writable at /x`]);
    expect(check("/srv/immich/library", { hostPath: true })).toEqual([`${C}: host path /srv/immich/library is mounted writable at /x`]);
  });

  it("allows read-only mounts, its own folder of the backups role, volumes that hold no user data, and other components", () => {
    expect(check("/srv/immich/library", { readOnly: true })).toEqual([]);
    expect(check("/srv/immich/backups/postgres")).toEqual([]);
    expect(check("/srv/immich/thumbnails/thumbs", { data: false })).toEqual([]);
    expect(check("/srv/immich/library", { component: "server" })).toEqual([]);
  });

  it("holds for the stack's own backup containers, which it does check", () => {
    const stack = new TerraformStack(new App({ outdir: "/tmp/iac-policy-unused" }), "s");
    new DockerProvider(stack, "docker", {});
    new RandomProvider(stack, "random", {});
    new ImmichStack(stack, "immich", {
      deploymentName: "t",
      domain: "photos.example.com",
      tuning: computeTuning(shippedProfile("homelab-minimal")),
      backup: { ...defaultBackupSettings(), offsite: { endpoint: "https://s3.example.com", bucket: "b-1", region: "r", prefix: "p" } },
    });
    const backups = synthResources(stack).filter((e) => e.resource.type === "docker_container" && String(e.resource.config.name).includes("-backup"));
    expect(backups.map((e) => e.resource.config.name).sort()).toEqual(["immich-t-backup", "immich-t-backup-wal"]);
    expect(evaluatePolicy(stack, [BackupReadsUserDataReadOnly])).toEqual([]);
  });
});
