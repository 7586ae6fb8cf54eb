import { describe, expect, it } from "vitest";
import { CapabilitiesOnlyForSmart } from "../../constructs/policy/index.js";
import { violations } from "./policy-util.js";

const MONITORING = [{ label: "io.immich-iac.component", value: "monitoring" }];
const SMART = { name: "immich-home-monitoring-smartctl-exporter", labels: MONITORING };
const C = 'docker_container.c ("c")';
const S = 'docker_container.c ("immich-home-monitoring-smartctl-exporter")';
const disk = (permissions: string) => [{ hostPath: "/dev/disk/by-id/nvme-a", containerPath: "/dev/disk/by-id/nvme-a", permissions }];

describe("IIAC012 CapabilitiesOnlyForSmart", () => {
  it("passes a container that adds nothing", () => {
    expect(violations(CapabilitiesOnlyForSmart, { capabilities: { drop: ["CAP_NET_RAW"] } })).toEqual([]);
  });

  it("refuses an added capability on any other container", () => {
    expect(violations(CapabilitiesOnlyForSmart, { capabilities: { add: ["CAP_SYS_ADMIN"] } })).toEqual([`${C}: adds capabilities CAP_SYS_ADMIN; only the SMART exporter may`]);
  });

  it("refuses a monitoring container with another name adding capabilities", () => {
    expect(violations(CapabilitiesOnlyForSmart, { name: "immich-home-monitoring-cadvisor", labels: MONITORING, capabilities: { add: ["CAP_SYS_RAWIO"] } })).toEqual([
      'docker_container.c ("immich-home-monitoring-cadvisor"): adds capabilities CAP_SYS_RAWIO; only the SMART exporter may',
    ]);
  });

  it("refuses privileged containers, the SMART exporter's too", () => {
    expect(violations(CapabilitiesOnlyForSmart, { privileged: true })).toEqual([`${C}: runs privileged (every host device and capability); map the devices it needs instead`]);
    expect(violations(CapabilitiesOnlyForSmart, { ...SMART, privileged: true })).toEqual([`${S}: runs privileged (every host device and capability); map the devices it needs instead`]);
  });

  it("lets the SMART exporter add CAP_SYS_RAWIO and CAP_SYS_ADMIN with read-only devices", () => {
    expect(violations(CapabilitiesOnlyForSmart, { ...SMART, capabilities: { add: ["CAP_SYS_RAWIO", "CAP_SYS_ADMIN"] }, devices: disk("r") })).toEqual([]);
  });

  it("refuses the SMART exporter any other capability, or a writable device", () => {
    expect(violations(CapabilitiesOnlyForSmart, { ...SMART, capabilities: { add: ["CAP_SYS_RAWIO", "CAP_NET_ADMIN"] }, devices: disk("r") })).toEqual([
      `${S}: adds CAP_NET_ADMIN; the SMART exporter needs only CAP_SYS_RAWIO and CAP_SYS_ADMIN`,
    ]);
    expect(violations(CapabilitiesOnlyForSmart, { ...SMART, capabilities: { add: ["CAP_SYS_RAWIO"] }, devices: disk("rwm") })).toEqual([
      `${S}: device /dev/disk/by-id/nvme-a is mapped "rwm"; with raw disk commands it must be read-only ("r")`,
    ]);
  });
});
