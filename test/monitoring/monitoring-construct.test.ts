import { describe, expect, it } from "vitest";
import { computeTuning } from "../../src/tuning/tuning.js";
import { synthImmich } from "../constructs/construct-util.js";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { deploymentPath } from "../stack-util.js";
import { shippedProfile } from "../util.js";

const SETTINGS = { enabled: true, domain: "metrics.example.com", retentionDays: 15, alerts: { webhook: false } };
const byName = (r: any, name: string) => (Object.values(r.docker_container) as any[]).find((c) => c.name === name);
const component = (r: any, value: string) =>
  (Object.values(r.docker_container) as any[]).filter((c) => c.labels.some((l: any) => l.label === "io.immich-iac.component" && l.value === value)).map((c) => c.name).sort();

describe("monitoring in the stack", () => {
  it("refuses monitoring on a tuning that gave it no memory", () => {
    expect(() => synthImmich({ monitoring: SETTINGS })).toThrow(
      "ImmichStack: monitoring is enabled but the tuning gave it no memory: compute it with computeTuning(profile, { monitoring: true })",
    );
  });

  it("without monitoring: no monitoring container, no telemetry", () => {
    const r = synthImmich();
    expect(component(r, "monitoring")).toEqual([]);
    expect(byName(r, "immich-t-server").env).not.toContain("IMMICH_TELEMETRY_INCLUDE=all");
  });

  describe("with monitoring", () => {
    const r = synthImmich({ monitoring: SETTINGS, tuning: computeTuning(shippedProfile("homelab-minimal"), { monitoring: true }) });
    it("runs Prometheus, Alertmanager, cAdvisor and four exporters (no disks: no SMART exporter; no proxy: no Grafana), publishing nothing", () => {
      expect(component(r, "monitoring")).toEqual([
        "immich-t-monitoring-alertmanager",
        "immich-t-monitoring-blackbox-exporter",
        "immich-t-monitoring-cadvisor",
        "immich-t-monitoring-node-exporter",
        "immich-t-monitoring-postgres-exporter",
        "immich-t-monitoring-prometheus",
        "immich-t-monitoring-redis-exporter",
      ]);
      for (const name of component(r, "monitoring")) expect(byName(r, name).ports, name).toBeUndefined();
    });

    it("Prometheus keeps the retention, runs as nobody on both networks, with its TSDB on the fast pool", () => {
      const p = byName(r, "immich-t-monitoring-prometheus");
      expect(p.command).toEqual(["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=15d"]);
      expect(p.user).toBe("65534:65534");
      expect(p.networks_advanced).toHaveLength(2);
      expect(p.upload.map((u: any) => u.file)).toEqual(["/etc/prometheus/prometheus.yml", "/etc/prometheus/rules/immich-iac.rules.yml"]);
      const tsdb = (Object.values(r.docker_volume) as any[]).find((v) => v.name === "immich-t-prometheus");
      expect(tsdb.driver_opts.device).toBe("/srv/immich/database/prometheus");
    });

    it("the exporters reach the database and Redis on the back network only, with their passwords as files in their own containers (non-root images: root-owned 0444)", () => {
      const pg = byName(r, "immich-t-monitoring-postgres-exporter");
      expect(pg.env).toEqual(["DATA_SOURCE_PASS_FILE=/run/secrets/exporter/db-password", "DATA_SOURCE_URI=immich-t-database:5432/immich?sslmode=disable", "DATA_SOURCE_USER=immich"]);
      expect(pg.upload).toEqual([
        { file: "/run/secrets/exporter/db-password", content: "${random_password.immich_DatabasePassword_9DAAC9D3.result}", permissions: "0444" },
      ]);
      expect(pg.networks_advanced).toHaveLength(1);
      const redis = byName(r, "immich-t-monitoring-redis-exporter");
      expect(redis.env).toEqual([
        "REDIS_ADDR=redis://immich-t-redis:6379",
        "REDIS_EXPORTER_CHECK_KEYS=immich_bull:*:wait,immich_bull:*:prioritized",
        "REDIS_PASSWORD_FILE=/run/secrets/exporter/redis-passwords.json",
        "REDIS_USER=exporter",
      ]);
      expect(redis.upload).toEqual([
        {
          file: "/run/secrets/exporter/redis-passwords.json",
          content: '{"redis://exporter@immich-t-redis:6379":"${random_password.immich_Redis_ExporterPassword_5263D8C8.result}"}',
          permissions: "0444",
        },
      ]);
    });

    it("node exporter reads the host read-only; Immich serves its metrics", () => {
      expect(byName(r, "immich-t-monitoring-node-exporter").volumes).toEqual([{ host_path: "/", container_path: "/host", read_only: true }]);
      expect(byName(r, "immich-t-server").env).toContain("IMMICH_TELEMETRY_INCLUDE=all");
      expect(byName(r, "immich-t-job-handler").env).toContain("IMMICH_TELEMETRY_INCLUDE=all");
    });
  });

  describe("SMART and containers", () => {
    const disks = [
      { path: "/dev/disk/by-id/nvme-gen5-a", nvme: true },
      { path: "/dev/disk/by-id/ata-hdd-1", nvme: false },
    ];
    const tuning = computeTuning(shippedProfile("homelab-minimal"), { monitoring: true });
    const smartOf = (d: typeof disks) => byName(synthImmich({ monitoring: { ...SETTINGS, disks: d }, tuning }), "immich-t-monitoring-smartctl-exporter");

    it("the SMART exporter reads each disk read-only, with CAP_SYS_RAWIO, and CAP_SYS_ADMIN only for NVMe, never privileged", () => {
      const smart = smartOf(disks);
      expect(smart.command).toEqual(["--smartctl.interval=300s", "--smartctl.device=/dev/disk/by-id/nvme-gen5-a", "--smartctl.device=/dev/disk/by-id/ata-hdd-1"]);
      expect(smart.devices).toEqual(disks.map((d) => ({ host_path: d.path, container_path: d.path, permissions: "r" })));
      expect(smart.capabilities).toEqual({ add: ["CAP_SYS_RAWIO", "CAP_SYS_ADMIN"], drop: ["CAP_NET_RAW"] });
      expect(smart.privileged).toBeUndefined();
      expect(smartOf([disks[1]!]).capabilities.add).toEqual(["CAP_SYS_RAWIO"]);
    });

    it("cAdvisor sees Docker's containers through read-only binds, on the internal network only, with few series", () => {
      const c = byName(synthImmich({ monitoring: SETTINGS, tuning }), "immich-t-monitoring-cadvisor");
      expect(c.volumes).toEqual([
        { host_path: "/", container_path: "/rootfs", read_only: true },
        { host_path: "/sys", container_path: "/sys", read_only: true },
        { host_path: "/var/run/docker.sock", container_path: "/var/run/docker.sock", read_only: true },
        { host_path: "/dev/disk", container_path: "/dev/disk", read_only: true },
      ]);
      expect(c.networks_advanced).toEqual([{ name: expect.stringContaining("BackNetwork") }]);
      expect(c.command).toEqual(expect.arrayContaining(["--docker_only=true", "--store_container_labels=false", "--whitelisted_container_labels=io.immich-iac.component,io.immich-iac.deployment"]));
    });

    it("the deployment loader watches every pool device of the profile, NVMe marked", () => {
      const d = loadDeploymentFile(deploymentPath("example"));
      expect(d.monitoring.disks).toEqual([
        { path: "/dev/disk/by-id/nvme-gen5-a", nvme: true },
        { path: "/dev/disk/by-id/nvme-gen5-b", nvme: true },
        ...[1, 2, 3, 4, 5, 6].map((i) => ({ path: `/dev/disk/by-id/ata-hdd-${i}`, nvme: false })),
      ]);
      expect(d.monitoring.disks).toContainEqual({ path: "/dev/disk/by-id/nvme-gen5-a", nvme: true });
      expect(d.monitoring.disks).toContainEqual({ path: "/dev/disk/by-id/ata-hdd-1", nvme: false });
    });
  });
});
