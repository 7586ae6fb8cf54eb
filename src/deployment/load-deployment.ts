import { existsSync } from "node:fs";
import { parse } from "yaml";
import { dirname, resolve } from "node:path";
import type { HardwareProfile } from "../profile/hardware-profile-schema.js";
import { architectureOf } from "../profile/hardware-profile-schema.js";
import { loadProfileFile, profileArgumentPath, shippedProfileNames, shippedProfilePath } from "../profile/load-profile.js";
import { loadYamlFile, MAX_ALIASES, parseYaml, type PathIssue } from "../profile/load-yaml.js";
import { z } from "zod";
import { readInputFile } from "../profile/read-input.js";
import { InputError, oneOf, quoteShort, type Problem } from "../profile/problems.js";
import { ML_BACKEND_ARCHITECTURES, ML_BACKEND_KIND, MlBackend } from "../tuning/accelerators.js";
import { cookieDomainFor, defaultAuthDomain, type AuthSettings, type IngressSettings } from "../ingress/site.js";
import { defaultBackupSettings, defaultKeepLocalDumps, type BackupSettings } from "../backup/backup-settings.js";
import {
  DEFAULT_RETENTION_DAYS as DEFAULT_MONITORING_RETENTION_DAYS,
  defaultMonitoringDomain,
  defaultMonitoringEnabled,
  MONITORING_MEMORY_MIB,
  prometheusMemoryMiB,
  type MonitoringSettings,
} from "../monitoring/monitoring-settings.js";
import { DEFAULT_POSTGRES_IMAGE_TAG } from "../versions.js";
import { Component, containerName, MAX_DNS_LABEL, maxMlNodeName } from "../contract/container-names.js";
import { deploymentTuning } from "./deployment-tuning.js";
import { caFileContentProblem, caFileShapeProblem } from "./host-files.js";
import { describeMachine, parseDockerEndpoint, sameMachine, type DockerEndpoint } from "./docker-endpoint.js";
import { isSystemAccount } from "./system-accounts.js";
import { isSameOrBelow, type LibrarySettings } from "../libraries/external-libraries.js";
import { accessSettings, checkAccess } from "./access-checks.js";
import { DEFAULT_ACCESS, type AccessSettings } from "./access-schema.js";
import {
  DEFAULT_DOCKER_HOST,
  DEFAULT_IMMICH_VERSION,
  deploymentSchema,
  MAX_DEPLOYMENT_NAME,
  MAX_ML_NODES,
  systemAccountMessage,
  type DeploymentDocument,
  type ProfileReferenceCheck,
} from "./deployment-schema.js";

/** A validated deployment with its hardware profile resolved: plain data for the stacks. */
export interface Deployment {
  readonly name: string;
  readonly description: string;
  readonly profile: HardwareProfile;
  readonly dockerHost: string;
  /** TLS to a `tcp://` dockerHost (the loader requires it there). */
  readonly dockerTls?: DockerTls;
  readonly immichVersion: string;
  readonly domain: string;
  readonly timezone: string;
  readonly postgres: {
    readonly imageTag: string;
    readonly imageDigest?: string;
    /** An existing database to keep (its role and name; the password is TF_VAR_existing_database_password). */
    readonly takeover?: { readonly username: string; readonly databaseName: string };
  };
  readonly redisEngine: "redis" | "valkey";
  /** Digests pinning the server, machine-learning, Redis, proxy and auth images. */
  readonly imageDigests: { readonly server?: string; readonly machineLearning?: string; readonly redis?: string; readonly proxy?: string; readonly auth?: string };
  readonly jobHandlerReplicas: number;
  /** Host directory holding the role mountpoints. */
  readonly dataRoot: string;
  /** `undefined` = chosen from the accelerators. */
  readonly mlBackend?: MlBackend;
  /** Extra machine-learning nodes on other Docker hosts, in the order the file lists them. */
  readonly mlNodes: readonly MlNodeSettings[];
  /** The Immich host's private address as the nodes see it (their firewall admits only it). @default - each node's /24 */
  readonly immichHostAddress?: string;
  /** Transcode in software whatever the accelerators. */
  readonly softwareTranscoding: boolean;
  /** Bind the Docker host's /etc/localtime into the Immich server containers. */
  readonly mountLocaltime: boolean;
  readonly ingress: IngressSettings;
  /** From where the proxy can be reached (spec.access). */
  readonly access: AccessSettings;
  readonly auth: AuthSettings;
  readonly host: HostSettings;
  readonly backup: BackupSettings;
  readonly monitoring: MonitoringSettings;
  /** External libraries: folders on the host Immich indexes where they are. */
  readonly libraries: LibrarySettings;
}

/**
 * TLS to a `tcp://` Docker host: a directory of ca.pem, cert.pem and key.pem on the machine that runs Terraform,
 * or the PEM material from sensitive Terraform variables.
 */
