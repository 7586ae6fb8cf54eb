import { execa } from "execa";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETENTION } from "../../src/backup/backup-settings.js";
import { renderOffsiteScript } from "../../src/renderers/backup/offsite.js";
import { upstreamRoot } from "./trixie-root.js";

/**
 * The off-site script with the real restic at the release we deploy (0.19.1, IMAGE_PINS.restic, built into the
 * trixie root's /usr/local/bin by scripts/upstream-root.sh) on a local repository: the first run
 * creates the repository; once this deployment has backed up to it, a repository that is gone (a bucket emptied
 * or replaced) fails the run with its reason and is not silently created again, empty. The script runs under dash
 * in a private mount namespace whose /state, /backups and /library are scratch directories.
 */
const { root, reason } = upstreamRoot("/usr/local/bin/restic");

describe.skipIf(!root)(`the off-site script with the real restic${root ? "" : ` (skipped: ${reason})`}`, () => {
  // Made when the suite runs, not when it is collected: a skipped suite's body still runs (without the trixie root,
  // as a user who is not root, <root>/tmp does not exist).
  let scratch = "";
  let inRoot = "";
  beforeAll(() => {
    scratch = mkdtempSync(join(root!, "tmp", "iac-offsite-"));
    inRoot = scratch.slice(root!.length);
    for (const d of ["state", "backups", "library", "repository"]) mkdirSync(join(scratch, d), { recursive: true });
    writeFileSync(join(scratch, "library", "photo.jpg"), "a photo");
    writeFileSync(join(scratch, "password"), "correct horse battery staple");
    const script = renderOffsiteScript({ title: "deployment t", deploymentName: "t", snapshotHost: "immich-t", intervalHours: 6, retention: DEFAULT_RETENTION, excludes: ["/backups/offsite"] });
    writeFileSync(join(scratch, "offsite.sh"), script);
  });
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** `offsite.sh run` in the trixie root, with the scratch directories where the container mounts its volumes. */
  const run = () =>
    execa(
      "unshare",
      [
        "-m",
        "sh",
        "-c",
        `set -e; for d in state backups library; do mkdir -p "$1/$d"; mount --bind "$2/$d" "$1/$d"; done; exec chroot "$1" env PATH=/usr/local/bin:/usr/bin:/bin RESTIC_REPOSITORY="$3/repository" RESTIC_PASSWORD_FILE="$3/password" dash "$3/offsite.sh" run`,
        "sh",
        root!,
        scratch,
        inRoot,
      ],
      { reject: false, all: true },
    );
  const status = () => JSON.parse(readFileSync(join(scratch, "state", "status.json"), "utf8")) as { result: string; message: string };

  it("creates the repository on the first run and backs up", async () => {
    const r = await run();
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain("creating it");
    expect(status()).toMatchObject({ result: "ok", message: "backed up and pruned" });
  }, 120_000);

  it("a repository it backed up to that is gone fails the run, loudly, and is not created again empty", async () => {
    rmSync(join(scratch, "repository"), { recursive: true, force: true });
    mkdirSync(join(scratch, "repository"));
    const r = await run();
    expect(r.exitCode, r.all).toBe(1);
    expect(status()).toMatchObject({ result: "failed" });
    expect(status().message).toContain("the repository this deployment backed up to is gone");
    expect(r.all).not.toContain("creating it");
    // Nothing was initialised over the lost one: the directory is still empty.
    expect((await execa("find", [join(scratch, "repository"), "-mindepth", "1"])).stdout).toBe("");
  }, 120_000);
});
