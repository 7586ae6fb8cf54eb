import { Password } from "../providers/random/password/index.js";
import { Construct } from "constructs";
import { pinnedRef } from "../src/versions.js";
import type { DataVolume } from "./data-volume.js";
import { escapeTerraformTemplate } from "./host-resources.js";
import type { ImmichNetwork } from "./immich-network.js";
import type { ImmichPostgres } from "./immich-postgres.js";
import type { ImmichRedis } from "./immich-redis.js";
import { Component } from "./labels.js";
import { secretFile, secretFileOfContainerUser, ServiceContainer, type HealthcheckProps } from "./service-container.js";
import { ALERTMANAGER_SMTP_CA, ISOLATED_EXPORTERS, monitoringContainer, MONITORING_MEMORY_MIB, MONITORING_ROLES, PORTS, prometheusMemoryMiB, SMART_CAPABILITIES, type IsolatedExporter, type MonitoredDisk, type MonitoringRole } from "../src/monitoring/monitoring-settings.js";
import { ALERTMANAGER_SECRETS } from "../src/renderers/monitoring/alertmanager.js";
import { GRAFANA_DASHBOARDS, GRAFANA_INI, GRAFANA_PROVISIONING, GRAFANA_SECRETS } from "../src/renderers/monitoring/grafana.js";
import { queueKeyPatterns, RULES_DIR, RULES_FILE } from "../src/renderers/monitoring/prometheus.js";
import { EXPORTER_PASSWORD_FILE, MONITOR_ROLE, MONITOR_ROLE_SCRIPT, MONITOR_ROLE_SECRETS, renderMonitorRoleScript } from "../src/renderers/monitoring/postgres-monitor-role.js";

/** Upstream images of the monitoring containers (releases, floors and sources: IMAGE_PINS in src/versions.ts). */
export const MONITORING_IMAGES: Readonly<Record<MonitoringRole, string>> = Object.fromEntries(MONITORING_ROLES.map((r) => [r, pinnedRef(r)])) as Record<MonitoringRole, string>;

/** Where the node exporter reads the WAL archiver's metrics textfile. */
export const WAL_TEXTFILE_MOUNT = "/textfile-wal";

/** The exporters' secret files (redis_exporter's --redis.password-file; postgres_exporter's is EXPORTER_PASSWORD_FILE). */
export const EXPORTER_SECRETS = { redisPasswordMap: "/run/secrets/exporter/redis-passwords.json" } as const;

/**
 * The secret files alertmanager.yml names, root's and 0444 (Alertmanager runs as nobody, 65534; policy IIAC014
 * keeps secrets out of its environment). Each file the config reads must have its value — Alertmanager reads them
 * only when it sends, so a missing one fails every notification while it stays healthy — and no value is uploaded
 * that the config does not read.
 */
export function alertmanagerSecretUploads(config: string, given: { readonly smtpPassword?: string; readonly webhookUrl?: string }) {
  const what = { smtpPassword: "the SMTP password (alerts by e-mail)", webhookUrl: "the webhook URL (alerts to a webhook)" } as const;
  return (["smtpPassword", "webhookUrl"] as const).flatMap((k) => {
    const wanted = config.includes(ALERTMANAGER_SECRETS[k]);
    const value = given[k];
    if (wanted && value === undefined) throw new Error(`ImmichMonitoring: alertmanager.yml reads ${ALERTMANAGER_SECRETS[k]} but alertSecrets has no ${k}: without ${what[k]} no alert would be delivered`);
    if (!wanted && value !== undefined) throw new Error(`ImmichMonitoring: alertSecrets.${k} is given but alertmanager.yml does not read ${ALERTMANAGER_SECRETS[k]}`);
    return value === undefined ? [] : [secretFileOfContainerUser(ALERTMANAGER_SECRETS[k], value)];
  });
}

/** The monitoring containers that run: SMART only with disks to read, Grafana only behind the proxy. */
export function runningMonitoringRoles(o: { readonly smart: boolean; readonly grafana: boolean }): MonitoringRole[] {
  return MONITORING_ROLES.filter((r) => (r !== "smartctl-exporter" || o.smart) && (r !== "grafana" || o.grafana));
}

/** Where Grafana sees the volume of {@link GrafanaProps.trustedCa}. */
export const GRAFANA_TRUSTED_CA_MOUNT = "/trusted-ca";
/** Where Grafana sees the host file of {@link GrafanaProps.trustedCaFile}. */
export const GRAFANA_TRUSTED_CA_FILE = "/etc/grafana/trusted-ca.pem";