export type DockerTls = { readonly certPath: string } | { readonly materialFromVariables: true };

/** One extra machine-learning node, with its own hardware profile. */
export interface MlNodeSettings {
  readonly name: string;
  readonly dockerHost: string;
  /** TLS to a `tcp://` dockerHost (the loader requires it there). */
  readonly dockerTls?: DockerTls;
  /** Private address the Immich host reaches it on; its ML port is published there only. */
  readonly address: string;
  readonly profile: HardwareProfile;
  /** Forced backend; otherwise from the node's accelerators. */
  readonly mlBackend?: MlBackend;
}

export interface HostSettings {
  /** Run the host scripts from the stack, before any container. */
  readonly manage: boolean;
  readonly sshPort: number;
  readonly deployUser: { readonly name: string; readonly authorizedKeys: readonly string[] };
  /** The deploy user's name was not set and is the dockerHost's SSH user (`validate` says what that account gets). @default false */
  readonly deployUserFromDockerHost?: boolean;
}

/** `ssh://user@host:port` → its parts; undefined for a local socket or tcp. */
export function sshTarget(dockerHost: string): { user: string; host: string; port: number } | undefined {
  const m = /^ssh:\/\/([^@]+)@([^:/]+)(?::(\d+))?$/.exec(dockerHost);
  return m ? { user: m[1]!, host: m[2]!, port: Number(m[3] ?? 22) } : undefined;
}

export { shippedProfileNames };

function profilePathFor(ref: string, deploymentFile: string): string {
  if (ref.includes("/") || /\.ya?ml$/.test(ref)) return resolve(dirname(deploymentFile), ref);
  return shippedProfilePath(ref);
}

/** Loads a deployment file, its hardware profile, and checks the two against each other. */
export function loadDeploymentFile(file: string): Deployment {
  let profile: HardwareProfile | undefined;
  let profileProblems: readonly Problem[] = [];
  let deploymentProblems: readonly Problem[] = [];
  let doc: DeploymentDocument | undefined;
  let nodeProfiles = new Map<number, HardwareProfile>();

  const checkRef = (ref: string): string | undefined => {
    const path = profilePathFor(ref, file);
    if (existsSync(path)) return undefined;
    const isPath = ref.includes("/") || /\.ya?ml$/.test(ref);
    // The reference is quoted once (as the path it resolves to), and only when short: it may be anything.
    return isPath
      ? `hardware profile file not found (expected an existing .yaml file, got ${quoteShort(path)})`
      : `unknown hardware profile (expected a shipped profile — ${oneOf(shippedProfileNames())} — or a path to a .yaml file, got ${quoteShort(ref)})`;
  };

  const crossChecks = (d: DeploymentDocument): PathIssue[] => {
    const path = profilePathFor(d.spec.hardwareProfile, file);
    try {
      profile = loadProfileFile(path);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      profileProblems = e.problems;
      return [];
    }
    nodeProfiles = new Map();
    d.spec.machineLearning.nodes.forEach((n, i) => {
      try {
        nodeProfiles.set(i, loadProfileFile(profilePathFor(n.hardwareProfile, file)));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        profileProblems = [...profileProblems, ...e.problems];
      }
    });
    const purpose: PathIssue[] =
      profile.spec.purpose === "immich-host"
        ? []
        : [{ path: ["spec", "hardwareProfile"], message: `hardware profile "${profile.metadata.name}" describes an ML node (expected a profile with purpose immich-host for the Immich host, got "${profile.spec.purpose}"): list it under spec.machineLearning.nodes` }];
    const issues = [...purpose, ...checkBackend(d, profile), ...checkIngress(d), ...checkDeployUser(d), ...checkSshPort(d), ...checkMonitoring(d, profile), ...checkMlNodes(d, nodeProfiles), ...checkDockerHosts(d), ...checkLibraries(d), ...checkAccess(d)];
    // What needs the whole deployment (its tuning) runs once everything else holds.
    if (issues.length > 0 || profileProblems.length > 0) return issues;
    return checkMonitoringMemory(toDeployment(d, profile, nodeProfiles));
  };

  try {
    doc = loadYamlFile(file, schemaFor(file, checkRef), crossChecks, "Deployment");
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    deploymentProblems = e.problems;
    // The deployment's own shape failed, so cross-checks did not run: still report the profile's problems —
    // unless the file is not YAML we accept (tags, aliases, not a document), which is not parsed a second time.
    const unreadable = deploymentProblems.some((p) => p.path === "(yaml)" || p.path === "(file)" || p.path === "(document)");
    if (profile === undefined && profileProblems.length === 0 && !unreadable) profileProblems = problemsOfReferencedProfiles(file);
  }
  if (deploymentProblems.length > 0 || profileProblems.length > 0) throw new InputError([...deploymentProblems, ...profileProblems]);
  return toDeployment(doc!, profile!, nodeProfiles);
}

