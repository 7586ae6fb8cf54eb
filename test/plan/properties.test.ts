import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/plan-json.js";
import { buildReport } from "../../src/plan/report.js";
import { AllowableRisk } from "../../src/plan/upgrade-rules.js";
import { container, immichImages, plan, rc, volume, type RC } from "./plan-fixtures.js";

const actionsArb = fc.constantFrom<("no-op" | "create" | "update" | "delete")[][]>(["no-op"], ["create"], ["update"], ["delete"], ["delete", "create"], ["create", "delete"]);
const resourceArb: fc.Arbitrary<RC> = fc.oneof(
  fc.tuple(fc.constantFrom("server", "job-handler", "database", "redis", "proxy"), actionsArb).map(([c, a]) => container(c, a)),
  fc.tuple(fc.constantFrom("thumbs", "model-cache"), actionsArb).map(([n, a]) => volume(n, false, a)),
  actionsArb.map((a) => rc("docker_network", "immich_FrontNetwork", a, { name: "front" }, { name: "front" })),
);
const allowArb = fc.subarray(Object.values(AllowableRisk).filter((r) => r !== AllowableRisk.DATA_LOSS));

describe("plan report properties", () => {
  it("a plan that deletes or replaces a user-data volume is never reported below blocked", () => {
    fc.assert(
      fc.property(fc.array(resourceArb, { maxLength: 20 }), fc.constantFrom<("delete" | "create")[][]>(["delete"], ["delete", "create"], ["create", "delete"]), fc.nat(), allowArb, (others, actions, pos, allow) => {
        const changes = [...others];
        changes.splice(pos % (others.length + 1), 0, volume("library", true, actions));
        const r = buildReport(parsePlan(JSON.stringify(plan(changes))), allow);
        expect(r.exitCode).toBe(4);
      }),
      { numRuns: 300 },
    );
  });

  it("the class is the worst class with a non-zero count: counts and verdict come from the same findings", () => {
    const imagesArb = fc.tuple(fc.constantFrom("v3.0.0", "v3.1.0", "v3.2.0", "v5.0.0"), fc.constantFrom("v3.0.0", "v3.1.0", "v3.2.0", "v5.0.0")).map(([a, b]) => immichImages(a, b));
    fc.assert(
      fc.property(fc.array(resourceArb, { maxLength: 10 }), imagesArb, (changes, images) => {
        const r = buildReport(parsePlan(JSON.stringify(plan([...changes, ...images]))));
        expect(r.exitCode).toBe(r.counts.blocked ? 4 : r.counts.maintenance ? 3 : r.counts.safe ? 2 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it("the exit code is always 0, 2, 3 or 4, and 0 exactly when nothing changes", () => {
    fc.assert(
      fc.property(fc.array(resourceArb, { maxLength: 30 }), (changes) => {
        const r = buildReport(parsePlan(JSON.stringify(plan(changes))));
        expect([0, 2, 3, 4]).toContain(r.exitCode);
        expect(r.exitCode === 0).toBe(changes.every((c) => c.change.actions.every((a) => a === "no-op")));
      }),
      { numRuns: 300 },
    );
  });
});
