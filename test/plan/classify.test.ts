import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/plan-json.js";
import { buildReport } from "../../src/plan/report.js";
import { AllowableRisk, RiskClass } from "../../src/plan/upgrade-rules.js";
import { container, plan, rc, volume } from "./plan-fixtures.js";

const report = (p: Record<string, unknown>, allow: AllowableRisk[] = []) => buildReport(parsePlan(JSON.stringify(p)), allow);
const only = (p: Record<string, unknown>) => {
  const r = report(p);
  return { exit: r.exitCode, ...r.resources[0]! };
};

describe("plan report: one class per kind of change", () => {
  it("no-op → exit 0", () => {
    expect(only(plan([container("server", ["no-op"])]))).toMatchObject({ exit: 0, kind: "no-op", message: "no change" });
  });

  it("an empty plan → exit 0", () => {
    expect(report(plan([])).exitCode).toBe(0);
  });

  it("create → safe (exit 2)", () => {
    expect(only(plan([container("server", ["create"])]))).toMatchObject({ exit: 2, kind: "create", class: RiskClass.SAFE });
  });

  it("update in place → safe (exit 2)", () => {
    expect(only(plan([container("server", ["update"], { after: { memory: 4096 } })]))).toMatchObject({ exit: 2, kind: "update-in-place", message: "updated in place, no restart" });
  });

  it("container recreated → downtime of that service, named with the forcing attribute (exit 3)", () => {
    const r = report(plan([container("job-handler", ["delete", "create"], { after: { image: "sha256:bbb" }, replacePaths: [["image"]] })]));
    expect(r.exitCode).toBe(3);
    expect(r.resources[0]).toMatchObject({ kind: "service-recreated", component: "job-handler", cause: "image", message: "job-handler recreated: downtime while it restarts (forced by image)" });
    expect(r.downtime).toEqual({ "job-handler": "recreated (image)" });
  });

  it("a backup container recreated → safe, no downtime (exit 2); removed → maintenance (exit 3)", () => {
    const r = report(plan([container("backup", ["delete", "create"], { replacePaths: [["env"]] })]));
    expect(r.exitCode).toBe(2);
    expect(r.resources[0]).toMatchObject({ kind: "replace", component: "backup", message: "immich-home-backup recreated: no downtime; WAL waits in the replication slot meanwhile (forced by env)" });
    expect(r.downtime).toEqual({});
    expect(only(plan([container("backup", ["delete"])]))).toMatchObject({ exit: 3, kind: "service-removed", message: "immich-home-backup removed: no new backups from it" });
  });

  it("a monitoring container recreated → safe, no downtime (exit 2); removed → maintenance (exit 3)", () => {
    const r = report(plan([container("monitoring", ["delete", "create"], { replacePaths: [["upload"]] })]));
    expect(r.exitCode).toBe(2);
    expect(r.resources[0]).toMatchObject({ kind: "replace", component: "monitoring", message: "immich-home-monitoring recreated: a gap in metrics and alerts while it restarts, no downtime (forced by upload)" });
    expect(r.downtime).toEqual({});
    expect(only(plan([container("monitoring", ["delete"])]))).toMatchObject({ exit: 3, kind: "service-removed", message: "immich-home-monitoring removed: what it watched goes unwatched" });
  });

  it("an extra ML node's container: added → safe; replaced or removed → maintenance, naming the node and the fallback", () => {
    const nodeMl = (actions: any, over: any = {}) => {
      const c = container("machine-learning", actions, over);
      for (const side of ["before", "after"] as const) if (c.change[side]) (c.change[side] as any).name = "immich-home-machine-learning-gpu-box";
      return c;
    };
    expect(only(plan([nodeMl(["create"])]))).toMatchObject({ exit: 2, kind: "create", class: RiskClass.SAFE });
    expect(only(plan([nodeMl(["delete", "create"], { replacePaths: [["image"]] })]))).toMatchObject({
      exit: 3,
      kind: "service-recreated",
      message: "immich-home-machine-learning-gpu-box recreated: ML node gpu-box is down while it restarts; the next URL in machineLearning.urls serves meanwhile (forced by image)",
    });
    expect(only(plan([nodeMl(["delete"])]))).toMatchObject({ exit: 3, kind: "service-removed", message: "immich-home-machine-learning-gpu-box removed: ML requests go to the next URL in machineLearning.urls" });
    expect(only(plan([container("machine-learning", ["delete"])]))).toMatchObject({ message: "machine-learning removed" });
  });

  it("create-before-destroy replacement counts the same", () => {
    expect(only(plan([container("server", ["create", "delete"], { replacePaths: [["env"]] })]))).toMatchObject({ exit: 3, kind: "service-recreated", cause: "env" });
  });

  it("nested replace paths are shown as a path", () => {
    expect(only(plan([container("server", ["delete", "create"], { replacePaths: [["healthcheck", 0, "interval"], ["log_opts"]] })])).cause).toBe("healthcheck[0].interval, log_opts");
  });

  it("container removed → maintenance", () => {
    expect(only(plan([container("machine-learning", ["delete"])]))).toMatchObject({ exit: 3, kind: "service-removed", message: "machine-learning removed" });
  });

  it("network recreated → whole-stack downtime", () => {
    const r = report(plan([rc("docker_network", "immich_FrontNetwork", ["delete", "create"], { name: "immich-home-front", internal: false }, { name: "immich-home-front", internal: true }, [["internal"]])]));
    expect(r.exitCode).toBe(3);
    expect(r.resources[0]!.message).toBe("network immich-home-front recreated: every container on it is recreated, the whole stack is down (forced by internal)");
    expect(r.downtime).toEqual({ stack: "network recreated" });
  });

  it.each([
    [["delete"] as const, "deleted"],
    [["delete", "create"] as const, "recreated empty"],
  ])("a user-data volume %j → blocked (exit 4)", (actions, word) => {
    const r = only(plan([volume("library", true, [...actions])]));
    expect(r).toMatchObject({ exit: 4, kind: "data-risk", allow: "data-loss", message: `volume immich-home-library holds user data and would be ${word}` });
  });

  it("a regenerable volume deleted → maintenance", () => {
    expect(only(plan([volume("thumbs", false, ["delete"])]))).toMatchObject({ exit: 3, kind: "data-risk", message: "volume immich-home-thumbs would be deleted; its content is regenerable" });
  });

  it("a ZFS dataset resource destroyed → blocked", () => {
    expect(only(plan([rc("zfs_dataset", "library", ["delete"], { name: "tank/immich/library" }, null)]))).toMatchObject({ exit: 4, kind: "data-risk" });
  });

  it("the database's data mount changing → blocked, even as a plain container replace", () => {
    const before = { volumes: [{ container_path: "/var/lib/postgresql/data", volume_name: "immich-home-database" }] };
    const after = { volumes: [{ container_path: "/var/lib/postgresql/data", volume_name: "immich-home-database-new" }] };
    expect(only(plan([container("database", ["delete", "create"], { before, after, replacePaths: [["volumes"]] })]))).toMatchObject({
      exit: 4,
      kind: "data-risk",
      message: "the database's data mount changes (immich-home-database → immich-home-database-new): PostgreSQL would start on another, possibly empty, data directory",
    });
    expect(only(plan([container("database", ["delete", "create"], { before, after: before, replacePaths: [["image"]] })]))).toMatchObject({ exit: 3, kind: "service-recreated" });
  });

  it("secrets rotated → maintenance; the database password → blocked", () => {
    expect(only(plan([rc("random_password", "immich_AuthSessionSecret_1", ["delete", "create"], { length: 64 }, { length: 64 })]))).toMatchObject({ exit: 3, kind: "secret-rotated" });
    expect(only(plan([rc("random_password", "immich_DatabasePassword_9DAAC9D3", ["delete", "create"], { length: 40 }, { length: 48 })]))).toMatchObject({
      exit: 4,
      kind: "secret-rotated",
      allow: "secret-rotation",
    });
  });

  it("host scripts: a re-run is safe; daemon settings need a window", () => {
    expect(only(plan([rc("terraform_data", "host_30-directories_FB2F1B5D", ["delete", "create"], {}, {})]))).toMatchObject({ exit: 2, kind: "host-change" });
    expect(only(plan([rc("terraform_data", "host_60-docker-daemon_63BD000C", ["delete", "create"], {}, {})]))).toMatchObject({ exit: 3, kind: "host-change" });
  });

  it("data sources read are not changes", () => {
    const r = rc("external", "digest", ["read"], null, {});
    expect(only(plan([{ ...r, mode: "data" }]))).toMatchObject({ exit: 0, kind: "no-op" });
  });

  it("the worst change decides the exit code; an --allow flag accepts exactly its risk", () => {
    const p = plan([container("server", ["update"]), volume("database", true, ["delete", "create"]), container("server", ["delete", "create"])]);
    expect(report(p).exitCode).toBe(4);
    const accepted = report(p, [AllowableRisk.DATA_LOSS]);
    expect(accepted.exitCode).toBe(3);
    expect(accepted.resources[1]).toMatchObject({ class: RiskClass.MAINTENANCE, accepted: true });
    expect(report(p, [AllowableRisk.DOWNGRADE]).exitCode).toBe(4);
  });

  it("drift ignores attributes that refresh merely filled (null → [] / {} / 0)", () => {
    const filled = container("database", ["update"], {
      before: { dns: null, sysctls: null, memory: 512, networks_advanced: [{ name: "n", gw_priority: null, aliases: [] }] },
      after: { dns: [], sysctls: {}, memory: 512, networks_advanced: [{ name: "n", gw_priority: 0, aliases: [] }] },
    });
    expect(report(plan([container("database", ["no-op"])], [filled])).drift).toEqual([]);
    const moved = container("database", ["update"], { before: { dns: null }, after: { dns: ["1.1.1.1"] } });
    expect(report(plan([container("database", ["no-op"])], [moved])).drift).toEqual([{ address: "docker_container.immich_database", attributes: ["dns"] }]);
  });

  it("drift gets its own section with the attributes that moved", () => {
    const drifted = container("redis", ["update"], { before: { memory: 1024 }, after: { memory: 512 } });
    const r = report(plan([container("redis", ["no-op"])], [drifted]));
    expect(r.drift).toEqual([{ address: "docker_container.immich_redis", attributes: ["memory"] }]);
    expect(r.exitCode).toBe(0);
  });
});
