import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/plan-json.js";
import { buildReport } from "../../src/plan/report.js";
import { RiskClass } from "../../src/plan/upgrade-rules.js";
import { container, plan } from "../plan/plan-fixtures.js";
import { libraryDeployment, loadDoc, synth } from "./library-util.js";

const FAMILY = { name: "family", hostPath: "/mnt/nas/family", owner: "alice" };
const SCANS = { name: "scans", hostPath: "/media/old-disk/scans", owner: "bob" };

/** The server's `mounts` exactly as the stack synthesizes them for these libraries. */
function serverMounts(libraries: unknown[]): unknown[] {
  const json = synth(loadDoc(libraryDeployment(libraries)));
  const server = (Object.values(json.resource.docker_container) as any[]).find((c) => c.name === "immich-lib-server");
  return server.mounts ?? [];
}

const report = (p: Record<string, unknown>) => buildReport(parsePlan(JSON.stringify(p)), []);

describe("plan-report: external library folders that go away or move", () => {
  const both = serverMounts([FAMILY, SCANS]);

  it("a library removed from the file: its assets go offline, a maintenance window (exit 3)", () => {
    const r = report(plan([container("server", ["delete", "create"], { before: { mounts: both }, after: { mounts: serverMounts([SCANS]) }, replacePaths: [["mounts"]] })]));
    expect(r.exitCode).toBe(3);
    expect(r.resources[0]).toMatchObject({
      class: RiskClass.MAINTENANCE,
      kind: "service-recreated",
      message:
        "server recreated: downtime while it restarts; external library family loses its folder /mnt/nas/family: Immich marks its assets offline at the next scan (they come back with the folder) (forced by mounts)",
    });
  });

  it("a library whose folder moves on the host: what is not at the same place goes offline", () => {
    const moved = serverMounts([{ ...FAMILY, hostPath: "/mnt/new-nas/family" }, SCANS]);
    const r = report(plan([container("job-handler", ["delete", "create"], { before: { mounts: both }, after: { mounts: moved } })]));
    expect(r.exitCode).toBe(3);
    expect(r.resources[0]!.message).toBe(
      "job-handler recreated: downtime while it restarts; external library family moves from /mnt/nas/family to /mnt/new-nas/family: assets not at the same place in the new folder go offline at the next scan",
    );
  });

  it("the container removed with its libraries: every library goes offline", () => {
    const r = report(plan([container("server", ["delete"], { before: { mounts: both } })]));
    expect(r.exitCode).toBe(3);
    expect(r.resources[0]!.kind).toBe("service-removed");
    expect(r.resources[0]!.message).toContain("external library family loses its folder /mnt/nas/family");
    expect(r.resources[0]!.message).toContain("external library scans loses its folder /media/old-disk/scans");
  });

  it("a library added loses nothing: the plain restart message", () => {
    const r = report(plan([container("server", ["delete", "create"], { before: { mounts: serverMounts([SCANS]) }, after: { mounts: both } })]));
    expect(r.resources[0]!.message).toBe("server recreated: downtime while it restarts");
  });

  it("a host bind at /mnt/external made by hand (volumes) counts as well", () => {
    const before = { volumes: [{ container_path: "/mnt/external/old", host_path: "/srv/old" }] };
    const r = report(plan([container("server", ["delete", "create"], { before, after: { volumes: [] } })]));
    expect(r.resources[0]!.message).toContain("external library old loses its folder /srv/old");
  });

  it("a backup container that loses a library's folder is not taken for the library going offline", () => {
    const r = report(plan([container("backup", ["delete", "create"], { before: { mounts: [{ type: "bind", source: "/mnt/nas/family", target: "/external/family", read_only: true }] }, after: { mounts: [] } })]));
    expect(r.exitCode).toBe(2);
  });
});
