import { Password } from "../providers/random/password/index.js";
import { MAX_DEPLOYMENT_NAME } from "../src/contract/container-names.js";
import { RandomProvider } from "../providers/random/provider/index.js";
import { PrivateKey } from "../providers/tls/private-key/index.js";
import { TlsProvider } from "../providers/tls/provider/index.js";
import { Container } from "../providers/docker/container/index.js";
import { Network } from "../providers/docker/network/index.js";
import { Volume } from "../providers/docker/volume/index.js";
import { Aspects, dependable, TerraformProvider, TerraformStack, TerraformVariable, type ITerraformDependable } from "cdktf";
import type { AuthSettings, IngressSettings } from "../src/ingress/site.js";
import {
  AUTHELIA_PORT,
  autheliaEnv,
  IMMICH_OIDC_CLIENT,
  renderAutheliaConfig,
  renderAutheliaUsers,
  secretPath,
} from "../src/renderers/authelia.js";
import { renderCaddyfile } from "../src/renderers/caddyfile.js";
import { Authelia } from "./authelia.js";
import { BcryptDigest } from "./bcrypt-digest.js";
import { PROVIDER_CONSTRAINTS, type PinnedProvider } from "./provider-versions.js";
import { CADDY_INTERNAL_ROOT, CaddyProxy } from "./caddy-proxy.js";
import { Construct } from "constructs";
import { POLICY_RULES, PolicyAspect } from "./policy/index.js";
import { buildImmichConfig } from "../src/renderers/immich-config-file.js";
import { renderPostgresOverride } from "../src/renderers/postgres-conf.js";
import { queueKeyPatterns } from "../src/renderers/monitoring/prometheus.js";
import type { Tuning } from "../src/tuning/tuning.js";
import type { MlNodeTuning } from "../src/tuning/ml-nodes.js";
import { volumeDirectory, volumeHostPath, type VolumeDirectory } from "../src/host/volume-layout.js";
import { DATA_ROOT } from "../src/tuning/zfs.js";
import { DataVolume } from "./data-volume.js";
import { RedisEngine, type ImageDigests } from "./images.js";
import { ImmichConfigFile } from "./immich-config-file.js";
import { ImmichJobHandler } from "./immich-job-handler.js";
import { ImmichMachineLearning } from "./immich-machine-learning.js";
import { ImmichNetwork } from "./immich-network.js";
import { DEFAULT_POSTGRES_IMAGE_TAG, ImmichPostgres } from "./immich-postgres.js";
import { ImmichRedis } from "./immich-redis.js";
import { IMMICH_PORT, ImmichServer } from "./immich-server.js";

import { DEFAULT_IMMICH_VERSION } from "../src/versions.js";
import { BACKUP_VARIABLES, immichDumpCron, resticRepository, type BackupSettings } from "../src/backup/backup-settings.js";
import { archivingSettings, HBA_FILE_PATH, renderPgHba, WAL_SLOT } from "../src/backup/postgres-archiving.js";
import { renderWalArchiver, ARCHIVE_SUBDIR, WAL_METRICS_SUBDIR } from "../src/renderers/backup/wal-archiver.js";
import { BACKUPS_MOUNT, EXTERNAL_BACKUP_MOUNT, renderOffsiteScript } from "../src/renderers/backup/offsite.js";
import { renderBackupOperations } from "../src/renderers/backup/operations.js";
import { kbOf } from "../src/tuning/derived.js";
import { WalArchiver } from "./wal-archiver.js";
import { grafanaTrustedCaPath, ImmichMonitoring, runningMonitoringRoles } from "./immich-monitoring.js";
import { exporterNetworkName, ISOLATED_EXPORTERS, monitoringContainer, MONITORING_WEBHOOK_VARIABLE, PORTS, type IsolatedExporter, type MonitoringSettings } from "../src/monitoring/monitoring-settings.js";
import { renderMonitoringFiles } from "../src/renderers/monitoring/index.js";
import { OffsiteBackup } from "./offsite-backup.js";
import type { LibrarySettings } from "../src/libraries/external-libraries.js";

/** An extra ML node: its tuning and the docker provider of its host. */
export interface MlNodeDeployment {
  readonly tuning: MlNodeTuning;
  readonly provider: TerraformProvider;
  /** What the node's resources wait for (its host scripts). @default [] */
  readonly after?: readonly ITerraformDependable[];
}