/**
 * The schema of one deployment file, built once per file: building it (and zod's first parse with a new schema)
 * took half of each load. Its `checkRef` depends on the file's path alone and looks at the file system when it
 * runs, so a schema built earlier sees the files as they are now.
 */
const schemas = new Map<string, ReturnType<typeof deploymentSchema>>();
function schemaFor(file: string, checkRef: ProfileReferenceCheck): ReturnType<typeof deploymentSchema> {
  let schema = schemas.get(file);
  if (!schema) {
    if (schemas.size >= 64) schemas.clear();
    schema = deploymentSchema(checkRef);
    schemas.set(file, schema);
  }
  return schema;
}

/** The problems of every profile the file names (the host's and the ML nodes'), read leniently from its raw YAML. */
function problemsOfReferencedProfiles(file: string): readonly Problem[] {
  let spec: { hardwareProfile?: unknown; machineLearning?: { nodes?: unknown } } | undefined;
  try {
    spec = (parse(readInputFile(file), { maxAliasCount: MAX_ALIASES, logLevel: "error" }) as { spec?: typeof spec } | null)?.spec ?? undefined;
  } catch {
    return [];
  }
  const nodes = Array.isArray(spec?.machineLearning?.nodes) ? (spec.machineLearning.nodes as unknown[]).slice(0, MAX_ML_NODES) : [];
  const refs = [spec?.hardwareProfile, ...nodes.map((n) => (n as { hardwareProfile?: unknown } | null)?.hardwareProfile)];
  return refs.flatMap((ref) => {
    if (typeof ref !== "string" || ref === "" || ref.length > 1024) return [];
    const path = profilePathFor(ref, file);
    if (!existsSync(path)) return [];
    try {
      loadProfileFile(path);
      return [];
    } catch (e) {
      if (e instanceof InputError) return e.problems;
      throw e;
    }
  });
}

function checkBackend(d: DeploymentDocument, profile: HardwareProfile): PathIssue[] {
  return backendProblems(d.spec.machineLearning.backend, profile, ["spec", "machineLearning", "backend"]);
}

/** A forced backend needs an image for the CPU's architecture and the accelerator it runs on. */
function backendProblems(choice: string, profile: HardwareProfile, at: (string | number)[]): PathIssue[] {
  if (choice === "auto" || choice === "cpu") return [];
  const backend = choice as MlBackend;
  const arch = architectureOf(profile.spec.cpu);
  if (!ML_BACKEND_ARCHITECTURES[backend].includes(arch)) {
    const fits = Object.values(MlBackend).filter((b) => ML_BACKEND_ARCHITECTURES[b].includes(arch));
    return [{ path: at, message: `Immich has no ${arch} image for the ${backend} backend (expected ${oneOf(fits)} on ${arch}, got "${backend}")` }];
  }
  const kind = ML_BACKEND_KIND[backend as Exclude<MlBackend, MlBackend.CPU>];
  if (!profile.spec.accelerators.some((a) => a.kind === kind)) {
    const have = profile.spec.accelerators.map((a) => a.kind);
    return [
      {
        path: at,
        message: `the ${backend} backend needs a ${kind} in hardware profile "${profile.metadata.name}" (expected an accelerator of kind "${kind}", got ${have.length ? oneOf(have) : "no accelerator"})`,
      },
    ];
  }
  return [];
}

/**
 * Extra ML nodes: unique names and addresses, another Docker host than the Immich host's, and a forced backend
 * the node's own profile can run. Each node's profile problems are reported by `loadNodeProfiles`.
 */
