import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/plan-json.js";
import { buildReport } from "../../src/plan/report.js";
import { AllowableRisk } from "../../src/plan/upgrade-rules.js";
import { image, immichImages, PG, plan } from "./plan-fixtures.js";

const report = (changes: ReturnType<typeof immichImages>, allow: AllowableRisk[] = []) => buildReport(parsePlan(JSON.stringify(plan(changes))), allow);
const messages = (r: ReturnType<typeof report>) => r.upgrades.map((u) => u.message);

describe("Immich upgrade gates", () => {
  it("a minor upgrade needs a window", () => {
    const r = report(immichImages("v3.1.0", "v3.2.0", "-cuda"));
    expect(r.exitCode).toBe(3);
    expect(messages(r)).toEqual(["server: upgrade v3.1.0 → v3.2.0", "machine-learning: upgrade v3.1.0 → v3.2.0"]);
  });

  it("a downgrade is blocked, also within a minor; --allow-downgrade accepts it", () => {
    const r = report(immichImages("v3.1.2", "v3.1.0"));
    expect(r.exitCode).toBe(4);
    expect(messages(r)[0]).toBe("server: downgrade v3.1.2 → v3.1.0; Immich supports no downgrade, even within a minor (restore the pre-upgrade backup instead)");
    expect(report(immichImages("v3.1.2", "v3.1.0"), [AllowableRisk.DOWNGRADE]).exitCode).toBe(3);
  });

  it("skipping the required 1.132–1.136 release is blocked", () => {
    expect(messages(report(immichImages("v1.131.3", "v1.140.0")))).toContain(
      "server: v1.131.3 → v1.140.0 skips the required release: run one of v1.132.0–v1.136.0 first (v1.132.3 recommended)",
    );
    expect(report(immichImages("v1.131.3", "v1.132.3")).exitCode).toBe(3);
    expect(report(immichImages("v1.132.3", "v1.140.0")).exitCode).toBe(3);
  });

  it("a major upgrade warns; skipping a major is blocked", () => {
    const major = report(immichImages("v2.7.5", "v3.1.0"));
    expect(major.exitCode).toBe(3);
    expect(messages(major)[0]).toBe("server: major upgrade v2.7.5 → v3.1.0: breaking changes; read the release notes, take a backup first");
    expect(messages(report(immichImages("v1.136.0", "v3.1.0")))[0]).toBe("server: v1.136.0 → v3.1.0 skips a major version; immich-iac's policy (not Immich's rule) is one major at a time");
  });

  // [IMM docs/docs/install/upgrading.md @ v3.1.0]: "avoid 1.136.0 when coming from ≤ 1.131".
  it("warns about v1.136.0 when coming from v1.131 or older", () => {
    const r = report(immichImages("v1.131.3", "v1.136.0"));
    expect(r.exitCode).toBe(3);
    expect(messages(r)).toContain("server: v1.131.3 → v1.136.0: Immich advises against v1.136.0 when coming from v1.131 or older; take v1.132.3 instead");
    expect(messages(report(immichImages("v1.132.3", "v1.136.0"))).some((m) => m.includes("advises against"))).toBe(false);
  });

  it("machine learning and server on different releases is blocked", () => {
    const r = report(immichImages("v3.1.0", "v3.2.0", "-openvino", "v3.1.0"));
    expect(r.exitCode).toBe(4);
    expect(messages(r)).toContain("machine-learning v3.1.0 would run next to server v3.2.0: keep both on the same release");
  });

  it("a PostgreSQL major change is blocked unless the migration is declared", () => {
    const pg = [image("immich_Db_Image", `${PG}:17-vectorchord1.1.1-pgvector0.8.5`, `${PG}:18-vectorchord1.1.1-pgvector0.8.5`)];
    const r = report(pg);
    expect(r.exitCode).toBe(4);
    expect(messages(r)).toEqual(["database: PostgreSQL 17 → 18 cannot read the old data directory; dump and restore (declare the migration with --allow-postgres-migration)"]);
    expect(report(pg, [AllowableRisk.POSTGRES_MIGRATION]).exitCode).toBe(3);
  });

  // Immich's own image runs the database as a superuser, and Immich updates the extensions and reindexes at
  // start [IMM server/src/services/database.service.ts; docs/docs/install/upgrading.md @ v3.1.0].
  it("a VectorChord or pgvector change on the same PostgreSQL major is a maintenance window, not a migration", () => {
    const r = report([image("immich_Db_Image", `${PG}:17-vectorchord0.5.3-pgvector0.8.1`, `${PG}:17-vectorchord1.1.1-pgvector0.8.5`)]);
    expect(r.exitCode).toBe(3);
    expect(messages(r)).toEqual([
      "database: vectorchord 0.5.3 → 1.1.1: Immich updates the extension and reindexes at start (clip_index and face_index can take long)",
      "database: pgvector 0.8.1 → 0.8.5: Immich updates the extension and reindexes at start (clip_index and face_index can take long)",
    ]);
  });

  it("leaving pgvecto.rs is still a declared migration", () => {
    const pg = [image("immich_Db_Image", `${PG}:14-vectorchord0.4.3-pgvectors0.2.0`, `${PG}:14-vectorchord0.4.3`)];
    expect(report(pg).exitCode).toBe(4);
    expect(messages(report(pg))).toEqual([
      "database: pgvecto.rs 0.2.0 → none changes the vector extension itself; follow Immich's migration to VectorChord (declare it with --allow-postgres-migration)",
    ]);
  });

  it("the same image twice (server and job handler) is reported once", () => {
    const twice = [...immichImages("v3.1.0", "v3.2.0"), image("immich_Jobs_Image", "ghcr.io/immich-app/immich-server:v3.1.0", "ghcr.io/immich-app/immich-server:v3.2.0")];
    expect(messages(report(twice)).filter((m) => m.startsWith("server:"))).toHaveLength(1);
  });
});