export interface ImmichStackProps {
  /** Deployment name: prefixes every Docker object and fills `io.immich-iac.deployment`. */
  readonly deploymentName: string;
  /** Public hostname, e.g. photos.example.com. */
  readonly domain: string;
  /** Everything derived from the hardware profile (`computeTuning(profile)`). */
  readonly tuning: Tuning;
  /**
   * Extra machine-learning nodes: each node's tuning (from `tuning.mlNodes`, whose order Immich's
   * `machineLearning.urls` keeps) and the docker provider of its host. @default [] - the local container only
   */
  readonly mlNodes?: readonly MlNodeDeployment[];
  /** Pinned Immich release. @default DEFAULT_IMMICH_VERSION */
  readonly immichVersion?: string;
  /** IANA time zone for cron jobs and logs. @default "UTC" */
  readonly timezone?: string;
  /** @default DEFAULT_POSTGRES_IMAGE_TAG */
  readonly postgresImageTag?: string;
  /** @default - tag only */
  readonly postgresImageDigest?: string;
  /** Digests pinning the other services' images. @default - tags only */
  readonly imageDigests?: ImageDigests;
  /**
   * Keep an existing database (an install taken over from Immich's compose): connect as its role to its
   * database, with the password from the sensitive variable `existing_database_password`
   * (TF_VAR_existing_database_password), instead of generating one. PostgreSQL keeps the role and password of
   * its initdb, so a generated password would lock Immich out. @default - a new database, generated password
   */
  readonly existingDatabase?: { readonly username: string; readonly databaseName: string };
  /** @default RedisEngine.REDIS */
  readonly redisEngine?: RedisEngine;
  /** @default 1 */
  readonly jobHandlerReplicas?: number;
  /**
   * External libraries: folders on the Docker host bound read-only at /mnt/external/<name> into the server and
   * the job handler, and Immich's watch switch when set. Import paths are Immich's database's: `libraries sync`.
   * @default - none
   */
  readonly libraries?: LibrarySettings;
  /** Bind the Docker host's /etc/localtime read-only into the server and job handler, as Immich's compose does. @default true */
  readonly hostLocaltime?: boolean;
  /**
   * Publish the API on 127.0.0.1:<port> of the Docker host; `false` publishes nothing.
   * @default 2283 - reachable through an SSH tunnel until a proxy fronts it
   */
  readonly serverLoopbackPort?: number | false;
  /**
   * Host directory under which every role is mounted (`<dataRoot>/<role>`); must match the datasets.
   * @default "/srv/immich"
   */
  readonly dataRoot?: string;
  /**
   * The public face: a Caddy proxy (TLS 1.3, CSP) for the Immich and auth host names. Needs `auth`.
   * @default - no proxy; the server is only published on loopback
   */
  readonly ingress?: IngressSettings;
  /** Authelia as the OIDC provider with MFA for every login; Immich logs in through it. @default - none */
  readonly auth?: AuthSettings;
  /**
   * Host addresses the proxy publishes its ports on (access mode `lan`; the host firewall limits who reaches them).
   * @default ["0.0.0.0"] - every IPv4 address of the host
   */
  readonly proxyListenAddresses?: readonly string[];
  /**
   * Continuous WAL (an archiver container), Immich's dump schedule, and the off-site copy (a restic container)
   * when `offsite` is set, whose S3 keys and repository password are sensitive Terraform variables.
   * @default - Immich's own daily dump only
   */
  readonly backup?: BackupSettings;
  /** Prometheus, Alertmanager and the exporters, configured from these settings. @default - none */
  readonly monitoring?: MonitoringSettings;
  /**
   * What must be done before any network, volume or container is created (e.g. HostResources: datasets,
   * directories, daemon.json). @default - nothing
   */
  readonly after?: readonly ITerraformDependable[];
}

/** Host names, secrets and containers of the public face, when the stack has one. */
export interface ImmichIngress {
  readonly proxy: CaddyProxy;
  readonly auth: Authelia;
  /** Rendered files, for `render` (no secrets in them). */
  readonly caddyfile: string;
  readonly autheliaConfiguration: string;
  readonly autheliaUsers: string;
}

const NAME = new RegExp(`^[a-z0-9]([a-z0-9-]{0,${MAX_DEPLOYMENT_NAME - 2}}[a-z0-9])?$`);
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * The whole Immich stack for one deployment: a front network and an internal back network, volumes bound
 * to the role datasets, PostgreSQL, Redis, the API server, the job handler, machine learning, and the
 * config file. Needs the docker and random providers in its stack.
 */
