import { App } from "cdktf";
import { resolve as resolveTokens } from "cdktf/lib/_tokens.js";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../src/profile/problems.js";
import { refusePseudoFileSystem, writeFileUnder } from "../src/profile/paths.js";
import { deploymentForProfile, loadDeploymentFile, type Deployment } from "../src/deployment/load-deployment.js";
import { renderHostScripts } from "../src/renderers/host/index.js";
import { renderPreUpgradeBackup } from "../src/renderers/host/pre-upgrade-backup.js";
import { volumeDirectory, volumeHostPath } from "../src/host/volume-layout.js";
import { defaultStatePath, ImmichDeploymentStack } from "./deployment-stack.js";

/** The bundled example deployment that `npm run synth` builds. */
export function exampleDeploymentPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "deployments", "example.yaml");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("deployments/example.yaml not found next to the immich-iac package");
    dir = parent;
  }
}

export interface DeploymentSource {
  /** A deployment file; default the bundled example. */
  readonly deployment?: string;
  /** A hardware profile: a deployment with defaults for it. */
  readonly profile?: string;
}

export function resolveDeployment(src: DeploymentSource): Deployment {
  if (src.deployment && src.profile) throw new InputError([{ file: src.profile, line: 1, col: 1, path: "(arguments)", message: "give either --deployment or --profile, not both" }]);
  if (src.profile) return deploymentForProfile(src.profile);
  return loadDeploymentFile(src.deployment ?? exampleDeploymentPath());
}

export interface SynthResult {
  readonly stacks: readonly string[];
  /** Absolute path of the Terraform state the stack uses. */
  readonly statePath: string;
}

export interface SynthesizeOptions extends DeploymentSource {
  readonly outdir: string;
  /** The state file (relative to the working directory, or absolute). @default - next to `outdir` */
  readonly state?: string;
}

/** Synthesizes a deployment to `outdir/stacks/<name>/cdk.tf.json`. */
export function synthesize(src: SynthesizeOptions): SynthResult {
  return synthesizeDeployment(resolveDeployment(src), src);
}

/** Synthesizes an already loaded deployment. */
export function synthesizeDeployment(deployment: Deployment, opts: { readonly outdir: string; readonly state?: string }): SynthResult {
  const app = new App({ outdir: opts.outdir, skipBackendValidation: true });
  new ImmichDeploymentStack(app, deployment.name, { deployment, ...(opts.state ? { statePath: relative(stackDir(opts.outdir, deployment.name), resolve(opts.state)) } : {}) });
  app.synth();
  return { stacks: [deployment.name], statePath: statePathOf(opts.outdir, deployment.name, opts.state) };
}

/** The directory Terraform runs in for a stack. */
export function stackDir(outdir: string, stack: string): string {
  return resolve(outdir, "stacks", stack);
}

/** Absolute path of the state file a synth writes its backend for. */
export function statePathOf(outdir: string, stack: string, state?: string): string {
  return state ? resolve(state) : resolve(stackDir(outdir, stack), defaultStatePath(stack));
}

/** Every config file the stack deploys, by path relative to the render directory. */
export function renderFiles(deployment: Deployment): Record<string, string> {
  return withStack(deployment, (stack) => renderStackFiles(stack));
}

/**
 * Builds a deployment's stack without synthesizing it. cdktf's App creates its output directory when
 * constructed, so it gets a private temporary one that is removed afterwards.
 */
export function withStack<T>(deployment: Deployment, use: (stack: ImmichDeploymentStack) => T): T {
  const outdir = mkdtempSync(join(tmpdir(), "immich-iac-"));
  try {
    return use(new ImmichDeploymentStack(new App({ outdir, skipBackendValidation: true }), deployment.name, { deployment }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `monitoring/…` when the deployment has monitoring on: the files its containers get. */
function monitoringFiles(stack: ImmichDeploymentStack): Record<string, string> {
  return Object.fromEntries(Object.entries(stack.immich.monitoringFiles).map(([path, text]) => [`monitoring/${path}`, text]));
}

function renderStackFiles(stack: ImmichDeploymentStack): Record<string, string> {
  const im = stack.immich;
  // References to secrets show as the Terraform expression that fills them (`${random_password….result}`).
  const text = (s: string) => resolveTokens(stack, s) as string;
  return {
    "immich/immich.json": text(im.configFile.content),
    "postgres/immich-iac.conf": im.database.entryConfig,
    "postgres/postgresql.override.conf": im.database.overrideConfig,
    ...(im.database.hbaConfig ? { "postgres/pg_hba.conf": im.database.hbaConfig } : {}),
    "redis/redis.conf": im.redis.config,
    ...Object.fromEntries(renderHostScripts(stack.hostPlan).map((h) => [`host/${h.file}`, h.content])),
    // Each extra ML node's host scripts, as they run on that node.
    ...Object.fromEntries([...stack.nodeHostPlans].flatMap(([node, plan]) => renderHostScripts(plan).map((h) => [`ml-nodes/${node}/host/${h.file}`, h.content]))),
    "maintenance/pre-upgrade-backup.sh": preUpgradeBackupScript(stack),
    ...Object.fromEntries(Object.entries(im.backupFiles).map(([name, text]) => [`backup/${name}`, text])),
    ...monitoringFiles(stack),
    ...(im.ingress
      ? {
          "caddy/Caddyfile": im.ingress.caddyfile,
          "authelia/configuration.yml": im.ingress.autheliaConfiguration,
          "authelia/users_database.yml": im.ingress.autheliaUsers,
        }
      : {}),
  };
}

/** Writes every rendered file under `outdir`, never through a link planted there (see writeFileUnder). */
export function render(src: DeploymentSource & { readonly outdir: string }): string[] {
  refusePseudoFileSystem(src.outdir, "--out");
  const files = renderFiles(resolveDeployment(src));
  mkdirSync(src.outdir, { recursive: true });
  return Object.entries(files).map(([rel, content]) => writeFileUnder(src.outdir, rel, content));
}

/** The pre-upgrade backup for a deployment's stack: dump into the backups role, snapshot database and library. */
export function preUpgradeBackupScript(stack: ImmichDeploymentStack): string {
  const plan = stack.hostPlan;
  const datasets = plan.datasets.filter((d) => /\/immich\/(database|library)$/.test(d.dataset)).map((d) => d.dataset);
  const db = stack.immich.database;
  const dataRoot = stack.deployment.dataRoot;
  return renderPreUpgradeBackup({
    plan,
    databaseContainer: db.hostname,
    databaseName: db.databaseName,
    databaseUser: db.username,
    backupDir: volumeHostPath(volumeDirectory("backups"), dataRoot),
    snapshotDatasets: datasets,
  });
}