function checkMlNodes(d: DeploymentDocument, profiles: ReadonlyMap<number, HardwareProfile>): PathIssue[] {
  const issues: PathIssue[] = [];
  const nodes = d.spec.machineLearning.nodes;
  const seen = (key: "name" | "address" | "dockerHost") => {
    const first = new Map<string, number>();
    nodes.forEach((n, i) => {
      const j = first.get(n[key]);
      if (j === undefined) first.set(n[key], i);
      else issues.push({ path: ["spec", "machineLearning", "nodes", i, key], message: `must be unique among the nodes (expected another ${key} than node ${j}'s, got "${n[key]}")` });
    });
  };
  seen("name");
  seen("address");
  const maxName = maxMlNodeName(d.metadata.name);
  nodes.forEach((n, i) => {
    const at = ["spec", "machineLearning", "nodes", i];
    if (n.name.length > maxName) {
      issues.push({
        path: [...at, "name"],
        message: `too long for this deployment (expected at most ${maxName} characters, got ${n.name.length}): the node's container ${containerName(d.metadata.name, Component.MACHINE_LEARNING, `-${n.name}`)} must stay a host name of at most ${MAX_DNS_LABEL} characters; shorten the node or the deployment name`,
      });
    }
    if (d.spec.machineLearning.immichHostAddress === n.address) {
      issues.push({ path: [...at, "address"], message: `the node's address must not be the Immich host's (expected another address than spec.machineLearning.immichHostAddress, got "${n.address}")` });
    }
    const nodeUser = sshTarget(n.dockerHost)?.user;
    if (nodeUser === "root") {
      issues.push({ path: [...at, "dockerHost"], message: 'the node\'s host scripts run as its SSH user, which must not be root (expected ssh://<a machine account like immich-deploy>@host, got "root")' });
    } else if (nodeUser !== undefined && isSystemAccount(nodeUser)) {
      issues.push({ path: [...at, "dockerHost"], message: systemAccountMessage(nodeUser, "the node's SSH user (its deploy user)") });
    }
    const profile = profiles.get(i);
    if (profile) issues.push(...backendProblems(n.backend, profile, [...at, "backend"]));
  });
  return issues;
}

/**
 * Where the Docker hosts are and what runs there. Host scripts run as root on the host they are for, so:
 * - a `tcp://` host carries every secret in its API calls: it needs TLS (`dockerTls`), which nothing else takes;
 * - host scripts reach a host over SSH, or run locally when the Immich host is this machine's own socket: a
 *   `tcp://` Immich host with host management, or an ML node off `ssh://` with it, would have them run on the
 *   machine that runs Terraform (a CI runner's firewall, sysctl and sudoers), so these are refused;
 * - hosts are compared as machines (docker-endpoint.ts): an ML node on the Immich host's machine, or two nodes on
 *   one machine, would give one machine two host plans that rewrite each other's host files on every apply.
 */
function checkDockerHosts(d: DeploymentDocument): PathIssue[] {
  const issues: PathIssue[] = [];
  const manage = d.spec.host.manage;
  const hosts: { at: (string | number)[]; label: string; value: string; tls: unknown; node: boolean }[] = [
    { at: ["spec"], label: "spec.dockerHost", value: d.spec.dockerHost, tls: d.spec.dockerTls, node: false },
    ...d.spec.machineLearning.nodes.map((n, i) => ({
      at: ["spec", "machineLearning", "nodes", i],
      label: `spec.machineLearning.nodes[${i}].dockerHost`,
      value: n.dockerHost,
      tls: n.dockerTls,
      node: true,
    })),
  ];
  const endpoints: (DockerEndpoint | undefined)[] = hosts.map((h) => parseDockerEndpoint(h.value));
  hosts.forEach((h, i) => {
    const e = endpoints[i];
    if (!e) return;
    const at = [...h.at, "dockerHost"];
    if (e.kind === "tcp" && h.tls === undefined) {
      issues.push({
        path: at,
        message: `a tcp:// Docker host needs TLS: every secret of the stack travels in its API calls (expected ${h.node ? "the node's " : "spec."}dockerTls with certPath or materialFromVariables: true, or ssh://user@host, got "${h.value}")`,
      });
    }
    if (e.kind !== "tcp" && h.tls !== undefined) {
      issues.push({ path: [...h.at, "dockerTls"], message: `TLS settings are for a tcp:// Docker host (expected no dockerTls with ${e.kind}://, got a dockerTls for "${h.value}")` });
    }
    if (!manage) return;
    if (!h.node && e.kind === "tcp") {
      issues.push({
        path: at,
        message: `host scripts run over SSH on the host they are for, and a tcp:// host has none: they would run on the machine that runs Terraform (expected ssh://user@host, or spec.host.manage: false to converge the host yourself, got "${h.value}")`,
      });
    }
    if (h.node && e.kind !== "ssh") {
      issues.push({
        path: at,
        message: `a node's host scripts run over SSH on the node; with ${e.kind}:// they would run on the machine that runs Terraform (expected ssh://user@host, or spec.host.manage: false to converge the nodes yourself, got "${h.value}")`,
      });
    }
  });
  // One machine, one host plan: compare each host with every earlier one.
  hosts.forEach((h, i) => {
    const e = endpoints[i];
    if (!e || !h.node) return;
    for (let j = 0; j < i; j++) {
      const other = endpoints[j];
      if (!other || !sameMachine(e, other, manage)) continue;
      const machine = describeMachine(e);
      issues.push({
        path: [...h.at, "dockerHost"],
        message: `${manage ? "one machine, one host plan" : "one machine, one Docker host"}: this node and ${hosts[j]!.label} ("${hosts[j]!.value}") are both on ${machine}${manage ? ", whose host files (sudoers, sysctl, datasets, daemon.json) both host plans would rewrite" : ""} (expected ${j === 0 ? "a machine other than the Immich host's" : "a machine of its own"}; host names compare without case, ssh's port 22 is the default and the user does not count; got "${h.value}")`,
      });
      break;
    }
  });
  return issues;
}