export class ImmichStack extends Construct {
  public readonly frontNetwork: ImmichNetwork;
  public readonly backNetwork: ImmichNetwork;
  /** The exporters' own networks (monitoring on), by role. */
  public readonly exporterNetworks: Readonly<Partial<Record<IsolatedExporter, ImmichNetwork>>>;
  public readonly volumes: Readonly<Record<"database" | "redis" | "library" | "thumbs" | "encodedVideo" | "backups" | "modelCache", DataVolume>> &
    Readonly<Partial<Record<"postgresArchive" | "offsiteState", DataVolume>>>;
  public readonly database: ImmichPostgres;
  public readonly redis: ImmichRedis;
  public readonly machineLearning: ImmichMachineLearning;
  /** The extra nodes' ML containers, in the order of `machineLearning.urls`. */
  public readonly mlNodes: readonly ImmichMachineLearning[];
  public readonly configFile: ImmichConfigFile;
  public readonly server: ImmichServer;
  public readonly jobHandler: ImmichJobHandler;
  /** Present when `ingress` was given. */
  public readonly ingress?: ImmichIngress;
  /** Present when `backup.continuousWal` is on. */
  public readonly walArchiver?: WalArchiver;
  /** Present when `backup.offsite` is set. */
  public readonly offsiteBackup?: OffsiteBackup;
  /** Present when `monitoring.enabled`. */
  public readonly monitoring?: ImmichMonitoring;
  /** The monitoring files as deployed (for `render`), by path under `monitoring/`. */
  public readonly monitoringFiles: Readonly<Record<string, string>>;
  /** The backup scripts as deployed (for `render`), keyed by file name. */
  public readonly backupFiles: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ImmichStackProps) {
    super(scope, id);
    const dep = props.deploymentName;
    if (!NAME.test(dep)) {
      throw new Error(`ImmichStack: deploymentName must be lowercase letters, digits and '-', at most ${MAX_DEPLOYMENT_NAME} characters (got "${dep}")`);
    }
    if (!DOMAIN.test(props.domain)) {
      throw new Error(`ImmichStack: domain must be a lowercase DNS name like photos.example.com (got "${props.domain}")`);
    }
    const version = props.immichVersion ?? DEFAULT_IMMICH_VERSION;
    if (!/^v3\.\d+\.\d+$/.test(version)) {
      throw new Error(`ImmichStack: immichVersion must pin a v3 release like ${DEFAULT_IMMICH_VERSION} (got "${version}")`);
    }
    if (props.ingress && !props.auth) throw new Error("ImmichStack: ingress needs auth (at least one user), or logins would bypass MFA");
    if (props.auth && !props.ingress) throw new Error("ImmichStack: auth needs ingress: Authelia is only reachable through the proxy");
    const stack = TerraformStack.of(this);
    ensurePolicy(stack);
    ensureProvider(stack, "random", () => new RandomProvider(stack, "random", {}));
    // The app configures the Docker provider (its host is the app's to choose, and its bindings: ours or another
    // generator's); the construct carries the range it is tested in, not whatever exact pin those bindings record.
    constrainProvider(stack, "docker");
    const t = props.tuning;
    const tz = props.timezone ?? "UTC";
    const budget = t.memory.components;
    const mtu = t.network.dockerMtu.value;

    this.frontNetwork = new ImmichNetwork(this, "FrontNetwork", { name: `immich-${dep}-front`, deploymentName: dep, mtu });
    this.backNetwork = new ImmichNetwork(this, "BackNetwork", { name: `immich-${dep}-back`, deploymentName: dep, mtu, internal: true });
    // Before the database and Redis, which join the networks of their exporters.
    const monitoringRoles = props.monitoring?.enabled ? runningMonitoringRoles({ smart: (props.monitoring.disks?.length ?? 0) > 0, grafana: grafanaDomainOf(props) !== undefined }) : [];
    this.exporterNetworks = Object.fromEntries(
      ISOLATED_EXPORTERS.filter((r) => monitoringRoles.includes(r)).map((r) => [
        r,
        new ImmichNetwork(this, `ExporterNetwork-${r}`, { name: exporterNetworkName(dep, r), deploymentName: dep, mtu, internal: true, exporterFor: r }),
      ]),
    );

    const root = props.dataRoot ?? DATA_ROOT;
    if (!/^\/[A-Za-z0-9._/-]*[A-Za-z0-9._-]$/.test(root) || root.includes("..")) {
      throw new Error(`ImmichStack: dataRoot must be an absolute directory path without '..' or a trailing '/' (got "${root}")`);
    }
    const vol = (vid: string, name: string, hostPath: string, userData: boolean) =>
      new DataVolume(this, vid, { name: `immich-${dep}-${name}`, deploymentName: dep, hostPath, userData });
    const layoutVol = (vid: string, key: VolumeDirectory["key"], name: string, userData: boolean) =>
      vol(vid, name, volumeHostPath(volumeDirectory(key), root), userData);
    this.volumes = {
      database: layoutVol("DatabaseVolume", "database", "database", true),
      redis: layoutVol("RedisVolume", "redis", "redis", false),
      library: layoutVol("LibraryVolume", "library", "library", true),
      thumbs: layoutVol("ThumbsVolume", "thumbs", "thumbs", false),
      encodedVideo: layoutVol("EncodedVideoVolume", "encodedVideo", "encoded-video", false),
      backups: layoutVol("BackupsVolume", "backups", "backups", true),
      ...(props.backup?.continuousWal ? { postgresArchive: layoutVol("PostgresArchiveVolume", "postgresArchive", "postgres-archive", true) } : {}),
      ...(props.backup?.offsite ? { offsiteState: layoutVol("OffsiteStateVolume", "offsiteState", "offsite-state", false) } : {}),
      modelCache: layoutVol("ModelCacheVolume", "modelCache", "model-cache", false),
    };

    // Generated at apply time: the value lives only in Terraform state, never in cdk.tf.json.
    // Alphanumeric only: Immich's DB URL handling breaks on special characters [IMM example.env].
    const password = props.existingDatabase
      ? new TerraformVariable(stack, "existing_database_password", {
          type: "string",
          sensitive: true,
          nullable: false,
          description: "Password of the existing database role Immich connects as (TF_VAR_existing_database_password): compose's DB_PASSWORD.",
        }).stringValue
      : new Password(this, "DatabasePassword", { length: 40, special: false }).result;

    const wal = props.backup?.continuousWal ?? false;
    this.database = new ImmichPostgres(this, "Database", {
      deploymentName: dep,
      network: this.backNetwork,
      dataVolume: this.volumes.database,
      overrideConfig: renderPostgresOverride(
        wal ? { ...t.postgres.settings, ...archivingSettings(kbOf(t.postgres.settings.max_wal_size?.value ?? "4GB")) } : t.postgres.settings,
        `deployment ${dep} (${t.profileName})`,
      ),
      ...(wal ? { hbaFile: { path: HBA_FILE_PATH, content: renderPgHba(props.existingDatabase?.username ?? "immich", `deployment ${dep}`) } } : {}),
      shmSizeMiB: t.postgres.shmSizeMiB.value,
      memoryMiB: budget.postgres.value,
      storageType: t.postgres.storageType.value,
      password,
      ...(this.exporterNetworks["postgres-exporter"] ? { exporterNetwork: this.exporterNetworks["postgres-exporter"] } : {}),
      imageTag: props.postgresImageTag ?? DEFAULT_POSTGRES_IMAGE_TAG,
      ...(props.existingDatabase ? { username: props.existingDatabase.username, databaseName: props.existingDatabase.databaseName } : {}),
      ...(props.postgresImageDigest ? { imageDigest: props.postgresImageDigest } : {}),
    });
    this.redis = new ImmichRedis(this, "Redis", {
      deploymentName: dep,
      network: this.backNetwork,
      dataVolume: this.volumes.redis,
      settings: t.redis.settings,
      title: `deployment ${dep} (${t.profileName})`,
      // An ACL user only for the clients that run: Authelia with the portal, the exporter with monitoring.
      clients: [...(props.ingress && props.auth ? (["authelia"] as const) : []), ...(props.monitoring?.enabled ? (["exporter"] as const) : [])],
      exporterKeyPatterns: queueKeyPatterns(),
      memoryMiB: budget.redis.value,
      engine: props.redisEngine ?? RedisEngine.REDIS,
      ...(this.exporterNetworks["redis-exporter"] ? { exporterNetwork: this.exporterNetworks["redis-exporter"] } : {}),
      ...(props.imageDigests?.redis ? { imageDigest: props.imageDigests.redis } : {}),
    });
    this.machineLearning = new ImmichMachineLearning(this, "MachineLearning", {
      deploymentName: dep,
      network: this.frontNetwork,
      cacheVolume: this.volumes.modelCache,
      immichVersion: version,
      backend: t.machineLearning.backend.value,
      env: Object.fromEntries(Object.entries(t.machineLearning.env).map(([k, d]) => [k, d.value])),
      memoryMiB: budget.machineLearning.value,
      timezone: tz,
      maliFirmware: t.machineLearning.maliFirmware,
      ...(props.imageDigests?.machineLearning ? { imageDigest: props.imageDigests.machineLearning } : {}),
    });
    const grafanaDomain = grafanaDomainOf(props);
    this.mlNodes = this.buildMlNodes(dep, props.mlNodes ?? [], t, root, version, tz, mtu);
    const oidc = props.ingress && props.auth ? this.oidcSecrets(stack, props.auth, grafanaDomain !== undefined) : undefined;
    this.configFile = new ImmichConfigFile(this, "ConfigFile", {
      config: buildImmichConfig(t, {
        domain: props.domain,
        // The nodes in the tuning's order (fastest first), the Immich host's own container last: the fallback.
        machineLearningUrls: [...this.mlNodes.map((n) => n.url), this.machineLearning.url],
        ...(props.libraries?.watch !== undefined ? { libraryWatch: props.libraries.watch } : {}),
        ...(props.backup ? { databaseBackup: { cronExpression: immichDumpCron(props.backup.intervalHours), keepLastAmount: props.backup.keepLocalDumps } } : {}),
        ...(props.ingress && props.auth && oidc
          ? {
              oauth: {
                issuerUrl: `https://${props.ingress.authDomain}`,
                clientId: IMMICH_OIDC_CLIENT.clientId,
                clientSecret: oidc.clientSecret.result,
                tokenEndpointAuthMethod: IMMICH_OIDC_CLIENT.tokenEndpointAuthMethod,
                signingAlgorithm: IMMICH_OIDC_CLIENT.idTokenSigningAlg,
                profileSigningAlgorithm: IMMICH_OIDC_CLIENT.userinfoSigningAlg,
                roleScope: IMMICH_OIDC_CLIENT.roleScope,
                passwordLogin: props.auth.immichPasswordLogin,
              },
            }
          : {}),
      }),
    });
    const backends = {
      database: this.database,
      databasePassword: password,
      redis: this.redis,
      configFile: this.configFile,
      machineLearning: this.machineLearning,
      telemetry: props.monitoring?.enabled ?? false,
      externalLibraries: props.libraries?.external ?? [],
    };
    const media = { library: this.volumes.library, thumbs: this.volumes.thumbs, encodedVideo: this.volumes.encodedVideo, backups: this.volumes.backups };
    const loopback = props.serverLoopbackPort ?? (props.ingress ? false : IMMICH_PORT);
    const internalCa = props.ingress?.tls.mode === "internal";
    const proxyData = props.ingress ? layoutVol("ProxyVolume", "proxy", "proxy", false) : undefined;
    // The CA behind the portal's certificate, which containers calling the public URLs (the server's and Grafana's
    // OIDC) must trust: Caddy's internal CA in the proxy's volume, or the private CA file of TLS mode files.
    const portalCa = internalCa && proxyData ? { volume: proxyData, certificatePath: CADDY_INTERNAL_ROOT } : undefined;
    const portalCaFile = props.ingress?.tls.mode === "files" ? props.ingress.tls.caFile : undefined;
    this.server = new ImmichServer(this, "Server", {
      ...backends,
      deploymentName: dep,
      immichVersion: version,
      networks: [this.frontNetwork, this.backNetwork],
      media,
      memoryMiB: budget.server.value,
      timezone: tz,
      ...(loopback !== false ? { loopbackPort: loopback } : {}),
      // With Caddy's internal CA, the server must trust it to fetch the OIDC discovery over HTTPS.
      ...(portalCa ? { trustedCa: portalCa } : {}),
      ...(portalCaFile ? { trustedCaFile: portalCaFile } : {}),
      // Without an identity provider, the first admin can only come from Immich's own sign-up.
      allowAdminSignUp: oidc === undefined,
      hostLocaltime: props.hostLocaltime ?? true,
      ...(props.imageDigests?.server ? { imageDigest: props.imageDigests.server } : {}),
    });
    this.jobHandler = new ImmichJobHandler(this, "JobHandler", {
      ...backends,
      deploymentName: dep,
      immichVersion: version,
      networks: [this.frontNetwork, this.backNetwork],
      media,
      memoryMiB: budget.jobHandler.value,
      transcode: t.transcode.value,
      replicas: props.jobHandlerReplicas ?? 1,
      timezone: tz,
      hostLocaltime: props.hostLocaltime ?? true,
      ...(props.imageDigests?.server ? { imageDigest: props.imageDigests.server } : {}),
    });

    if (props.ingress && props.auth && oidc && proxyData) {
      this.ingress = this.buildIngress(dep, props.ingress, props.auth, oidc, proxyData, layoutVol("AuthVolume", "auth", "auth", true), tz, props.imageDigests, {
        metrics: props.monitoring?.enabled ?? false,
        ...(grafanaDomain ? { grafanaDomain } : {}),
        ...(props.proxyListenAddresses ? { listenAddresses: props.proxyListenAddresses } : {}),
      });
      // The server reads NODE_EXTRA_CA_CERTS once, at start: with the internal CA, it starts only after the
      // proxy is healthy, which it is once the CA root exists (Terraform waits for that).
      if (internalCa) {
        const server = this.server.service.container;
        server.dependsOn = [...(server.dependsOn ?? []), dependable(this.ingress.proxy.service.container)];
      }
    }
    const backup = this.buildBackup(stack, dep, props.backup, password, budget.backup.value, props.imageDigests?.backup, props.libraries?.external ?? []);
    this.walArchiver = backup.walArchiver;
    this.offsiteBackup = backup.offsite;
    this.backupFiles = backup.files;

    this.monitoringFiles = {};
    if (props.monitoring?.enabled) {
      if (budget.monitoring.value === 0) {
        throw new Error("ImmichStack: monitoring is enabled but the tuning gave it no memory: compute it with computeTuning(profile, { monitoring: true })");
      }
      const grafanaTrust = { ...(portalCa ? { trustedCa: portalCa } : {}), ...(portalCaFile ? { trustedCaFile: portalCaFile } : {}) };
      const grafanaCaFile = grafanaTrustedCaPath(grafanaTrust);
      const files = renderMonitoringFiles({
        deploymentName: dep,
        settings: props.monitoring,
        server: this.server.service.name,
        jobHandlers: this.jobHandler.replicas.map((r) => r.name),
        // Only what runs: SMART needs disks, Grafana the proxy.
        roles: monitoringRoles,
        ...(this.ingress && props.ingress
          ? { proxy: { container: this.ingress.proxy.service.name, domains: [props.ingress.domain, props.ingress.authDomain, ...(grafanaDomain ? [grafanaDomain] : [])] } }
          : {}),
        ...(grafanaDomain && props.ingress
          ? {
              grafana: {
                domain: grafanaDomain,
                authDomain: props.ingress.authDomain,
                ...(grafanaCaFile ? { caFile: grafanaCaFile } : {}),
              },
            }
          : {}),
        watchedFilesystems: { library: `${root}/library`, database: `${root}/database` },
        walArchiver: this.walArchiver !== undefined,
        ...(props.ingress?.tls.mode === "internal" ? { internalCa: true } : {}),
        mlNodeUrls: this.mlNodes.map((n) => n.url),
        ...(props.auth?.notifier.mode === "smtp" ? { smtp: props.auth.notifier } : {}),
      });
      this.monitoringFiles = files;
      this.monitoring = new ImmichMonitoring(this, "Monitoring", {
        deploymentName: dep,
        frontNetwork: this.frontNetwork,
        exporterNetworks: this.exporterNetworks,
        prometheusVolume: layoutVol("PrometheusVolume", "prometheus", "prometheus", false),
        files,
        retentionDays: props.monitoring.retentionDays,
        database: this.database,
        databasePassword: password,
        redis: this.redis,
        ...(this.offsiteBackup && this.volumes.offsiteState ? { backupMetricsDir: `${this.volumes.offsiteState.hostPath}/metrics` } : {}),
        memoryMiB: budget.monitoring.value,
        ...(props.monitoring.alerts.email?.caFile ? { smtpCaFile: props.monitoring.alerts.email.caFile } : {}),
        alertSecrets: {
          ...(props.monitoring.alerts.email ? { smtpPassword: this.smtpPasswordVariable(stack).stringValue } : {}),
          ...(props.monitoring.alerts.webhook
            ? {
                webhookUrl: new TerraformVariable(stack, MONITORING_WEBHOOK_VARIABLE, {
                  type: "string",
                  sensitive: true,
                  nullable: false,
                  description: `URL Alertmanager posts alerts to (TF_VAR_${MONITORING_WEBHOOK_VARIABLE}); often carries a token.`,
                }).stringValue,
              }
            : {}),
        },
        ...(this.walArchiver && this.volumes.postgresArchive ? { walMetrics: { hostDir: `${this.volumes.postgresArchive.hostPath}/${WAL_METRICS_SUBDIR}`, archiver: this.walArchiver.service } } : {}),
        ...(props.monitoring.disks?.length ? { disks: props.monitoring.disks } : {}),
        ...(grafanaDomain && oidc?.grafana && this.ingress
          ? {
              grafana: {
                dataVolume: layoutVol("GrafanaVolume", "grafana", "grafana", false),
                ...grafanaTrust,
                oidcClientSecret: oidc.grafana.clientSecret.result,
                adminPassword: oidc.grafana.adminPassword.result,
                secretKey: oidc.grafana.secretKey.result,
                dependsOn: [this.ingress.proxy.service],
              },
            }
          : {}),
      });
    }

    if (props.after?.length) {
      const first = props.after.map((a) => dependable(a));
      for (const node of this.node.findAll()) {
        if (node instanceof Container || node instanceof Volume || node instanceof Network) node.dependsOn = [...(node.dependsOn ?? []), ...first];
      }
    }
  }

  /** One ML container per extra node, on the node's own Docker host, with its network and model cache there. */
  private buildMlNodes(dep: string, nodes: readonly MlNodeDeployment[], t: Tuning, root: string, version: string, tz: string, mtu: number): ImmichMachineLearning[] {
    const want = t.mlNodes.map((n) => n.name);
    const got = nodes.map((n) => n.tuning.name);
    if ([...want].sort().join() !== [...got].sort().join()) {
      throw new Error(`ImmichStack: mlNodes must be the nodes the tuning was computed with (tuning: ${want.join(", ") || "none"}; mlNodes: ${got.join(", ") || "none"}): pass the same nodes to computeTuning`);
    }
    return t.mlNodes.map((n) => {
      const { provider, after } = nodes.find((x) => x.tuning.name === n.name)!;
      const id = `MlNode-${n.name}`;
      const network = new ImmichNetwork(this, `${id}-Network`, { name: `immich-${dep}-ml-${n.name}`, deploymentName: dep, mtu, provider });
      const cache = new DataVolume(this, `${id}-CacheVolume`, {
        name: `immich-${dep}-model-cache-${n.name}`,
        deploymentName: dep,
        hostPath: volumeHostPath(volumeDirectory("modelCache"), root),
        userData: false,
        provider,
      });
      const tuned = n.machineLearning;
      const ml = new ImmichMachineLearning(this, id, {
        deploymentName: dep,
        network,
        cacheVolume: cache,
        immichVersion: version,
        backend: tuned.backend.value,
        env: Object.fromEntries(Object.entries(tuned.env).map(([k, d]) => [k, d.value])),
        memoryMiB: n.memoryMiB.value,
        timezone: tz,
        maliFirmware: tuned.maliFirmware,
        node: { provider, name: n.name, address: n.address },
      });
      if (after?.length) {
        const first = after.map((a) => dependable(a));
        for (const r of [network.resource, cache.resource, ml.service.container]) r.dependsOn = [...(r.dependsOn ?? []), ...first];
      }
      return ml;
    });
  }

  /** The WAL archiver and the off-site copy the deployment asks for, and their scripts. */
  private buildBackup(
    stack: TerraformStack,
    dep: string,
    b: BackupSettings | undefined,
    password: string,
    memoryMiB: number,
    digest: string | undefined,
    libraries: LibrarySettings["external"],
  ) {
    const files: Record<string, string> = {};
    if (!b) return { files };
    const title = `deployment ${dep}`;
    const walMiB = Math.max(64, Math.floor(memoryMiB * 0.2));
    let walArchiver: WalArchiver | undefined;
    if (b.continuousWal && this.volumes.postgresArchive) {
      files["wal-archiver.sh"] = renderWalArchiver({ title, deploymentName: dep, slot: WAL_SLOT, baseBackupIntervalHours: b.baseBackupIntervalHours, keepBaseBackups: b.localBaseBackups });
      walArchiver = new WalArchiver(this, "WalArchiver", {
        deploymentName: dep,
        database: this.database,
        network: this.backNetwork,
        archiveVolume: this.volumes.postgresArchive,
        password,
        script: files["wal-archiver.sh"],
        memoryMiB: walMiB,
      });
    }
    let offsite: OffsiteBackup | undefined;
    if (b.offsite && this.volumes.offsiteState) {
      const snapshotHost = `immich-${dep}`;
      // External libraries are the operator's own folders: copied off-site only where the deployment asks.
      const offsiteFolders = libraries.filter((l) => l.offsiteBackup);
      files["offsite.sh"] = renderOffsiteScript({
        title,
        deploymentName: dep,
        snapshotHost,
        intervalHours: b.intervalHours,
        retention: b.retention,
        excludes: [`${BACKUPS_MOUNT}/offsite`, `${BACKUPS_MOUNT}/${ARCHIVE_SUBDIR}/base/*.partial`],
        ...(offsiteFolders.length > 0 ? { extraPaths: offsiteFolders.map((f) => `${EXTERNAL_BACKUP_MOUNT}/${f.name}`) } : {}),
      });
      const variable = (name: string, description: string) =>
        new TerraformVariable(stack, name, { type: "string", sensitive: true, nullable: false, description }).stringValue;
      offsite = new OffsiteBackup(this, "OffsiteBackup", {
        deploymentName: dep,
        network: this.frontNetwork,
        backupsVolume: this.volumes.backups,
        libraryVolume: this.volumes.library,
        stateVolume: this.volumes.offsiteState,
        ...(offsiteFolders.length > 0 ? { externalFolders: offsiteFolders } : {}),
        script: files["offsite.sh"],
        repository: resticRepository(b.offsite),
        region: b.offsite.region,
        accessKeyId: variable(BACKUP_VARIABLES.accessKeyId, "Access key id of the off-site bucket (TF_VAR_backup_s3_access_key_id)."),
        secretAccessKey: variable(BACKUP_VARIABLES.secretAccessKey, "Secret access key of the off-site bucket (TF_VAR_backup_s3_secret_access_key)."),
        repositoryPassword: variable(
          BACKUP_VARIABLES.repositoryPassword,
          "Password of the restic repository (TF_VAR_backup_repository_password): keep a copy away from this server, or the off-site copy cannot be read after losing it.",
        ),
        memoryMiB: memoryMiB - walMiB,
        ...(digest ? { imageDigest: digest } : {}),
      });
    }
    files["backup-operations.sh"] = renderBackupOperations({
      title,
      databaseContainer: this.database.hostname,
      databaseName: this.database.databaseName,
      databaseUser: this.database.username,
      ...(walArchiver ? { walContainer: walArchiver.service.name } : {}),
      ...(offsite && this.volumes.offsiteState
        ? { offsite: { container: offsite.service.name, stateHostPath: this.volumes.offsiteState.hostPath, snapshotHost: `immich-${dep}` } }
        : {}),
    });
    return { walArchiver, offsite, files };
  }

  private smtpPassword?: TerraformVariable;

  /**
   * The SMTP account's password (TF_VAR_smtp_password): Authelia's notifier and Alertmanager's e-mail send with the
   * same account, so one variable, declared once whoever asks first.
   */
  private smtpPasswordVariable(stack: TerraformStack): TerraformVariable {
    this.smtpPassword ??= new TerraformVariable(stack, "smtp_password", {
      type: "string",
      sensitive: true,
      nullable: false,
      description: "Password of the SMTP account Authelia (and Alertmanager, for alerts by e-mail) sends mail with (TF_VAR_smtp_password).",
    });
    return this.smtpPassword;
  }

  /** Secrets of the OIDC client and the provider, all generated at apply time. */
  private oidcSecrets(stack: TerraformStack, auth: AuthSettings, grafana: boolean) {
    ensureProvider(stack, "tls", () => new TlsProvider(stack, "tls", {}));
    const secret = (id: string) => new Password(this, id, { length: 64, special: false });
    const clientSecret = secret("OidcClientSecret");
    // Authelia stores only a digest of the client secret; Terraform computes it (bcrypt) at apply time.
    const digest = new BcryptDigest(this, "OidcClientSecretDigest", { secret: clientSecret.result, secretResource: clientSecret });
    const smtpPassword = auth.notifier.mode === "smtp" ? this.smtpPasswordVariable(stack) : undefined;
    return {
      clientSecret,
      clientSecretDigest: digest.digest,
      sessionSecret: secret("AuthSessionSecret"),
      storageEncryptionKey: secret("AuthStorageEncryptionKey"),
      hmacSecret: secret("OidcHmacSecret"),
      jwksKey: new PrivateKey(this, "OidcJwksKey", { algorithm: "RSA", rsaBits: 4096 }),
      smtpPassword,
      grafana: grafana ? this.grafanaSecrets(secret) : undefined,
    };
  }

  /** Grafana's OIDC client secret (Authelia keeps its bcrypt digest), its admin password and encryption key. */
  private grafanaSecrets(secret: (id: string) => Password) {
    const clientSecret = secret("GrafanaOidcClientSecret");
    return {
      clientSecret,
      clientSecretDigest: new BcryptDigest(this, "GrafanaOidcClientSecretDigest", { secret: clientSecret.result, secretResource: clientSecret }).digest,
      adminPassword: secret("GrafanaAdminPassword"),
      secretKey: secret("GrafanaSecretKey"),
    };
  }

  private buildIngress(
    dep: string,
    ingress: IngressSettings,
    auth: AuthSettings,
    oidc: ReturnType<ImmichStack["oidcSecrets"]>,
    proxyData: DataVolume,
    authData: DataVolume,
    tz: string,
    digests: ImageDigests | undefined,
    monitoring: { readonly metrics: boolean; readonly grafanaDomain?: string; readonly listenAddresses?: readonly string[] },
  ): ImmichIngress {
    const grafana = monitoring.grafanaDomain;
    const title = `deployment ${dep}`;
    const autheliaConfiguration = renderAutheliaConfig({
      title,
      ingress,
      auth,
      redis: { host: this.redis.hostname, port: this.redis.port, databaseIndex: 1, username: this.redis.credentials("authelia").username },
      ...(grafana ? { monitoringDomain: grafana } : {}),
    });
    const autheliaUsers = renderAutheliaUsers(auth.users, title);
    const secretFiles = [
      { path: secretPath("sessionSecret"), content: oidc.sessionSecret.result },
      { path: secretPath("storageEncryptionKey"), content: oidc.storageEncryptionKey.result },
      { path: secretPath("oidcHmacSecret"), content: oidc.hmacSecret.result },
      { path: secretPath("oidcJwksKey"), content: oidc.jwksKey.privateKeyPemPkcs8 },
      { path: secretPath("oidcClientSecretDigest"), content: oidc.clientSecretDigest },
      { path: secretPath("redisPassword"), content: this.redis.credentials("authelia").password },
      ...(oidc.smtpPassword ? [{ path: secretPath("smtpPassword"), content: oidc.smtpPassword.stringValue }] : []),
      ...(oidc.grafana ? [{ path: secretPath("grafanaClientSecretDigest"), content: oidc.grafana.clientSecretDigest }] : []),
    ];
    const authelia = new Authelia(this, "Auth", {
      deploymentName: dep,
      networks: [this.frontNetwork, this.backNetwork],
      configuration: autheliaConfiguration,
      usersDatabase: autheliaUsers,
      env: autheliaEnv(auth, tz),
      secretFiles,
      dataVolume: authData,
      dependsOn: [this.redis.service],
      ...(digests?.auth ? { imageDigest: digests.auth } : {}),
    });
    const caddyfile = renderCaddyfile({
      title,
      ingress,
      immichUpstream: `${this.server.service.name}:${IMMICH_PORT}`,
      autheliaUpstream: `${authelia.hostname}:${AUTHELIA_PORT}`,
      ...(ingress.tls.mode === "files" ? { tlsFiles: CaddyProxy.TLS_FILES } : {}),
      ...(monitoring.metrics ? { metricsPort: PORTS.caddyMetrics } : {}),
      ...(grafana ? { grafana: { domain: grafana, upstream: `${monitoringContainer(dep, "grafana")}:${PORTS.grafana}` } } : {}),
    });
    const proxy = new CaddyProxy(this, "Proxy", {
      deploymentName: dep,
      network: this.frontNetwork,
      caddyfile,
      dataVolume: proxyData,
      // Containers reach the public names through the proxy (the server and Grafana for OIDC, the TLS probes).
      aliases: [ingress.domain, ingress.authDomain, ...(grafana ? [grafana] : [])],
      http3: ingress.http3,
      ...(monitoring.listenAddresses ? { listenAddresses: monitoring.listenAddresses } : {}),
      ...(ingress.tls.mode === "files" ? { tlsFiles: { certificateFile: ingress.tls.certificateFile, keyFile: ingress.tls.keyFile } } : {}),
      internalCa: ingress.tls.mode === "internal",
      ...(digests?.proxy ? { imageDigest: digests.proxy } : {}),
    });
    return { proxy, auth: authelia, caddyfile, autheliaConfiguration, autheliaUsers };
  }
}