/** Where Grafana finds the CA it trusts (its `tls_client_ca`), given how the CA reaches it. */
export function grafanaTrustedCaPath(g: Pick<GrafanaProps, "trustedCa" | "trustedCaFile">): string | undefined {
  if (g.trustedCa) return `${GRAFANA_TRUSTED_CA_MOUNT}/${g.trustedCa.certificatePath}`;
  return g.trustedCaFile ? GRAFANA_TRUSTED_CA_FILE : undefined;
}

/** Grafana behind the proxy and Authelia: where it keeps its database, whom it trusts, its secrets. */
export interface GrafanaProps {
  /** Grafana's SQLite database (users, preferences), on the fast pool. */
  readonly dataVolume: DataVolume;
  /**
   * A volume holding the CA that signs the portal's certificate (the proxy's internal CA), mounted read-only.
   * Grafana then runs as root: Caddy keeps that file readable by root only. @default - the system's trust store
   */
  readonly trustedCa?: { readonly volume: DataVolume; readonly certificatePath: string };
  /** A host file holding that CA instead (TLS files signed by a private CA). @default - none */
  readonly trustedCaFile?: string;
  /** The OIDC client secret Authelia holds the digest of: a reference to a sensitive value. */
  readonly oidcClientSecret: string;
  /** The built-in admin's password (no login form accepts it; kept for the CLI): a reference to a sensitive value. */
  readonly adminPassword: string;
  /** The key Grafana encrypts its stored secrets with: a reference to a sensitive value. */
  readonly secretKey: string;
  /** Containers that must be up first (the proxy, whose CA Grafana trusts). @default [] */
  readonly dependsOn?: readonly ServiceContainer[];
}

export interface ImmichMonitoringProps {
  readonly deploymentName: string;
  /** The front network (the proxy, the server, a way out for alerts). */
  readonly frontNetwork: ImmichNetwork;
  /**
   * One internal network per running exporter of ISOLATED_EXPORTERS, shared with Prometheus only (the database
   * and Redis join those of their exporters): the stack makes them before the database and Redis.
   */
  readonly exporterNetworks: Readonly<Partial<Record<IsolatedExporter, ImmichNetwork>>>;
  /** Prometheus' TSDB, on the fast pool. */
  readonly prometheusVolume: DataVolume;
  /** The files `renderMonitoringFiles` made, by path under `monitoring/`. */
  readonly files: Readonly<Record<string, string>>;
  readonly retentionDays: number;
  readonly database: ImmichPostgres;
  /**
   * Password of the database owner: a reference to a sensitive value. Only the role keeper holds it, to give
   * postgres_exporter its own `pg_monitor` role (MONITOR_ROLE).
   */
  readonly databasePassword: string;
  readonly redis: ImmichRedis;
  /** Host directory of the backup metrics textfile (`<dataRoot>/backups/offsite/metrics`), when there is one. */
  readonly backupMetricsDir?: string;
  /** Disks the SMART exporter reads; none means no SMART exporter. @default [] */
  readonly disks?: readonly MonitoredDisk[];
  /** Grafana (its files must include `grafana/grafana.ini`). @default - no Grafana (a stack without a proxy cannot reach it) */
  readonly grafana?: GrafanaProps;
  /** Memory of all monitoring containers together (MiB): Prometheus gets what the others leave. */
  readonly memoryMiB: number;
  /** Host file of the CA that signs the SMTP server's certificate (spec.monitoring.alerts.email.caFile), bound read-only. @default - none */
  readonly smtpCaFile?: string;
  /**
   * Where Alertmanager sends, as references to sensitive values: the SMTP password (the auth notifier's, the
   * variable `smtp_password`) when alertmanager.yml sends e-mail, the webhook URL (the variable
   * `monitoring_webhook_url`) when it calls a webhook. Each is uploaded as the file alertmanager.yml reads
   * (ALERTMANAGER_SECRETS); a config that names a file this does not upload is refused here, since Alertmanager
   * reads it only when it sends. @default - none (alerts visible in Grafana only)
   */
  readonly alertSecrets?: { readonly smtpPassword?: string; readonly webhookUrl?: string };
  /**
   * Host directory of the WAL archiver's metrics textfile (`<dataRoot>/backups/postgres/state/metrics`) and its
   * container, which creates that directory as its own user: the node exporter starts after it, so Docker does
   * not create it as root first. @default - no WAL archiver
   */
  readonly walMetrics?: { readonly hostDir: string; readonly archiver: ServiceContainer };
}