/**
 * External libraries: unique names, folders that neither contain one another nor the data root (Immich would
 * index a folder twice, or its own uploads), owners among the users, one answer to Immich's single watch switch,
 * and an off-site copy only where there is an off-site repository.
 */
function checkLibraries(d: DeploymentDocument): PathIssue[] {
  const issues: PathIssue[] = [];
  const libs = d.spec.libraries.external;
  const users = d.spec.auth.users.map((u) => u.name);
  const names = new Map<string, number>();
  libs.forEach((lib, i) => {
    const at = ["spec", "libraries", "external", i];
    const j = names.get(lib.name);
    if (j !== undefined) issues.push({ path: [...at, "name"], message: `library names must be unique (expected another name than library ${j}'s, got "${lib.name}")` });
    else names.set(lib.name, i);
    for (let k = 0; k < i; k++) {
      const other = libs[k]!.hostPath;
      if (isSameOrBelow(lib.hostPath, other) || isSameOrBelow(other, lib.hostPath)) {
        issues.push({ path: [...at, "hostPath"], message: `overlaps library ${k}'s folder "${other}": Immich would index its files twice (expected folders that do not contain one another, got "${lib.hostPath}")` });
        break;
      }
    }
    if (isSameOrBelow(lib.hostPath, d.spec.dataRoot) || isSameOrBelow(d.spec.dataRoot, lib.hostPath)) {
      issues.push({ path: [...at, "hostPath"], message: `overlaps the data root "${d.spec.dataRoot}", where Immich keeps its own files (expected a folder outside it that does not contain it, got "${lib.hostPath}")` });
    }
    if (!users.includes(lib.owner)) {
      issues.push({ path: [...at, "owner"], message: `not a user of this deployment (expected ${oneOf(users)} from spec.auth.users, got ${quoteShort(lib.owner)})` });
    }
    if (lib.offsiteBackup && !d.spec.backup.offsite) {
      issues.push({ path: [...at, "offsiteBackup"], message: "there is no off-site repository to copy the folder to (expected spec.backup.offsite set, or offsiteBackup: false)" });
    }
  });
  const watch = libs.map((l, i) => [l.watch, i] as const).filter(([w]) => w !== undefined);
  const first = watch[0];
  const differing = first ? watch.find(([w]) => w !== first[0]) : undefined;
  if (first && differing) {
    issues.push({
      path: ["spec", "libraries", "external", differing[1], "watch"],
      message: `Immich has one watch switch for all libraries (expected ${first[0]}, as library ${first[1]} says, or leave it out; got ${differing[0]})`,
    });
  }
  return issues;
}

/**
 * The deploy user defaults to the SSH user of dockerHost: never root, whose keys and shell the host scripts would
 * own, nor another system account (www-data, nobody…), which the docker group and NOPASSWD sudo would make root.
 */
function checkDeployUser(d: DeploymentDocument): PathIssue[] {
  const user = sshTarget(d.spec.dockerHost)?.user;
  if (d.spec.host.deployUser.name !== undefined || user === undefined) return [];
  if (user === "root") {
    return [
      {
        path: ["spec", "dockerHost"],
        message: 'the deploy user defaults to the SSH user and must not be root (expected spec.host.deployUser.name set to a machine account like immich-deploy, or ssh://<that account>@host, got "root")',
      },
    ];
  }
  if (!isSystemAccount(user)) return [];
  return [{ path: ["spec", "dockerHost"], message: `${systemAccountMessage(user, "the SSH user (the deploy user by default)")}; set spec.host.deployUser.name, or connect as that account` }];
}

/**
 * Terraform connects on the dockerHost's SSH port; a firewall that admits another one locks it (and the operator)
 * out at the next step. Only an explicit host.sshPort can contradict it: unset, it follows the dockerHost.
 */
function checkSshPort(d: DeploymentDocument): PathIssue[] {
  const ssh = sshTarget(d.spec.dockerHost);
  const port = d.spec.host.sshPort;
  if (ssh === undefined || port === undefined || port === ssh.port) return [];
  return [
    {
      path: ["spec", "host", "sshPort"],
      message:
        `contradicts spec.dockerHost, which connects on SSH port ${ssh.port}: the firewall would admit only ${port} and lock Terraform and you out ` +
        `(expected ${ssh.port}, or spec.dockerHost ssh://${ssh.user}@${ssh.host}:${port}, got ${port})`,
    },
  ];
}

