import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REDIS_IMAGES } from "../constructs/images.js";
import { MONITORING_IMAGES } from "../constructs/immich-monitoring.js";
import { compareDotted, IMAGE_PINS, type PinId } from "../src/versions.js";
import { resourcesOf, SHIPPED_DEPLOYMENTS, synthDeployment } from "./stack-util.js";
import { REPO } from "./util.js";

const PINS = Object.entries(IMAGE_PINS) as [PinId, (typeof IMAGE_PINS)[PinId]][];
const ML_SUFFIX = /-(cuda|openvino|rocm|rknn|armnn)$/;

/** `repo:tag@digest` → `repo:tag`, with the ML backend suffix taken off the tag. */
const pinKey = (ref: string) => ref.split("@")[0]!.replace(ML_SUFFIX, "");
const PINNED = new Set(PINS.map(([, p]) => `${p.image}:${p.tag}`));

describe("image pins (src/versions.ts)", () => {
  it.each(PINS)("%s is at or above its floor", (_id, pin) => {
    expect(compareDotted(pin.version, pin.floor), `${pin.image}:${pin.tag} is below its floor ${pin.floor} (${pin.floorReason})`).toBeGreaterThanOrEqual(0);
  });

  it("compares release numbers as numbers (3.5 < 3.13, 0.9 < 0.28)", () => {
    expect(compareDotted("3.5.0", "3.13.0")).toBeLessThan(0);
    expect(compareDotted("0.28.1", "0.32.0")).toBeLessThan(0);
    expect(compareDotted("1.12.1", "1.9.1")).toBeGreaterThan(0);
    expect(compareDotted("17", "14")).toBeGreaterThan(0);
  });

  it.each(PINS)("%s says where it was read, when, why its floor, and has a digest or says why not", (_id, pin) => {
    expect(pin.tag.replace(/^v/, "").startsWith(pin.version.split(".")[0]!)).toBe(true);
    expect(pin.tag).toContain(pin.version);
    expect(pin.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(pin.source.length).toBeGreaterThan(10);
    expect(pin.floorReason.length).toBeGreaterThan(10);
    expect(pin.floor).toMatch(/^\d+(\.\d+)*$/);
    if (pin.digest === undefined) expect(pin.noDigest?.length ?? 0).toBeGreaterThan(10);
    else expect(pin.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("holds the floors issue 23 set: Prometheus 3.13 LTS, Valkey ≥ 9.1.1, restic ≥ 0.19, Caddy 2.11, Authelia ≥ 4.39.28, Alertmanager ≥ 0.32, node-exporter ≥ 1.12", () => {
    expect(IMAGE_PINS.prometheus.floor).toBe("3.13.0");
    expect(IMAGE_PINS.valkey.floor).toBe("9.1.1");
    expect(IMAGE_PINS.restic.floor).toBe("0.19.0");
    expect(IMAGE_PINS.caddy.floor).toBe("2.11.0");
    expect(IMAGE_PINS.authelia.floor).toBe("4.39.28");
    expect(IMAGE_PINS.alertmanager.floor).toBe("0.32.0");
    expect(IMAGE_PINS["node-exporter"].floor).toBe("1.12.0");
  });

  it("every image a construct names by default is in the table", () => {
    for (const ref of [...Object.values(REDIS_IMAGES), ...Object.values(MONITORING_IMAGES)]) expect(PINNED, ref).toContain(pinKey(ref));
  });

  it.each(SHIPPED_DEPLOYMENTS)("every image the %s deployment deploys is in the table", (name) => {
    const images = resourcesOf(synthDeployment(name).json, "docker_image").map(([, c]) => c.name as string);
    expect(images.length).toBeGreaterThan(5);
    for (const ref of images) expect(PINNED, ref).toContain(pinKey(ref));
  });
});

describe("the test tools follow the pins (scripts/upstream-root.sh GO_TOOLS)", () => {
  const script = readFileSync(join(REPO, "scripts", "upstream-root.sh"), "utf8");
  const goTools = /^GO_TOOLS="([^"]*)"$/m.exec(script)![1]!.split(" ");
  const built = (name: string) => {
    const entry = goTools.find((t) => t.endsWith(`=${name}`));
    return entry ? /@v([^:]+):/.exec(entry)![1]! : undefined;
  };
  // Prometheus's Go module numbers release 3.X.Y as v0.3XX.Y.
  const prometheusRelease = (v: string) => v.replace(/^0\.3(\d\d)\.(\d+)$/, (_m, minor: string, patch: string) => `3.${Number(minor)}.${patch}`);

  it.each([
    ["caddy", "caddy"],
    ["smartctl_exporter", "smartctl-exporter"],
    ["amtool", "alertmanager"],
    ["restic", "restic"],
    ["node_exporter", "node-exporter"],
  ] as const)("%s is built at the %s pin's release", (tool, pin) => {
    expect(built(tool)).toBe(IMAGE_PINS[pin].version);
  });

  it("promtool is built at the Prometheus pin's release (module v0.313.5 is v3.13.5)", () => {
    expect(prometheusRelease("0.313.5")).toBe("3.13.5");
    expect(prometheusRelease(built("promtool")!)).toBe(IMAGE_PINS.prometheus.version);
    expect(prometheusRelease(built("prometheus")!)).toBe(IMAGE_PINS.prometheus.version);
  });
});
