import { describe, expect, it } from "vitest";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import { deploymentTuning } from "../../src/deployment/deployment-tuning.js";
import { renderPreflight } from "../../src/renderers/host/preflight.js";
import { containerImportPaths } from "../../src/libraries/external-libraries.js";
import { libraryDeployment, loadDoc, problemsOf, synth } from "./library-util.js";

const FAMILY = { name: "family", hostPath: "/mnt/nas/family", owner: "alice" };
const SCANS = { name: "scans", hostPath: "/media/old-disk/scans", owner: "bob", importPaths: ["1998", "letters/2001"], exclusionPatterns: ["**/@eaDir/**"] };

const containers = (json: any) => Object.values(json.resource.docker_container) as any[];
const byName = (json: any, suffix: string) => containers(json).find((c) => c.name === `immich-lib-${suffix}`);

describe("spec.libraries.external: the deployment's shape", () => {
  it("loads two libraries with their defaults: whole folder, exclusions not managed, no off-site copy", () => {
    const d = loadDoc(libraryDeployment([FAMILY, SCANS]));
    expect(d.libraries).toEqual({
      external: [
        { name: "family", hostPath: "/mnt/nas/family", owner: "alice", importPaths: [], offsiteBackup: false },
        { name: "scans", hostPath: "/media/old-disk/scans", owner: "bob", importPaths: ["1998", "letters/2001"], exclusionPatterns: ["**/@eaDir/**"], offsiteBackup: false },
      ],
    });
  });

  it("a deployment without the section has no libraries", () => {
    const doc = libraryDeployment([]);
    delete doc.spec.libraries;
    expect(loadDoc(doc).libraries).toEqual({ external: [] });
  });

  it("import paths become container paths below /mnt/external/<name>; none means the whole folder", () => {
    expect(containerImportPaths({ name: "family", importPaths: [] })).toEqual(["/mnt/external/family"]);
    expect(containerImportPaths({ name: "scans", importPaths: ["1998", "letters/2001"] })).toEqual(["/mnt/external/scans/1998", "/mnt/external/scans/letters/2001"]);
  });

  it.each([
    ["a system folder", { hostPath: "/etc" }, "spec.libraries.external[0].hostPath: not a folder of photos (expected a folder below /srv, /data, /mnt, /media, /opt, /tank or /home/<user>"],
    ["Docker's own data", { hostPath: "/var/lib/docker/volumes" }, 'spec.libraries.external[0].hostPath: not a folder of photos (expected a folder below /srv, /data, /mnt, /media, /opt, /tank or /home/<user>, like /mnt/nas/photos, got "/var/lib/docker/volumes")'],
    ["a top-level folder itself", { hostPath: "/mnt" }, 'got "/mnt")'],
    ["a home folder itself", { hostPath: "/home/alice" }, 'got "/home/alice")'],
    ["a pseudo file system", { hostPath: "/proc/1/root" }, "spec.libraries.external[0].hostPath: expected a folder of photos, not a pseudo file system (/proc, /sys, /dev)"],
    ["a relative path", { hostPath: "photos" }, "spec.libraries.external[0].hostPath: invalid format (expected an absolute folder path on the Docker host of letters, digits, . _ @ + - and no '..' (bind a folder with other characters to one like /mnt/<name> first)"],
    ["a '..' segment", { hostPath: "/mnt/../etc" }, "spec.libraries.external[0].hostPath: invalid format (expected an absolute folder path on the Docker host of letters, digits, . _ @ + - and no '..' (bind a folder with other characters to one like /mnt/<name> first)"],
    ["a space (a shell and Terraform value)", { hostPath: "/mnt/my photos" }, "spec.libraries.external[0].hostPath: invalid format (expected an absolute folder path on the Docker host of letters"],
    ["a Terraform template", { hostPath: "/mnt/${file(\"/etc/shadow\")}" }, "spec.libraries.external[0].hostPath: invalid format (expected an absolute folder path on the Docker host of letters"],
    ["an upper-case name", { name: "Family" }, "spec.libraries.external[0].name: invalid format (expected a library name: lowercase letters, digits and '-', 1-32 characters"],
    ["a name of 33 characters", { name: "a".repeat(33) }, "spec.libraries.external[0].name: invalid format (expected a library name"],
    ["a name that is a path", { name: "../x" }, "spec.libraries.external[0].name: invalid format (expected a library name"],
    ["an absolute import path", { importPaths: ["/etc"] }, 'spec.libraries.external[0].importPaths[0]: expected a folder relative to hostPath, like 2019 or family/scans (got "/etc", an absolute path)'],
    ["an import path leaving the folder", { importPaths: ["2019/../../etc"] }, "spec.libraries.external[0].importPaths[0]: expected a folder below hostPath without '.', '..' or empty segments"],
    ["a control character in an import path", { importPaths: ["a\u0007b"] }, "spec.libraries.external[0].importPaths[0]: control characters and line breaks are not allowed"],
    ["a template in an exclusion pattern", { exclusionPatterns: ["${x}"] }, "spec.libraries.external[0].exclusionPatterns[0]: ${ and %{ are not allowed"],
    ["an owner who is no user", { owner: "mallory" }, 'spec.libraries.external[0].owner: not a user of this deployment (expected "alice" or "bob" from spec.auth.users, got "mallory")'],
    ["an unknown key", { readOnly: false }, 'spec.libraries.external[0].readOnly: unknown field (expected one of the documented fields, got "readOnly")'],
    ["an off-site copy without an off-site repository", { offsiteBackup: true }, "spec.libraries.external[0].offsiteBackup: there is no off-site repository to copy the folder to (expected spec.backup.offsite set, or offsiteBackup: false)"],
  ])("refuses %s with a located message", (_what, change, expected) => {
    const found = problemsOf(libraryDeployment([{ ...FAMILY, ...change }]));
    expect(found.join("\n")).toContain(expected);
  });

  it("refuses too many import paths, by Immich's bound", () => {
    const found = problemsOf(libraryDeployment([{ ...FAMILY, importPaths: Array.from({ length: 129 }, (_, i) => `y${i}`) }]));
    expect(found).toEqual(["spec.libraries.external[0].importPaths: too many entries (expected at most 128, got a list of 129)"]);
  });

  it("refuses more than 32 libraries", () => {
    const many = Array.from({ length: 33 }, (_, i) => ({ name: `l${i}`, hostPath: `/mnt/l${i}`, owner: "alice" }));
    expect(problemsOf(libraryDeployment(many))).toEqual(["spec.libraries.external: too many entries (expected at most 32, got a list of 33)"]);
  });

  it("refuses two libraries of one name", () => {
    expect(problemsOf(libraryDeployment([FAMILY, { ...SCANS, name: "family" }]))).toEqual([
      'spec.libraries.external[1].name: library names must be unique (expected another name than library 0\'s, got "family")',
    ]);
  });

  it.each([
    ["the same folder", "/mnt/nas/family"],
    ["a folder inside another", "/mnt/nas/family/2019"],
    ["a folder holding another", "/mnt/nas"],
  ])("refuses %s twice: Immich would index it twice", (_what, hostPath) => {
    expect(problemsOf(libraryDeployment([FAMILY, { ...SCANS, hostPath }]))).toEqual([
      `spec.libraries.external[1].hostPath: overlaps library 0's folder "/mnt/nas/family": Immich would index its files twice (expected folders that do not contain one another, got "${hostPath}")`,
    ]);
  });

  it("does not take /mnt/nas/family2 for a folder inside /mnt/nas/family", () => {
    expect(problemsOf(libraryDeployment([FAMILY, { ...SCANS, hostPath: "/mnt/nas/family2" }]))).toEqual([]);
  });

  it.each([
    ["inside the data root", "/mnt/pool/immich/library/x"],
    ["holding the data root", "/mnt/pool"],
  ])("refuses a folder %s", (_what, hostPath) => {
    const found = problemsOf(libraryDeployment([{ ...FAMILY, hostPath }], { dataRoot: "/mnt/pool/immich" }));
    expect(found).toEqual([`spec.libraries.external[0].hostPath: overlaps the data root "/mnt/pool/immich", where Immich keeps its own files (expected a folder outside it that does not contain it, got "${hostPath}")`]);
  });

  it("refuses libraries that disagree on Immich's one watch switch, at the one that differs", () => {
    expect(problemsOf(libraryDeployment([{ ...FAMILY, watch: true }, SCANS, { name: "c", hostPath: "/mnt/c", owner: "alice", watch: false }]))).toEqual([
      "spec.libraries.external[2].watch: Immich has one watch switch for all libraries (expected true, as library 0 says, or leave it out; got false)",
    ]);
  });
});