/** Grafana's host name shares the portal's cookie parent; e-mail alerts need the auth notifier's SMTP account. */
function checkMonitoring(d: DeploymentDocument, profile: HardwareProfile): PathIssue[] {
  const issues: PathIssue[] = [];
  const m = d.spec.monitoring;
  if (!(m.enabled ?? defaultMonitoringEnabled(profile.spec.memory.totalGiB))) return issues;
  const domain = m.domain ?? defaultMonitoringDomain(d.spec.domain);
  const authDomain = d.spec.ingress.authDomain ?? defaultAuthDomain(d.spec.domain);
  const at = m.domain ? ["spec", "monitoring", "domain"] : ["spec", "domain"];
  if (domain === d.spec.domain || domain === authDomain) {
    issues.push({ path: at, message: `Grafana needs its own host name (expected a name other than "${d.spec.domain}" and "${authDomain}", got "${domain}")` });
  } else if (!("problem" in cookieDomainFor(d.spec.domain, authDomain))) {
    // (A portal that has no cookie domain itself is reported once, at the ingress.)
    const cookie = cookieDomainFor(domain, authDomain);
    if ("problem" in cookie) issues.push({ path: at, message: `Grafana's host name cannot share the portal's session cookie: ${cookie.problem}` });
  }
  if (m.alerts.email && d.spec.auth.notifier.mode !== "smtp") {
    issues.push({ path: ["spec", "monitoring", "alerts", "email"], message: 'alerts by e-mail use the auth notifier\'s SMTP account (expected spec.auth.notifier.mode "smtp", got "filesystem")' });
  }
  return issues;
}

/**
 * Monitoring on a small host: the memory budget scales every service down, and what is left for Prometheus
 * after the exporters, cAdvisor and Grafana must still be enough to run it.
 */
function checkMonitoringMemory(d: Deployment): PathIssue[] {
  if (!d.monitoring.enabled) return [];
  const budgetMiB = deploymentTuning(d).memory.components.monitoring.value;
  const prometheusMiB = prometheusMemoryMiB(budgetMiB, { smart: (d.monitoring.disks?.length ?? 0) > 0, grafana: true });
  if (prometheusMiB >= MONITORING_MEMORY_MIB.minPrometheus) return [];
  return [
    {
      path: ["spec", "monitoring", "enabled"],
      message:
        `monitoring does not fit in ${d.profile.spec.memory.totalGiB} GiB of RAM (expected at least ${MONITORING_MEMORY_MIB.minPrometheus} MiB for Prometheus, got ${prometheusMiB} MiB ` +
        `of the ${budgetMiB} MiB the memory budget leaves monitoring): set spec.monitoring.enabled: false, or use a host with more RAM`,
    },
  ];
}

function checkIngress(d: DeploymentDocument): PathIssue[] {
  const issues: PathIssue[] = [];
  const authDomain = d.spec.ingress.authDomain ?? defaultAuthDomain(d.spec.domain);
  if (authDomain === d.spec.domain) {
    issues.push({ path: ["spec", "ingress", "authDomain"], message: `the auth portal needs its own host name (expected a name other than "${d.spec.domain}", got "${authDomain}")` });
  } else {
    const cookie = cookieDomainFor(d.spec.domain, authDomain);
    if ("problem" in cookie) {
      issues.push({ path: d.spec.ingress.authDomain ? ["spec", "ingress", "authDomain"] : ["spec", "domain"], message: `no session cookie domain: ${cookie.problem}` });
    }
  }
  const tls = d.spec.ingress.tls;
  if (tls.mode === "files" && d.spec.dockerHost.startsWith("unix://")) {
    // A local Docker host: the files must be here now, or the proxy fails at start.
    for (const key of ["certificateFile", "keyFile"] as const) {
      if (!existsSync(tls[key])) {
        issues.push({ path: ["spec", "ingress", "tls", key], message: `file not found on this Docker host (expected an existing PEM file, got "${tls[key]}")` });
      }
    }
  }
  if (tls.mode === "files" && tls.caFile !== undefined) {
    const at = ["spec", "ingress", "tls", "caFile"];
    const shape = caFileShapeProblem(tls.caFile, tls.keyFile);
    // On a local Docker host the file is here to read: it must be a CA certificate, not only look like one.
    const content = shape ?? (d.spec.dockerHost.startsWith("unix://") ? caFileContentProblem(tls.caFile) : undefined);
    if (content) issues.push({ path: at, message: content });
  }
  const relayCa = d.spec.monitoring.alerts.email?.caFile;
  if (relayCa !== undefined) {
    // Bound into Alertmanager as the relay's CA: the same checks as the proxy's caFile (never a secret of the host).
    const problem = caFileShapeProblem(relayCa, "") ?? (d.spec.dockerHost.startsWith("unix://") ? caFileContentProblem(relayCa) : undefined);
    if (problem) issues.push({ path: ["spec", "monitoring", "alerts", "email", "caFile"], message: problem.replaceAll("the Immich server", "Alertmanager") });
  }
  const seen = new Set<string>();
  d.spec.auth.users.forEach((u, i) => {
    if (seen.has(u.name)) issues.push({ path: ["spec", "auth", "users", i, "name"], message: `user names must be unique (expected a new name, got "${u.name}" again)` });
    seen.add(u.name);
  });
  return issues;
}