const wget = (port: number, path: string): HealthcheckProps => ({
  test: ["CMD", "wget", "-q", "-O", "/dev/null", `http://127.0.0.1:${port}${path}`],
  intervalSeconds: 30,
  timeoutSeconds: 5,
  retries: 3,
  startPeriodSeconds: 30,
});

/**
 * Prometheus with its rules, Alertmanager, and the exporters that need no host devices: node exporter (host
 * filesystems, ZFS, the backup textfile), postgres_exporter, redis_exporter (with Immich's queue lengths) and the
 * blackbox exporter. Nothing is published. Each exporter but the blackbox one sits alone with Prometheus on its own
 * internal network: cAdvisor's unauthenticated API (the Docker socket behind it), the SMART exporter's raw disk access
 * and the node exporter's view of the host's root are reachable from no other container. Prometheus joins the front
 * network (the server, the job handlers, the proxy, Alertmanager, Grafana) and every exporter network, not the back one.
 */
export class ImmichMonitoring extends Construct {
  public readonly services: Readonly<Partial<Record<MonitoringRole, ServiceContainer>>>;
  /** Keeps postgres_exporter's role (MONITOR_ROLE) in place: not a scrape target, so not among `services`. */
  public readonly postgresRole: ServiceContainer;

  constructor(scope: Construct, id: string, props: ImmichMonitoringProps) {
    super(scope, id);
    const dep = props.deploymentName;
    const file = (path: string) => {
      const text = props.files[path];
      if (text === undefined) throw new Error(`ImmichMonitoring: files has no ${path}`);
      // Literal text: Terraform must not read `${…}` in it as its own interpolation.
      return escapeTerraformTemplate(text);
    };
    const { exporter: small, grafana: grafanaMiB, cadvisor: cadvisorMiB } = MONITORING_MEMORY_MIB;
    const disks = props.disks ?? [];
    const prometheusMiB = prometheusMemoryMiB(props.memoryMiB, { smart: disks.length > 0, grafana: props.grafana !== undefined });
    if (prometheusMiB < MONITORING_MEMORY_MIB.minPrometheus) throw new Error(`ImmichMonitoring: memoryMiB must leave Prometheus at least ${MONITORING_MEMORY_MIB.minPrometheus} MiB (got ${props.memoryMiB})`);
    const roleKeeperMiB = MONITORING_MEMORY_MIB.roleKeeper;
    const running = runningMonitoringRoles({ smart: disks.length > 0, grafana: props.grafana !== undefined });
    const isolated = ISOLATED_EXPORTERS.filter((r) => running.includes(r));
    const exporterNet = (role: IsolatedExporter): ImmichNetwork => {
      const n = props.exporterNetworks[role];
      if (!n) throw new Error(`ImmichMonitoring: exporterNetworks has no network for ${role}: every exporter of ISOLATED_EXPORTERS that runs needs its own`);
      if (!n.internal) throw new Error(`ImmichMonitoring: the network of ${role} (${n.name}) must be internal: an exporter needs no way out`);
      return n;
    };
    const service = (role: MonitoringRole, p: Omit<ConstructorParameters<typeof ServiceContainer>[2], "deploymentName" | "component" | "nameSuffix">) =>
      new ServiceContainer(this, role, { deploymentName: dep, component: Component.MONITORING, nameSuffix: `-${role}`, ...p });

    const services: Partial<Record<MonitoringRole, ServiceContainer>> = {};
    services.prometheus = service("prometheus", {
      image: MONITORING_IMAGES.prometheus,
      command: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", `--storage.tsdb.retention.time=${props.retentionDays}d`],
      networks: [props.frontNetwork, ...isolated.map(exporterNet)],
      volumes: [{ volume: props.prometheusVolume, containerPath: "/prometheus" }],
      uploads: [
        { path: "/etc/prometheus/prometheus.yml", content: file("prometheus/prometheus.yml") },
        { path: `${RULES_DIR}/${RULES_FILE}`, content: file(`prometheus/rules/${RULES_FILE}`) },
      ],
      user: "65534:65534",
      memoryMiB: prometheusMiB,
      destroyGraceSeconds: 60,
      healthcheck: wget(PORTS.prometheus, "/-/healthy"),
    });
    services.alertmanager = service("alertmanager", {
      image: MONITORING_IMAGES.alertmanager,
      command: ["--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/tmp/alertmanager"],
      networks: [props.frontNetwork],
      uploads: [{ path: "/etc/alertmanager/alertmanager.yml", content: file("alertmanager/alertmanager.yml") }, ...alertmanagerSecretUploads(file("alertmanager/alertmanager.yml"), props.alertSecrets ?? {})],
      ...(props.smtpCaFile ? { binds: [{ hostPath: props.smtpCaFile, containerPath: ALERTMANAGER_SMTP_CA }] } : {}),
      memoryMiB: small,
      destroyGraceSeconds: 10,
      healthcheck: wget(PORTS.alertmanager, "/-/healthy"),
    });
    services["node-exporter"] = service("node-exporter", {
      image: MONITORING_IMAGES["node-exporter"],
      // --collector.textfile.directory is repeatable (node_exporter >= 1.7): the backup runner's and the WAL archiver's.
      command: [
        "--path.rootfs=/host",
        ...(props.backupMetricsDir ? ["--collector.textfile.directory=/textfile"] : []),
        ...(props.walMetrics ? [`--collector.textfile.directory=${WAL_TEXTFILE_MOUNT}`] : []),
      ],
      networks: [exporterNet("node-exporter")],
      binds: [
        { hostPath: "/", containerPath: "/host" },
        ...(props.backupMetricsDir ? [{ hostPath: props.backupMetricsDir, containerPath: "/textfile" }] : []),
        ...(props.walMetrics ? [{ hostPath: props.walMetrics.hostDir, containerPath: WAL_TEXTFILE_MOUNT }] : []),
      ],
      memoryMiB: small,
      destroyGraceSeconds: 10,
      healthcheck: wget(PORTS.nodeExporter, "/metrics"),
      ...(props.walMetrics ? { dependsOn: [props.walMetrics.archiver] } : {}),
    });
    const db = props.database;
    // Generated at apply time; alphanumeric, so it needs no quoting in a connection string.
    const monitorPassword = new Password(this, "PostgresMonitorPassword", { length: 40, special: false }).result;
    this.postgresRole = this.postgresRoleKeeper(props, monitorPassword, roleKeeperMiB, exporterNet("postgres-exporter"));
    services["postgres-exporter"] = service("postgres-exporter", {
      image: MONITORING_IMAGES["postgres-exporter"],
      // Its own role in pg_monitor (statistics, settings), not the owner of Immich's tables; the password as a file.
      env: {
        DATA_SOURCE_URI: `${db.hostname}:${db.port}/${db.databaseName}?sslmode=disable`,
        DATA_SOURCE_USER: MONITOR_ROLE,
        DATA_SOURCE_PASS_FILE: EXPORTER_PASSWORD_FILE,
      },
      // The image runs as nobody (65534).
      uploads: [secretFileOfContainerUser(EXPORTER_PASSWORD_FILE, monitorPassword)],
      // Its own network, which the database joins: not the back network of Immich, Authelia's Redis and the backups.
      networks: [exporterNet("postgres-exporter")],
      memoryMiB: small,
      destroyGraceSeconds: 10,
      healthcheck: wget(PORTS.postgresExporter, "/metrics"),
    });
    const redisUser = props.redis.credentials("exporter");
    services["redis-exporter"] = service("redis-exporter", {
      image: MONITORING_IMAGES["redis-exporter"],
      // Its own read-only ACL user; the password file maps the address (with the user, as 1.69 looks it up) to it.
      env: {
        REDIS_ADDR: `redis://${props.redis.hostname}:${props.redis.port}`,
        REDIS_USER: redisUser.username,
        REDIS_PASSWORD_FILE: EXPORTER_SECRETS.redisPasswordMap,
        REDIS_EXPORTER_CHECK_KEYS: queueKeyPatterns().join(","),
      },
      // The image runs as 59000:59000.
      uploads: [
        secretFileOfContainerUser(EXPORTER_SECRETS.redisPasswordMap, `{"redis://${redisUser.username}@${props.redis.hostname}:${props.redis.port}":"${redisUser.password}"}`),
      ],
      networks: [exporterNet("redis-exporter")],
      memoryMiB: small,
      destroyGraceSeconds: 10,
      healthcheck: wget(PORTS.redisExporter, "/metrics"),
    });
    services["blackbox-exporter"] = service("blackbox-exporter", {
      image: MONITORING_IMAGES["blackbox-exporter"],
      command: ["--config.file=/etc/blackbox_exporter/config.yml"],
      networks: [props.frontNetwork],
      uploads: [{ path: "/etc/blackbox_exporter/config.yml", content: file("blackbox/blackbox.yml") }],
      memoryMiB: small,
      destroyGraceSeconds: 10,
      healthcheck: wget(PORTS.blackboxExporter, "/-/healthy"),
    });
    if (disks.length) services["smartctl-exporter"] = this.smartctl(props, disks, small, exporterNet("smartctl-exporter"));
    services.cadvisor = service("cadvisor", {
      image: MONITORING_IMAGES.cadvisor,
      // Docker containers only, with our two labels (not every label of every container: fewer series), no
      // per-CPU, per-process or network-protocol detail nobody graphs here.
      command: [
        "--docker_only=true",
        "--store_container_labels=false",
        "--whitelisted_container_labels=io.immich-iac.component,io.immich-iac.deployment",
        "--housekeeping_interval=30s",
        "--disable_metrics=advtcp,cpu_topology,cpuset,hugetlb,memory_numa,percpu,process,referenced_memory,resctrl,sched,tcp,udp,disk",
      ],
      // The Docker socket is root on the host and cAdvisor's :8080 asks no credentials: alone with Prometheus on an
      // internal network, no way out and no other container to call it.
      networks: [exporterNet("cadvisor")],
      binds: [
        { hostPath: "/", containerPath: "/rootfs" },
        { hostPath: "/sys", containerPath: "/sys" },
        { hostPath: "/var/run/docker.sock", containerPath: "/var/run/docker.sock" },
        { hostPath: "/dev/disk", containerPath: "/dev/disk" },
      ],
      user: "0:0",
      memoryMiB: cadvisorMiB,
      destroyGraceSeconds: 10,
      healthcheck: wget(PORTS.cadvisor, "/healthz"),
    });
    if (props.grafana) services.grafana = this.grafana(props, props.grafana, file, grafanaMiB);
    for (const [role, s] of Object.entries(services)) {
      if (s.name !== monitoringContainer(dep, role as MonitoringRole)) throw new Error(`ImmichMonitoring: ${role} is named ${s.name}, not what the Prometheus targets say`);
    }
    if ([...running].sort().join() !== Object.keys(services).sort().join()) {
      throw new Error(`ImmichMonitoring: runs ${Object.keys(services).sort().join(", ")}, but runningMonitoringRoles says ${[...running].sort().join(", ")}: the Prometheus targets would be wrong`);
    }
    this.services = services;
  }