describe("external libraries in the stack", () => {
  const d = loadDoc(libraryDeployment([FAMILY, SCANS], { jobHandler: { replicas: 2 } }));
  const json = synth(d);
  const expected = [
    { type: "bind", source: "/mnt/nas/family", target: "/mnt/external/family", read_only: true },
    { type: "bind", source: "/media/old-disk/scans", target: "/mnt/external/scans", read_only: true },
  ];

  it.each(["server", "job-handler", "job-handler-2"])("%s binds every folder read-only at /mnt/external/<name>, through the Mounts API", (suffix) => {
    expect(byName(json, suffix).mounts).toEqual(expected);
  });

  it("no other container sees the folders", () => {
    const others = containers(json).filter((c) => !/-(server|job-handler(-\d)?)$/.test(c.name));
    expect(others.length).toBeGreaterThan(3);
    for (const c of others) expect(JSON.stringify(c.mounts ?? []) + JSON.stringify(c.volumes ?? [])).not.toContain("/mnt/nas");
  });

  it("the folders are not in the volumes list, whose host binds Docker would create when missing", () => {
    expect(JSON.stringify(byName(json, "server").volumes)).not.toContain("/mnt/");
  });

  it("Immich's config file leaves the watch switch alone unless a library sets it", () => {
    const config = (j: any) => JSON.stringify(j).match(/library\\":\{[^}]*\}/)?.[0];
    expect(config(json)).toBeUndefined();
    const watched = synth(loadDoc(libraryDeployment([{ ...FAMILY, watch: true }])));
    expect(JSON.stringify(watched)).toContain('\\"library\\": {\\n    \\"watch\\": {\\n      \\"enabled\\": true\\n    }\\n  }');
  });

  it("preflight checks each folder and import path as the containers' uid, and creates nothing", () => {
    const script = renderPreflight(deriveHostPlan(d, deploymentTuning(d)), "t");
    expect(script).toContain("if [ ! -d /mnt/nas/family ]; then problem 'external library family: /mnt/nas/family is not a folder on this host: mount or create it yourself, immich-iac never creates it' 'external library family';");
    expect(script).toContain("elif ! readable_by 0 /mnt/nas/family; then problem");
    expect(script).toContain("elif [ ! -d /media/old-disk/scans/letters/2001 ] || ! readable_by 0 /media/old-disk/scans/letters/2001; then problem 'external library scans: import path letters/2001 is not a readable folder in /media/old-disk/scans' 'external library scans';");
    const checks = script.slice(script.indexOf("# External libraries"));
    expect(checks.replace(/^# .*$/m, "")).not.toMatch(/\b(mkdir|chown|chmod|touch|rm|tee)\b|>\s*\/(?!dev\/null)/);
  });

  it("a deployment without libraries has no folder checks in preflight", () => {
    const plain = loadDoc(libraryDeployment([]));
    expect(renderPreflight(deriveHostPlan(plain, deploymentTuning(plain)), "t")).not.toContain("readable_by");
  });
});