function toIngress(d: DeploymentDocument): IngressSettings {
  const authDomain = d.spec.ingress.authDomain ?? defaultAuthDomain(d.spec.domain);
  const cookie = cookieDomainFor(d.spec.domain, authDomain);
  if ("problem" in cookie) throw new Error(cookie.problem); // unreachable: checked above
  return { domain: d.spec.domain, authDomain, cookieDomain: cookie.cookieDomain, tls: d.spec.ingress.tls, http3: d.spec.ingress.http3 };
}

function toDeployment(d: DeploymentDocument, profile: HardwareProfile, nodeProfiles: ReadonlyMap<number, HardwareProfile>): Deployment {
  const s = d.spec;
  return {
    name: d.metadata.name,
    description: d.metadata.description,
    profile,
    dockerHost: s.dockerHost,
    ...(s.dockerTls ? { dockerTls: dockerTlsSettings(s.dockerTls) } : {}),
    immichVersion: s.immichVersion,
    domain: s.domain,
    timezone: s.timezone,
    postgres: {
      imageTag: s.postgres.imageTag,
      ...(s.postgres.imageDigest ? { imageDigest: s.postgres.imageDigest } : {}),
      ...(s.postgres.takeover ? { takeover: s.postgres.takeover } : {}),
    },
    redisEngine: s.redis.engine,
    imageDigests: Object.fromEntries(Object.entries(s.imageDigests).filter(([, v]) => v !== undefined)),
    jobHandlerReplicas: s.jobHandler.replicas,
    dataRoot: s.dataRoot,
    ...(s.machineLearning.backend !== "auto" ? { mlBackend: s.machineLearning.backend as MlBackend } : {}),
    mlNodes: s.machineLearning.nodes.map((n, i) => ({
      name: n.name,
      dockerHost: n.dockerHost,
      ...(n.dockerTls ? { dockerTls: dockerTlsSettings(n.dockerTls) } : {}),
      address: n.address,
      profile: nodeProfiles.get(i)!,
      ...(n.backend !== "auto" ? { mlBackend: n.backend as MlBackend } : {}),
    })),
    ...(s.machineLearning.immichHostAddress ? { immichHostAddress: s.machineLearning.immichHostAddress } : {}),
    softwareTranscoding: s.transcoding.acceleration === "software",
    mountLocaltime: s.mountLocaltime,
    ingress: toIngress(d),
    access: accessSettings(s.access),
    auth: { users: s.auth.users, immichPasswordLogin: s.auth.immichPasswordLogin, notifier: s.auth.notifier },
    host: hostSettings(s.dockerHost, s.host),
    backup: backupSettings(d.metadata.name, s.backup),
    monitoring: {
      enabled: s.monitoring.enabled ?? defaultMonitoringEnabled(profile.spec.memory.totalGiB),
      domain: s.monitoring.domain ?? defaultMonitoringDomain(s.domain),
      retentionDays: s.monitoring.retentionDays,
      alerts: {
        ...(s.monitoring.alerts.email ? { email: { to: s.monitoring.alerts.email.to, ...(s.monitoring.alerts.email.caFile ? { caFile: s.monitoring.alerts.email.caFile } : {}) } } : {}),
        webhook: s.monitoring.alerts.webhook,
        ...(s.monitoring.alerts.groupWaitSeconds !== undefined ? { groupWaitSeconds: s.monitoring.alerts.groupWaitSeconds } : {}),
        ...(s.monitoring.alerts.groupIntervalSeconds !== undefined ? { groupIntervalSeconds: s.monitoring.alerts.groupIntervalSeconds } : {}),
        ...(s.monitoring.alerts.maxForSeconds !== undefined ? { maxForSeconds: s.monitoring.alerts.maxForSeconds } : {}),
      },
      disks: profile.spec.storage.pools.flatMap((p) => p.devices.map((path) => ({ path, nvme: p.media.startsWith("nvme") }))),
    },
    libraries: librarySettings(s.libraries),
  };
}

function librarySettings(l: DeploymentDocument["spec"]["libraries"]): LibrarySettings {
  const watch = l.external.find((e) => e.watch !== undefined)?.watch;
  return {
    external: l.external.map((e) => ({
      name: e.name,
      hostPath: e.hostPath,
      owner: e.owner,
      importPaths: e.importPaths,
      ...(e.exclusionPatterns ? { exclusionPatterns: e.exclusionPatterns } : {}),
      offsiteBackup: e.offsiteBackup,
    })),
    ...(watch !== undefined ? { watch } : {}),
  };
}

