import { describe, expect, it } from "vitest";
import { libraryDeployment, loadDoc, synth } from "./library-util.js";

const OFFSITE = { offsite: { endpoint: "https://s3.eu-central-003.backblazeb2.com", bucket: "example-immich-backups", region: "eu-central-003" } };
const FAMILY = { name: "family", hostPath: "/mnt/nas/family", owner: "alice", offsiteBackup: true };
const SCANS = { name: "scans", hostPath: "/media/old-disk/scans", owner: "bob" };

const backupContainer = (json: any) => (Object.values(json.resource.docker_container) as any[]).find((c) => c.name === "immich-lib-backup");
const offsiteScript = (json: any) => (backupContainer(json).upload as any[]).find((u) => u.file === "/etc/immich-iac/offsite.sh").content as string;

describe("external libraries and the off-site copy", () => {
  const json = synth(loadDoc(libraryDeployment([FAMILY, SCANS], { backup: OFFSITE })));

  it("only a library with offsiteBackup: true is bound into restic's container, read-only, at /external/<name>", () => {
    expect(backupContainer(json).mounts).toEqual([{ type: "bind", source: "/mnt/nas/family", target: "/external/family", read_only: true }]);
  });

  it("restic backs it up with the backups and the library; a library without the option is not copied", () => {
    const script = offsiteScript(json);
    expect(script).toMatch(/restic backup .* \/backups \/library \/external\/family\n/);
    expect(script).not.toContain("scans");
  });

  it("without the option, restic's container and script are those of a deployment without libraries", () => {
    const plain = synth(loadDoc(libraryDeployment([], { backup: OFFSITE })));
    const notCopied = synth(loadDoc(libraryDeployment([{ ...FAMILY, offsiteBackup: false }], { backup: OFFSITE })));
    expect(backupContainer(notCopied)).toEqual(backupContainer(plain));
    expect(backupContainer(plain).mounts).toBeUndefined();
  });
});
