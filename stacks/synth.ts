import { App } from "cdktf";
import { resolve as resolveTokens } from "cdktf/lib/_tokens.js";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deploymentForProfile, loadDeploymentFile, type Deployment } from "../src/deployment/load-deployment.js";
import { renderHostScripts } from "../src/renderers/host/index.js";
import { renderPreUpgradeBackup } from "../src/renderers/host/pre-upgrade-backup.js";
import { volumeDirectory, volumeHostPath } from "../src/host/volume-layout.js";
import { ImmichDeploymentStack } from "./deployment-stack.js";

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
  if (src.deployment && src.profile) throw new Error("give either --deployment or --profile, not both");
  if (src.profile) return deploymentForProfile(src.profile);
  return loadDeploymentFile(src.deployment ?? exampleDeploymentPath());
}

export interface SynthResult {
  readonly stacks: readonly string[];
}

/** Synthesizes a deployment to `outdir/stacks/<name>/cdk.tf.json`. */
export function synthesize(src: DeploymentSource & { readonly outdir: string }): SynthResult {
  const deployment = resolveDeployment(src);
  const app = new App({ outdir: src.outdir, skipBackendValidation: true });
  new ImmichDeploymentStack(app, deployment.name, { deployment });
  app.synth();
  return { stacks: [deployment.name] };
}

/** Every config file the stack deploys, by path relative to the render directory. */
export function renderFiles(deployment: Deployment): Record<string, string> {
  const app = new App({ outdir: join(dirname(fileURLToPath(import.meta.url)), ".unused"), skipBackendValidation: true });
  const stack = new ImmichDeploymentStack(app, deployment.name, { deployment });
  const im = stack.immich;
  // References to secrets show as the Terraform expression that fills them (`${random_password….result}`).
  const text = (s: string) => resolveTokens(stack, s) as string;
  return {
    "immich/immich.json": text(im.configFile.content),
    "postgres/postgresql.override.conf": im.database.overrideConfig,
    "redis/redis.conf": im.redis.config,
    ...Object.fromEntries(renderHostScripts(stack.hostPlan).map((h) => [`host/${h.file}`, h.content])),
    "maintenance/pre-upgrade-backup.sh": preUpgradeBackupScript(stack),
    ...(im.ingress
      ? {
          "caddy/Caddyfile": im.ingress.caddyfile,
          "authelia/configuration.yml": im.ingress.autheliaConfiguration,
          "authelia/users_database.yml": im.ingress.autheliaUsers,
        }
      : {}),
  };
}

export function render(src: DeploymentSource & { readonly outdir: string }): string[] {
  const files = renderFiles(resolveDeployment(src));
  const written: string[] = [];
  for (const [rel, content] of Object.entries(files)) {
    const path = resolve(src.outdir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written.push(path);
  }
  return written;
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
