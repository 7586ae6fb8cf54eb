import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExternalFolder, HostPlan } from "../../src/host/host-plan.js";
import { renderPreflight } from "../../src/renderers/host/preflight.js";
import { hostTestImage, results, TestHost } from "./container.js";

/**
 * Issue 24 on a real Debian 13 system: preflight checks each external library's folder as the containers' uid
 * (setpriv, as root runs it) and never creates, chowns or writes it: a missing folder stays missing, a closed one
 * keeps its owner and mode, and nothing inside changes.
 */
const plan = (externalFolders: ExternalFolder[]) =>
  ({
    deploymentName: "external-folders",
    pools: [],
    deployUser: { name: "immich-deploy", authorizedKeys: [] },
    preflight: { minDockerVersion: "20.10", nvidiaRuntime: false, devices: [], x86_64_v2: false, externalFolders },
  }) as unknown as HostPlan;

const folder = (path: string, uid = 0, importPaths: string[] = []): ExternalFolder => ({ library: "family", path, importPaths, uid });

/** Owner, mode, modification time and content listing of everything below `path` (or "absent"). */
const footprint = (host: TestHost, path: string) => host.sh(`if [ -e ${path} ]; then find ${path} -printf '%p %u:%g %m %T@\\n' | sort; else echo absent; fi`);

describe("external library folders in preflight, on a real Debian 13 system (disposable container)", () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await TestHost.start(hostTestImage());
    await host.sh(
      [
        "mkdir -p /mnt/nas/family/2019 /mnt/nas/family/scans && echo photo > /mnt/nas/family/2019/a.jpg",
        "mkdir -p /mnt/closed/family && echo photo > /mnt/closed/family/b.jpg && chmod 0700 /mnt/closed/family",
      ].join(" && "),
    );
  }, 600_000);
  afterAll(async () => host?.remove());

  it("passes a folder and its import paths the containers' uid can read, and changes nothing in it", async () => {
    const before = await footprint(host, "/mnt/nas/family");
    const r = await host.exec(renderPreflight(plan([folder("/mnt/nas/family", 0, ["2019", "scans"])]), "test"));
    expect(results(r.stdout).get("preflight: external library family")).toBe("unchanged");
    expect(r.stderr).not.toContain("external library");
    expect(await footprint(host, "/mnt/nas/family")).toBe(before);
  });

  it("refuses a missing folder and leaves it missing", async () => {
    const r = await host.exec(renderPreflight(plan([folder("/mnt/unplugged/family")]), "test"));
    expect(r.exitCode).toBe(1);
    expect(results(r.stdout).get("preflight: external library family")).toBe("failed");
    expect(r.stderr).toContain("external library family: /mnt/unplugged/family is not a folder on this host: mount or create it yourself, immich-iac never creates it");
    expect(await footprint(host, "/mnt/unplugged")).toBe("absent");
  });

  it("refuses a missing import path and creates none", async () => {
    const r = await host.exec(renderPreflight(plan([folder("/mnt/nas/family", 0, ["2019", "2020"])]), "test"));
    expect(results(r.stdout).get("preflight: external library family")).toBe("failed");
    expect(r.stderr).toContain("external library family: import path 2020 is not a readable folder in /mnt/nas/family");
    expect(await footprint(host, "/mnt/nas/family/2020")).toBe("absent");
  });

  it("refuses a folder closed to the containers' uid, keeping its owner and mode (root's checks would pass it)", async () => {
    const before = await footprint(host, "/mnt/closed/family");
    const r = await host.exec(renderPreflight(plan([folder("/mnt/closed/family", 1000)]), "test"));
    expect(results(r.stdout).get("preflight: external library family")).toBe("failed");
    expect(r.stderr).toContain("external library family: /mnt/closed/family is not readable by uid 1000, the Immich containers' user");
    expect(await footprint(host, "/mnt/closed/family")).toBe(before);
    expect(before).toContain("/mnt/closed/family root:root 700 ");
    // The same folder as uid 0, the Immich image's user: root reads a local folder whatever its mode.
    const asRoot = await host.exec(renderPreflight(plan([folder("/mnt/closed/family", 0)]), "test"));
    expect(results(asRoot.stdout).get("preflight: external library family")).toBe("unchanged");
  });
});