  /**
   * smartctl_exporter on the profile's disks, each mapped read-only: smartctl opens them O_RDONLY and sends SMART
   * commands, which need CAP_SYS_RAWIO (SATA/SAS passthrough) and, for NVMe admin commands, CAP_SYS_ADMIN —
   * added only when a disk is NVMe. No --privileged: it would expose every host device.
   */
  private smartctl(props: ImmichMonitoringProps, disks: readonly MonitoredDisk[], memoryMiB: number, network: ImmichNetwork): ServiceContainer {
    return new ServiceContainer(this, "smartctl-exporter", {
      deploymentName: props.deploymentName,
      component: Component.MONITORING,
      nameSuffix: "-smartctl-exporter",
      image: MONITORING_IMAGES["smartctl-exporter"],
      command: ["--smartctl.interval=300s", ...disks.map((d) => `--smartctl.device=${d.path}`)],
      // Not the front network: with CAP_SYS_RAWIO it talks to Prometheus only.
      networks: [network],
      devices: disks.map((d) => ({ hostPath: d.path, containerPath: d.path, permissions: "r" })),
      capAdd: [...SMART_CAPABILITIES.always, ...(disks.some((d) => d.nvme) ? SMART_CAPABILITIES.nvme : [])],
      user: "0:0",
      memoryMiB,
      destroyGraceSeconds: 10,
      healthcheck: wget(PORTS.smartctlExporter, "/metrics"),
    });
  }

