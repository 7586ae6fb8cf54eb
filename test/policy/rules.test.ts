import type { Container } from "../../providers/docker/container/index.js";
import { describe, expect, it } from "vitest";
import {
  BackendOnInternalNetwork,
  DevicesFullySpecified,
  ExplicitLogging,
  ExplicitMemorySwap,
  BareLifecycleReferences,
  HealthcheckReplaceTrigger,
  NoCpusAttribute,
  OnlyProxyPublishesWidely,
  POLICY_RULES,
  ProviderVersionForSystemPaths,
  StatefulStopGrace,
} from "../../constructs/policy/index.js";
import { violations } from "./policy-util.js";

const C = 'docker_container.c ("c")';
const db = [{ label: "io.immich-iac.component", value: "database" }];

describe("policy rules", () => {
  it("have unique ids, a description and a rationale", () => {
    expect(new Set(POLICY_RULES.map((r) => r.id)).size).toBe(POLICY_RULES.length);
    for (const r of POLICY_RULES) {
      expect(r.id).toMatch(/^IIAC\d{3}$/);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(10);
    }
  });

  it("IIAC001 DevicesFullySpecified", () => {
    expect(violations(DevicesFullySpecified, { devices: [{ hostPath: "/dev/dri", containerPath: "/dev/dri", permissions: "rwm" }] })).toEqual([]);
    expect(violations(DevicesFullySpecified, { devices: [{ hostPath: "/dev/dri" }] })).toEqual([
      `${C}: device /dev/dri needs container_path and permissions (e.g. "rwm")`,
    ]);
  });

  it("IIAC002 ExplicitLogging", () => {
    expect(violations(ExplicitLogging, {})).toEqual([]);
    expect(violations(ExplicitLogging, { logDriver: undefined, logOpts: undefined })).toEqual([
      `${C}: set log_driver (e.g. "json-file")`,
      `${C}: set log_opts (e.g. max-size and max-file)`,
    ]);
  });

  it("IIAC003 NoCpusAttribute, also through an escape hatch", () => {
    expect(violations(NoCpusAttribute, {})).toEqual([]);
    expect(violations(NoCpusAttribute, {}, { mutate: (c) => c.addOverride("cpus", "2") })).toEqual([`${C}: remove cpus (2); use cpu_shares or cpu_set`]);
  });

  it("IIAC004 StatefulStopGrace", () => {
    expect(violations(StatefulStopGrace, { labels: db, destroyGraceSeconds: 120 })).toEqual([]);
    expect(violations(StatefulStopGrace, { destroyGraceSeconds: undefined })).toEqual([]); // server: stateless
    expect(violations(StatefulStopGrace, { labels: db, destroyGraceSeconds: undefined })).toEqual([`${C}: database needs destroy_grace_seconds > 0 (got 0)`]);
  });

  it("IIAC005 HealthcheckReplaceTrigger", () => {
    const hc = { test: ["CMD", "true"], interval: "30s" };
    expect(violations(HealthcheckReplaceTrigger, { healthcheck: hc }, { mutate: (c) => c.addOverride("lifecycle.replace_triggered_by", ["terraform_data.t"]) })).toEqual([]);
    expect(violations(HealthcheckReplaceTrigger, { healthcheck: { ...hc, interval: "1m" } })).toEqual([
      `${C}: has a healthcheck but no lifecycle.replace_triggered_by on a terraform_data holding its hash`,
      `${C}: healthcheck.interval "1m" is not in Go's form (e.g. "30s", "5m0s")`,
    ]);
  });

  it("IIAC009 BareLifecycleReferences", () => {
    const bare = (c: Container) => {
      c.addOverride("lifecycle.replace_triggered_by", ["terraform_data.t", "docker_network.net"]);
      c.addOverride("depends_on", ["docker_network.net"]);
    };
    expect(violations(BareLifecycleReferences, {}, { mutate: bare })).toEqual([]);
    expect(
      violations(BareLifecycleReferences, {}, {
        mutate: (c) => {
          c.addOverride("lifecycle.replace_triggered_by", ["${terraform_data.t}"]);
          c.addOverride("depends_on", ["${docker_network.net.id}"]);
        },
      }),
    ).toEqual([
      `${C}: lifecycle.replace_triggered_by entry "\${terraform_data.t}" must be a bare reference like "terraform_data.x"; use resourceAddress()`,
      `${C}: depends_on entry "\${docker_network.net.id}" must be a bare reference like "terraform_data.x"; use resourceAddress()`,
    ]);
  });

  it("IIAC010 ExplicitMemorySwap", () => {
    expect(violations(ExplicitMemorySwap, { memory: 512, memorySwap: 512 })).toEqual([]);
    expect(violations(ExplicitMemorySwap, {})).toEqual([]);
    expect(violations(ExplicitMemorySwap, { memory: 512 })).toEqual([`${C}: memory is 512 MiB but memory_swap is unset; set it (equal to memory for no swap)`]);
  });

  it("IIAC006 OnlyProxyPublishesWidely", () => {
    expect(violations(OnlyProxyPublishesWidely, { ports: [{ internal: 2283, external: 2283, ip: "127.0.0.1" }] })).toEqual([]);
    expect(
      violations(OnlyProxyPublishesWidely, { labels: [{ label: "io.immich-iac.component", value: "proxy" }], ports: [{ internal: 443, external: 443 }] }),
    ).toEqual([]);
    expect(violations(OnlyProxyPublishesWidely, { ports: [{ internal: 2283, external: 2283 }] })).toEqual([
      `${C}: publishes 0.0.0.0:2283; only the proxy may, bind 127.0.0.1 instead`,
    ]);
  });

  it("IIAC006 exception: a machine-learning container may publish on one private address, never a wildcard or a public one", () => {
    const ml = [{ label: "io.immich-iac.component", value: "machine-learning" }];
    expect(violations(OnlyProxyPublishesWidely, { labels: ml, ports: [{ internal: 3003, external: 3003, ip: "192.168.10.20" }] })).toEqual([]);
    expect(violations(OnlyProxyPublishesWidely, { labels: ml, ports: [{ internal: 3003, external: 3003, ip: "10.1.2.3" }] })).toEqual([]);
    expect(violations(OnlyProxyPublishesWidely, { labels: ml, ports: [{ internal: 3003, external: 3003, ip: "0.0.0.0" }] })).toEqual([
      `${C}: publishes 0.0.0.0:3003; only the proxy may, bind 127.0.0.1 instead`,
    ]);
    expect(violations(OnlyProxyPublishesWidely, { labels: ml, ports: [{ internal: 3003, external: 3003, ip: "203.0.113.7" }] })).toEqual([
      `${C}: publishes 203.0.113.7:3003; only the proxy may, bind 127.0.0.1 instead`,
    ]);
    expect(violations(OnlyProxyPublishesWidely, { ports: [{ internal: 2283, external: 2283, ip: "192.168.10.20" }] })).toEqual([
      `${C}: publishes 192.168.10.20:2283; only the proxy may, bind 127.0.0.1 instead`,
    ]);
  });

  it("IIAC007 BackendOnInternalNetwork", () => {
    expect(violations(BackendOnInternalNetwork, { labels: db }, { internalNetwork: true })).toEqual([]);
    expect(violations(BackendOnInternalNetwork, { labels: db })).toEqual([
      `${C}: database is attached to non-internal network \${docker_network.net.name}`,
    ]);
    expect(violations(BackendOnInternalNetwork, { labels: db, networksAdvanced: [] }, { internalNetwork: true })).toEqual([
      `${C}: database must attach to an internal network (it would sit on the default bridge)`,
    ]);
  });

  it("IIAC008 ProviderVersionForSystemPaths", () => {
    const rknn = { securityOpts: ["systempaths=unconfined", "apparmor=unconfined"] };
    expect(violations(ProviderVersionForSystemPaths, rknn, { dockerConstraint: ">= 3.8.0, < 4.0.0" })).toEqual([]);
    // The bindings' own pin is the version they were generated from (4.6.0): allowed.
    expect(violations(ProviderVersionForSystemPaths, rknn)).toEqual([]);
    expect(violations(ProviderVersionForSystemPaths, rknn, { dockerConstraint: "3.6.2" })).toEqual([
      `${C}: uses systempaths=unconfined, but the docker provider constraint "3.6.2" allows versions below 3.8.0`,
    ]);
    expect(violations(ProviderVersionForSystemPaths, rknn, { dockerConstraint: ">= 3.6.2, < 4.0.0" })).toHaveLength(1);
  });
});
