import { describe, expect, it } from "vitest";
import { computeTuning } from "../../src/tuning/tuning.js";
import { synthImmich } from "../constructs/construct-util.js";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { deploymentPath } from "../stack-util.js";
import { shippedProfile } from "../util.js";

const SETTINGS = { enabled: true, domain: "metrics.example.com", retentionDays: 15, alerts: { webhook: false } };
const byName = (r: any, name: string) => (Object.values(r.docker_container) as any[]).find((c) => c.name === name);
/** The Docker network names a container joins (its networks_advanced refer to docker_network resources). */
const networksOf = (r: any, name: string): string[] =>
  byName(r, name).networks_advanced.map((n: any) => {
    const addr = /^\$\{docker_network\.([A-Za-z0-9_-]+)\.name\}$/.exec(n.name)?.[1];
    return addr ? r.docker_network[addr].name : n.name;
  });
/** The containers that join the Docker network `network`. */
const membersOf = (r: any, network: string): string[] =>
  (Object.values(r.docker_container) as any[]).filter((c) => networksOf(r, c.name).includes(network)).map((c) => c.name).sort();
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
    it("runs Prometheus, Alertmanager, cAdvisor, four exporters and the postgres exporter's role keeper (no disks: no SMART exporter; no proxy: no Grafana), publishing nothing", () => {
      expect(component(r, "monitoring")).toEqual([
        "immich-t-monitoring-alertmanager",
        "immich-t-monitoring-blackbox-exporter",
        "immich-t-monitoring-cadvisor",
        "immich-t-monitoring-node-exporter",
        "immich-t-monitoring-postgres-exporter",
        "immich-t-monitoring-postgres-role",
        "immich-t-monitoring-prometheus",
        "immich-t-monitoring-redis-exporter",
      ]);
      for (const name of component(r, "monitoring")) expect(byName(r, name).ports, name).toBeUndefined();
    });

    it("Prometheus keeps the retention, runs as nobody on the front and the exporter networks (not the back one), with its TSDB on the fast pool", () => {
      const p = byName(r, "immich-t-monitoring-prometheus");
      expect(p.command).toEqual(["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=15d"]);
      expect(p.user).toBe("65534:65534");
      expect(networksOf(r, "immich-t-monitoring-prometheus")).toEqual([
        "immich-t-front",
        "immich-t-exporter-node",
        "immich-t-exporter-postgres",
        "immich-t-exporter-redis",
        "immich-t-exporter-cadvisor",
      ]);
      expect(p.upload.map((u: any) => u.file)).toEqual(["/etc/prometheus/prometheus.yml", "/etc/prometheus/rules/immich-iac.rules.yml"]);
      const tsdb = (Object.values(r.docker_volume) as any[]).find((v) => v.name === "immich-t-prometheus");
      expect(tsdb.driver_opts.device).toBe("/srv/immich/database/prometheus");
    });

    it("each exporter is alone with Prometheus on an internal network of its own; the database and Redis join their exporter's", () => {
      const p = "immich-t-monitoring-prometheus";
      expect(membersOf(r, "immich-t-exporter-node")).toEqual(["immich-t-monitoring-node-exporter", p]);
      expect(membersOf(r, "immich-t-exporter-cadvisor")).toEqual(["immich-t-monitoring-cadvisor", p]);
      expect(membersOf(r, "immich-t-exporter-postgres")).toEqual(["immich-t-database", "immich-t-monitoring-postgres-exporter", "immich-t-monitoring-postgres-role", p]);
      expect(membersOf(r, "immich-t-exporter-redis")).toEqual([p, "immich-t-monitoring-redis-exporter", "immich-t-redis"]);
      for (const [role, net] of [["node-exporter", "node"], ["cadvisor", "cadvisor"], ["postgres-exporter", "postgres"], ["redis-exporter", "redis"]]) {
        expect(networksOf(r, `immich-t-monitoring-${role}`), role).toEqual([`immich-t-exporter-${net}`]);
        const n = (Object.values(r.docker_network) as any[]).find((x) => x.name === `immich-t-exporter-${net}`);
        expect(n.internal, net).toBe(true);
        expect(n.labels, net).toContainEqual({ label: "io.immich-iac.exporter-network", value: role });
      }
      expect(networksOf(r, "immich-t-database")).toEqual(["immich-t-back", "immich-t-exporter-postgres"]);
      expect(networksOf(r, "immich-t-redis")).toEqual(["immich-t-back", "immich-t-exporter-redis"]);
      // No exporter but the blackbox one (it probes through the proxy and the LAN) on the front or back network.
      expect(membersOf(r, "immich-t-back").filter((c) => c.includes("monitoring"))).toEqual([]);
      expect(membersOf(r, "immich-t-front").filter((c) => c.includes("monitoring"))).toEqual(["immich-t-monitoring-alertmanager", "immich-t-monitoring-blackbox-exporter", p]);
    });

    it("without monitoring the database and Redis are on the back network only, and there is no exporter network", () => {
      const plain = synthImmich();
      expect(networksOf(plain, "immich-t-database")).toEqual(["immich-t-back"]);
      expect(networksOf(plain, "immich-t-redis")).toEqual(["immich-t-back"]);
      expect((Object.values(plain.docker_network) as any[]).map((n) => n.name).sort()).toEqual(["immich-t-back", "immich-t-front"]);
    });

    it("the postgres exporter connects as its own pg_monitor role, with that role's password in a file, never the owner's", () => {
      const pg = byName(r, "immich-t-monitoring-postgres-exporter");
      expect([...pg.env].sort()).toEqual([
        "DATA_SOURCE_PASS_FILE=/etc/postgres_exporter/password",
        "DATA_SOURCE_URI=immich-t-database:5432/immich?sslmode=disable",
        "DATA_SOURCE_USER=immich_monitor",
      ]);
      const monitorPassword = pg.upload.find((u: any) => u.file === "/etc/postgres_exporter/password").content;
      expect(monitorPassword).toMatch(/^\$\{random_password\.immich_Monitoring_PostgresMonitorPassword_[A-F0-9]+\.result\}$/);
      expect(JSON.stringify(pg)).not.toContain("DatabasePassword");
      // The keeper sets that password on the role, logging in as the owner (whose password only it holds).
      const keeper = byName(r, "immich-t-monitoring-postgres-role");
      const imageOf = (name: string) => r.docker_image[/^\$\{docker_image\.(.+)\.image_id\}$/.exec(byName(r, name).image)![1]!].name;
      expect(imageOf("immich-t-monitoring-postgres-role")).toBe(imageOf("immich-t-database"));
      expect(keeper.entrypoint).toEqual(["/bin/bash", "/etc/immich-iac/monitor-role.sh"]);
      expect(keeper.user).toBe("999:999");
      expect([...keeper.env].sort()).toEqual(["PGAPPNAME=immich-iac-monitor-role", "PGDATABASE=immich", "PGHOST=immich-t-database", "PGPORT=5432", "PGUSER=immich"]);
      expect(Object.fromEntries(keeper.upload.filter((u: any) => u.file.includes("/secrets/")).map((u: any) => [u.file, u.content]))).toEqual({
        "/etc/immich-iac/secrets/database-password": expect.stringMatching(/^\$\{random_password\.immich_DatabasePassword_[A-F0-9]+\.result\}$/),
        "/etc/immich-iac/secrets/monitor-password": monitorPassword,
      });
      expect(networksOf(r, "immich-t-monitoring-postgres-role")).toEqual(["immich-t-exporter-postgres"]);
    });

    it("the exporters' passwords are files in their own containers (non-root images: root-owned 0444)", () => {
      const pg = byName(r, "immich-t-monitoring-postgres-exporter");
      expect(pg.upload.find((u: any) => u.file === "/etc/postgres_exporter/password").permissions).toBe("0444");
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

    it("the SMART exporter is alone with Prometheus on its own internal network, not the front one", () => {
      const r = synthImmich({ monitoring: { ...SETTINGS, disks }, tuning });
      expect(networksOf(r, "immich-t-monitoring-smartctl-exporter")).toEqual(["immich-t-exporter-smartctl"]);
      expect(membersOf(r, "immich-t-exporter-smartctl")).toEqual(["immich-t-monitoring-prometheus", "immich-t-monitoring-smartctl-exporter"]);
      expect(networksOf(r, "immich-t-monitoring-prometheus")).toContain("immich-t-exporter-smartctl");
    });

    it("cAdvisor sees Docker's containers through read-only binds, on the internal network only, with few series", () => {
      const c = byName(synthImmich({ monitoring: SETTINGS, tuning }), "immich-t-monitoring-cadvisor");
      expect(c.volumes).toEqual([
        { host_path: "/", container_path: "/rootfs", read_only: true },
        { host_path: "/sys", container_path: "/sys", read_only: true },
        { host_path: "/var/run/docker.sock", container_path: "/var/run/docker.sock", read_only: true },
        { host_path: "/dev/disk", container_path: "/dev/disk", read_only: true },
      ]);
      expect(networksOf(synthImmich({ monitoring: SETTINGS, tuning }), "immich-t-monitoring-cadvisor")).toEqual(["immich-t-exporter-cadvisor"]);
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