  /**
   * The role keeper: the database's own image (psql) as its postgres user, with the owner's password, making
   * MONITOR_ROLE a login in pg_monitor with `monitorPassword` and putting it back whenever it stops logging in
   * (a restored dump). Healthy while the role logs in. On the exporter's network, where the database is.
   */
  private postgresRoleKeeper(props: ImmichMonitoringProps, monitorPassword: string, memoryMiB: number, network: ImmichNetwork): ServiceContainer {
    const db = props.database;
    return new ServiceContainer(this, "postgres-role", {
      deploymentName: props.deploymentName,
      component: Component.MONITORING,
      nameSuffix: "-postgres-role",
      image: db.image,
      entrypoint: ["/bin/bash", MONITOR_ROLE_SCRIPT],
      command: ["run"],
      user: "999:999",
      env: { PGHOST: db.hostname, PGPORT: String(db.port), PGUSER: db.username, PGDATABASE: db.databaseName, PGAPPNAME: "immich-iac-monitor-role" },
      networks: [network],
      uploads: [
        // Literal text: Terraform must not read the shell's ${…} as its own interpolation.
        { path: MONITOR_ROLE_SCRIPT, content: escapeTerraformTemplate(renderMonitorRoleScript({ title: `deployment ${props.deploymentName}` })) },
        // It runs as postgres (999), so the secrets are root's and 0444 (see secretFileOfContainerUser).
        secretFileOfContainerUser(MONITOR_ROLE_SECRETS.ownerPassword, props.databasePassword),
        secretFileOfContainerUser(MONITOR_ROLE_SECRETS.monitorPassword, monitorPassword),
      ],
      memoryMiB,
      destroyGraceSeconds: 10,
      dependsOn: [db.service],
      healthcheck: { test: ["CMD", "/bin/bash", MONITOR_ROLE_SCRIPT, "health"], intervalSeconds: 60, timeoutSeconds: 10, retries: 3, startPeriodSeconds: 300 },
    });
  }