function dockerTlsSettings(t: { certPath?: string | undefined; materialFromVariables?: true | undefined }): DockerTls {
  return t.certPath !== undefined ? { certPath: t.certPath } : { materialFromVariables: true };
}

function backupSettings(name: string, b: DeploymentDocument["spec"]["backup"]): BackupSettings {
  return {
    continuousWal: b.continuousWal,
    baseBackupIntervalHours: b.baseBackupIntervalHours,
    localBaseBackups: b.localBaseBackups,
    intervalHours: b.intervalHours,
    keepLocalDumps: b.keepLocalDumps ?? defaultKeepLocalDumps(b.intervalHours),
    retention: b.retention,
    ...(b.offsite
      ? { offsite: { endpoint: b.offsite.endpoint, bucket: b.offsite.bucket, region: b.offsite.region, prefix: b.offsite.prefix ?? `immich-iac/${name}` } }
      : {}),
  };
}

function hostSettings(dockerHost: string, h: DeploymentDocument["spec"]["host"]): HostSettings {
  const ssh = sshTarget(dockerHost);
  return {
    manage: h.manage,
    sshPort: h.sshPort ?? ssh?.port ?? 22,
    deployUser: { name: h.deployUser.name ?? ssh?.user ?? "immich-deploy", authorizedKeys: h.deployUser.authorizedKeys },
    ...(h.deployUser.name === undefined && ssh ? { deployUserFromDockerHost: true } : {}),
  };
}

/** The deployment `--profile FILE` stands for: this profile with every default and a placeholder domain. */
export function deploymentForProfile(profileRef: string): Deployment {
  const profileFile = profileArgumentPath(profileRef);
  const profile = loadProfileFile(profileFile);
  if (profile.metadata.name.length > MAX_DEPLOYMENT_NAME) {
    // The deployment takes the profile's name, which may be longer than a deployment name can be: say so where it is.
    parseYaml(
      readInputFile(profileFile),
      profileFile,
      z.looseObject({
        metadata: z.looseObject({
          name: z.string().refine((n) => n.length <= MAX_DEPLOYMENT_NAME, {
            error: `too long to name the deployment --profile makes of it (expected at most ${MAX_DEPLOYMENT_NAME} characters, got ${profile.metadata.name.length}): write a deployment file with a shorter metadata.name`,
          }),
        }),
      }),
    );
  }
  if (profile.spec.purpose !== "immich-host") {
    parseYaml(
      readInputFile(profileFile),
      profileFile,
      z.looseObject({
        spec: z.looseObject({
          purpose: z.string().refine((p) => p === "immich-host", {
            error: `an ML node's profile cannot stand for a deployment (expected a profile with purpose immich-host, got "${profile.spec.purpose}"): list it under a deployment's spec.machineLearning.nodes`,
          }),
        }),
      }),
    );
  }
  return {
    name: profile.metadata.name,
    description: `defaults for hardware profile ${profile.metadata.name}`,
    profile,
    dockerHost: DEFAULT_DOCKER_HOST,
    immichVersion: DEFAULT_IMMICH_VERSION,
    domain: "photos.example.com",
    timezone: "UTC",
    postgres: { imageTag: DEFAULT_POSTGRES_IMAGE_TAG },
    redisEngine: "redis",
    imageDigests: {},
    jobHandlerReplicas: 1,
    dataRoot: "/srv/immich",
    mlNodes: [],
    softwareTranscoding: false,
    mountLocaltime: true,
    ingress: { domain: "photos.example.com", authDomain: "auth.example.com", cookieDomain: "example.com", tls: { mode: "internal" }, http3: true },
    access: DEFAULT_ACCESS,
    auth: { users: [PLACEHOLDER_ADMIN], immichPasswordLogin: false, notifier: { mode: "filesystem" } },
    host: { manage: true, sshPort: 22, deployUser: { name: "immich-deploy", authorizedKeys: [] } },
    backup: defaultBackupSettings(),
    monitoring: {
      enabled: defaultMonitoringEnabled(profile.spec.memory.totalGiB),
      domain: "metrics.example.com",
      retentionDays: DEFAULT_MONITORING_RETENTION_DAYS,
      alerts: { webhook: false },
    },
    libraries: { external: [] },
  };
}

/**
 * The one user of a `--profile` deployment, so that the stack is complete. Its "hash" is random bytes that
 * no password produces, so nobody can log in: write a deployment file with `immich-iac hash-password`.
 */
const PLACEHOLDER_ADMIN = {
  name: "admin",
  displayName: "Administrator",
  email: "admin@example.com",
  groups: ["admins"],
  passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$dW51c2FibGUtcGxhY2Vo$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys",
} as const;
