import { describe, expect, it } from "vitest";
import { classifyChange, ChangeKind } from "../../src/plan/classify.js";
import { RiskClass } from "../../src/plan/upgrade-rules.js";
import type { ResourceChange } from "../../src/plan/plan-json.js";
import { container, rc } from "../plan/plan-fixtures.js";

const ports = (ip: string) => [
  { internal: 80, external: 80, ip, protocol: "tcp" },
  { internal: 443, external: 443, ip, protocol: "tcp" },
];
const wireguardStep = (before: string[] | null, after: string[] | null) =>
  rc("terraform_data", "host_45-wireguard_ABCD1234", before && after ? ["delete", "create"] : before ? ["delete"] : ["create"], before && { input: { peers: before } }, after && { input: { peers: after } }) as unknown as ResourceChange;

describe("plan-report: access changes", () => {
  it("a mode change that moves the proxy off every address is an access change naming what clients lose", () => {
    const c = classifyChange(container("proxy", ["delete", "create"], { before: { ports: ports("0.0.0.0") }, after: { ports: ports("192.168.10.20") } }) as unknown as ResourceChange);
    expect(c.kind).toBe(ChangeKind.ACCESS_CHANGE);
    expect(c.class).toBe(RiskClass.MAINTENANCE);
    expect(c.message).toBe(
      "access changes: the proxy published on every address (0.0.0.0), now on 192.168.10.20; clients reaching it on every address (0.0.0.0) lose access (downtime while it is recreated)",
    );
  });

  it("a proxy recreated on the same addresses stays a service recreation", () => {
    const c = classifyChange(container("proxy", ["delete", "create"], { before: { ports: ports("0.0.0.0"), memory: 1 }, after: { ports: ports("0.0.0.0") } }) as unknown as ResourceChange);
    expect(c.kind).toBe(ChangeKind.SERVICE_RECREATED);
  });

  it("a removed WireGuard peer is named as revoked, for a look before applying", () => {
    const c = classifyChange(wireguardStep(["phone", "laptop"], ["phone"]));
    expect(c).toMatchObject({ kind: ChangeKind.ACCESS_CHANGE, class: RiskClass.MAINTENANCE, message: "WireGuard peer laptop revoked: that device loses access at this apply" });
  });

  it("an added peer is safe and named", () => {
    expect(classifyChange(wireguardStep(["phone"], ["phone", "tablet"]))).toMatchObject({ class: RiskClass.SAFE, message: "WireGuard peer tablet admitted" });
  });

  it("the WireGuard script removed (mode changed away from wireguard) says the interface stays", () => {
    expect(classifyChange(wireguardStep(["phone"], null))).toMatchObject({ kind: ChangeKind.ACCESS_CHANGE, class: RiskClass.MAINTENANCE, message: expect.stringContaining("its interface stays up on the host") });
  });
});