  private grafana(props: ImmichMonitoringProps, g: GrafanaProps, file: (path: string) => string, memoryMiB: number): ServiceContainer {
    if (g.trustedCa && g.trustedCaFile) throw new Error("ImmichMonitoring: give grafana.trustedCa (a volume) or grafana.trustedCaFile (a host file), not both: tls_client_ca names one file");
    const dashboards = Object.keys(props.files).filter((p) => p.startsWith("grafana/dashboards/")).sort();
    if (dashboards.length === 0) throw new Error("ImmichMonitoring: files has no grafana/dashboards/*.json");
    const grafanaUser = g.trustedCa ? { uid: 0, gid: 0 } : { uid: 472, gid: 0 };
    const grafanaSecret = (path: string, content: string) => (grafanaUser.uid === 0 ? secretFile(path, content) : secretFileOfContainerUser(path, content));
    return new ServiceContainer(this, "grafana", {
      deploymentName: props.deploymentName,
      component: Component.MONITORING,
      nameSuffix: "-grafana",
      image: MONITORING_IMAGES.grafana,
      // Explicit: the image's entrypoint takes GF_PATHS_CONFIG, whose default is the same file.
      env: { GF_PATHS_CONFIG: GRAFANA_INI },
      // Front only: Prometheus is there, and the portal (through the proxy's alias) for the OIDC token exchange.
      networks: [props.frontNetwork],
      volumes: [
        { volume: g.dataVolume, containerPath: "/var/lib/grafana" },
        ...(g.trustedCa ? [{ volume: g.trustedCa.volume, containerPath: GRAFANA_TRUSTED_CA_MOUNT, readOnly: true }] : []),
      ],
      uploads: [
        { path: GRAFANA_INI, content: file("grafana/grafana.ini") },
        { path: `${GRAFANA_PROVISIONING}/datasources/prometheus.yaml`, content: file("grafana/provisioning/datasources/prometheus.yaml") },
        { path: `${GRAFANA_PROVISIONING}/dashboards/immich-iac.yaml`, content: file("grafana/provisioning/dashboards/immich-iac.yaml") },
        ...dashboards.map((p) => ({ path: `${GRAFANA_DASHBOARDS}/${p.slice("grafana/dashboards/".length)}`, content: file(p) })),
        grafanaSecret(GRAFANA_SECRETS.oidcClientSecret, g.oidcClientSecret),
        grafanaSecret(GRAFANA_SECRETS.adminPassword, g.adminPassword),
        grafanaSecret(GRAFANA_SECRETS.secretKey, g.secretKey),
      ],
      ...(g.trustedCaFile ? { binds: [{ hostPath: g.trustedCaFile, containerPath: GRAFANA_TRUSTED_CA_FILE }] } : {}),
      // Caddy keeps its internal CA root readable by root only (0700 directories, 0600 files): to trust it from the
      // proxy's volume Grafana must run as root. Otherwise it runs as the image's own user.
      user: `${grafanaUser.uid}:${grafanaUser.gid}`,
      memoryMiB,
      destroyGraceSeconds: 10,
      healthcheck: wget(PORTS.grafana, "/api/health"),
      ...(g.dependsOn ? { dependsOn: g.dependsOn } : {}),
    });
  }
}