/** Creates a provider the stack needs when the stack has none of that type yet, with our version range. */
/** Grafana is only reachable through the proxy, behind Authelia: without them, monitoring runs without it. */
function grafanaDomainOf(props: ImmichStackProps): string | undefined {
  return props.monitoring?.enabled && props.ingress && props.auth ? props.monitoring.domain : undefined;
}

function ensureProvider(stack: TerraformStack, type: PinnedProvider, create: () => TerraformProvider): void {
  const has = stack.node.findAll().some((c) => c instanceof TerraformProvider && c.terraformResourceType === type);
  if (!has) create();
  constrainProvider(stack, type);
}

/** Replaces the bindings' exact version pin of a provider with the range immich-iac is tested in. */
export function constrainProvider(stack: TerraformStack, type: PinnedProvider): void {
  stack.addOverride(`terraform.required_providers.${type}.version`, PROVIDER_CONSTRAINTS[type]);
}

const POLICY_ATTACHED = Symbol.for("immich-iac.policy-attached");

/** Attaches the policy rules to the stack once, however many ImmichStacks it holds. */
function ensurePolicy(stack: TerraformStack): void {
  const marked = stack as unknown as Record<symbol, boolean>;
  if (marked[POLICY_ATTACHED]) return;
  marked[POLICY_ATTACHED] = true;
  Aspects.of(stack).add(new PolicyAspect(POLICY_RULES));
}
