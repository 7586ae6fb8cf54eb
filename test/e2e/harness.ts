import { execa } from "execa";
import { MAX_DEPLOYMENT_NAME } from "../../src/contract/container-names.js";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import https from "node:https";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { AUTHELIA_IMAGE } from "../../constructs/authelia.js";
import { CADDY_IMAGE } from "../../constructs/caddy-proxy.js";
import { IMMICH_ML_IMAGE, IMMICH_POSTGRES_IMAGE, IMMICH_SERVER_IMAGE, REDIS_IMAGES, RedisEngine, RESTIC_IMAGE } from "../../constructs/images.js";
import { VOLUME_LAYOUT, VOLUME_SUBDIRECTORIES, volumeHostPath, volumeSubdirectoryPath } from "../../src/host/volume-layout.js";
import { MONITORING_IMAGES } from "../../constructs/immich-monitoring.js";
import { S3_ENDPOINT, S3_REGION, s3Env } from "./s3-server.js";
import { synthesize } from "../../stacks/synth.js";
import { REPO } from "../util.js";

/** Every container of a deployment must be healthy this long after apply returns. */
export const HEALTHY_LIMIT_SECONDS = 180;

export interface Toolchain {
  readonly binary: string;
  readonly env: Readonly<Record<string, string>>;
}

/** Terraform (or OpenTofu) and the provider mirror, from scripts/tf-toolchain.sh (cached after the first build). */
export async function toolchain(): Promise<Toolchain> {
  const r = await execa("bash", [join(REPO, "scripts", "tf-toolchain.sh")], { reject: false, all: false, stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`scripts/tf-toolchain.sh failed (exit ${r.exitCode}):\n${r.stderr}`);
  const env: Record<string, string> = {};
  for (const m of r.stdout.matchAll(/^export ([A-Z_]+)=(.*)$/gm)) env[m[1]!] = m[2]!.replace(/^'(.*)'$/, "$1");
  return { binary: env.TERRAFORM_BINARY!, env: { TF_CLI_CONFIG_FILE: env.TF_CLI_CONFIG_FILE!, TF_IN_AUTOMATION: "1" } };
}

/** What the e2e changes in a deployment so that it runs on this machine; printed with the deployment's name. */
export const E2E_REDIRECTS = [
  "dockerHost → the local test engine (unix:///var/run/docker.sock)",
  "dataRoot → a temporary directory under /srv",
  "metadata.name → e2e-<name> (its containers never collide with a real deployment on this engine)",
  "ingress.tls → internal (no ACME server or certificate files here)",
  "machineLearning.backend → cpu, transcoding → software (no GPU or NPU devices here)",
  "host.manage → false (the host scripts would change this machine; the host suite runs them in a container)",
  "image digests → dropped from the synthesized images (a locally built stand-in has no registry digest; the tags stay)",
  "backup.offsite → the local S3 server (versitygw, scripts/s3-server.sh) on the Docker bridge and its region, same bucket and prefix",
  "the profile's disks (SMART) → loop devices on sparse files, linked at the same /dev/disk/by-id paths and removed afterwards",
];

export interface E2eDeployment {
  readonly name: string;
  readonly source: string;
  readonly work: string;
  readonly dataRoot: string;
  readonly file: string;
  readonly doc: any;
  /** `cdktf.out/stacks/<name>` after synth. */
  readonly stackDir: string;
}

/** A copy of a deployment file redirected to this machine (see E2E_REDIRECTS), in a fresh work directory. */
export function e2eDeployment(source: string): E2eDeployment {
  const doc = parse(readFileSync(source, "utf8"));
  const work = mkdtempSync(join(tmpdir(), "iac-e2e-"));
  // Under an allowed parent of data roots (spec.dataRoot refuses /tmp); removed with the work directory.
  const dataRoot = mkdtempSync("/srv/iac-e2e-");
  const spec = doc.spec;
  const name = `e2e-${doc.metadata.name}`.slice(0, MAX_DEPLOYMENT_NAME).replace(/-+$/, "");
  doc.metadata.name = name;
  // A profile given as a path is relative to the original file.
  if (/[/.]/.test(spec.hardwareProfile) && !isAbsolute(spec.hardwareProfile)) spec.hardwareProfile = resolve(dirname(source), spec.hardwareProfile);
  spec.dockerHost = "unix:///var/run/docker.sock";
  spec.dataRoot = dataRoot;
  spec.ingress = { ...spec.ingress, tls: { mode: "internal" } };
  spec.machineLearning = { ...spec.machineLearning, backend: "cpu" };
  spec.transcoding = { acceleration: "software" };
  spec.host = { ...spec.host, manage: false };
  if (spec.backup?.offsite) spec.backup.offsite = { ...spec.backup.offsite, endpoint: S3_ENDPOINT, region: S3_REGION };
  const file = join(work, "deployment.yaml");
  writeFileSync(file, stringify(doc));
  return { name, source, work, dataRoot, file, doc, stackDir: join(work, "cdktf.out", "stacks", name) };
}

/**
 * A shipped or given deployment under another name (so its objects never meet the real-apply suite's), edited
 * by `edit`, then redirected like every e2e deployment.
 */
export function e2eCopyOf(source: string, name: string, edit: (doc: any) => void = () => {}): E2eDeployment {
  const scratch = mkdtempSync(join(tmpdir(), `iac-${name}-`));
  try {
    const doc = parse(readFileSync(source, "utf8"));
    doc.metadata.name = name;
    edit(doc);
    writeFileSync(join(scratch, `${name}.yaml`), stringify(doc));
    return e2eDeployment(join(scratch, `${name}.yaml`));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Rewrites the e2e deployment file after `change` edits its document, and synthesizes it again. */
export function resynth(d: E2eDeployment, change: (doc: any) => void = () => {}): any {
  change(d.doc);
  writeFileSync(d.file, stringify(d.doc));
  synthesize({ deployment: d.file, outdir: join(d.work, "cdktf.out") });
  // A locally built stand-in has no registry digest: the e2e overrides image references to their tags.
  const json = stackJson(d);
  for (const image of Object.values(json.resource.docker_image as Record<string, { name: string }>)) image.name = image.name.replace(/@sha256:[0-9a-f]{64}$/, "");
  writeFileSync(join(d.stackDir, "cdk.tf.json"), JSON.stringify(json, null, 2));
  return json;
}

export function stackJson(d: E2eDeployment): any {
  return JSON.parse(readFileSync(join(d.stackDir, "cdk.tf.json"), "utf8"));
}

/** The repository part of an image reference (`repo:tag@digest` → `repo`). */
const repository = (image: string) => image.split("@")[0]!.replace(/:[^/:]+$/, "");

/** Which stand-in (test/e2e/standins/<dir>) plays which upstream image repository the constructs use. */
const STANDINS: Readonly<Record<string, string>> = {
  [IMMICH_POSTGRES_IMAGE]: "postgres",
  [IMMICH_SERVER_IMAGE]: "server",
  [IMMICH_ML_IMAGE]: "machine-learning",
  [repository(REDIS_IMAGES[RedisEngine.REDIS])]: "redis",
  [repository(REDIS_IMAGES[RedisEngine.VALKEY])]: "valkey",
  [repository(CADDY_IMAGE)]: "caddy",
  [repository(AUTHELIA_IMAGE)]: "authelia",
  [repository(RESTIC_IMAGE)]: "restic",
  ...Object.fromEntries(Object.entries(MONITORING_IMAGES).map(([role, image]) => [repository(image), role])),
};

export function standinFor(image: string): string {
  const standin = STANDINS[repository(image)];
  if (!standin) throw new Error(`no stand-in for image ${image}`);
  return standin;
}

/**
 * Builds the stand-ins and tags them with every image reference the stack uses. `variants` builds a stand-in as
 * one of the generations of its upstream image (its Dockerfile's VARIANT), e.g. `{ postgres: "before-override-include" }`.
 */
export async function provideImages(json: any, variants: Readonly<Record<string, string>> = {}): Promise<void> {
  const names = Object.values(json.resource.docker_image as Record<string, { name: string }>).map((i) => i.name);
  if (names.some((n) => n.includes("@sha256:"))) throw new Error(`a digest-pinned image cannot match a locally built stand-in: ${names.join(", ")}`);
  const pairs = [...new Set(names)].map((n) => {
    const standin = standinFor(n);
    return `${standin}${variants[standin] ? `@${variants[standin]}` : ""}=${n}`;
  });
  const r = await execa("bash", [join(REPO, "scripts", "e2e-images.sh"), ...pairs], { reject: false, all: true });
  if (r.exitCode !== 0) throw new Error(`scripts/e2e-images.sh failed:\n${r.all}`);
}

const LOOP_RECORD = "loop-devices.json";

/**
 * Gives every disk device a container maps (the SMART exporter's: the profile's /dev/disk/by-id paths, which do
 * not exist here) a real block device: a loop device on a sparse file in the work directory, linked at that
 * path. Docker then maps a real device read-only, as on a real host. Records what it made for
 * {@link releaseDiskDevices}; a path that already resolves to a block device is left alone.
 */
export async function provideDiskDevices(json: any, work: string): Promise<void> {
  const paths = new Set<string>();
  for (const c of Object.values(json.resource.docker_container as Record<string, any>)) {
    for (const d of (c.devices ?? []) as { host_path: string }[]) if (d.host_path.startsWith("/dev/disk/by-id/")) paths.add(d.host_path);
  }
  const made: { link: string; loop: string }[] = [];
  const dirs = [...new Set([...paths].map((p) => dirname(p)))].flatMap((d) => [dirname(d), d]).filter((d, i, all) => all.indexOf(d) === i && !existsSync(d));
  for (const link of [...paths].sort()) {
    // A link to a loop device is an earlier run's (a real by-id entry links to ../../sdX): replace it, loop and all.
    const earlier = existsSync(link) && lstatSync(link).isSymbolicLink() ? /^\/dev\/loop\d+$/.exec(readlinkSync(link))?.[0] : undefined;
    if (earlier) await execa("losetup", ["--detach", earlier], { reject: false });
    else if (existsSync(link) && statSync(link).isBlockDevice()) continue;
    rmSync(link, { force: true });
    const file = join(work, `disk-${made.length}.img`);
    writeFileSync(file, "");
    truncateSync(file, 64 * 1024 * 1024);
    const loop = (await execa("losetup", ["--find", "--show", file])).stdout.trim();
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(loop, link);
    made.push({ link, loop });
  }
  writeFileSync(join(work, LOOP_RECORD), JSON.stringify({ made, dirs }));
}

/** Removes the links and loop devices {@link provideDiskDevices} made. */
export async function releaseDiskDevices(work: string): Promise<void> {
  const record = join(work, LOOP_RECORD);
  if (!existsSync(record)) return;
  const { made, dirs } = JSON.parse(readFileSync(record, "utf8")) as { made: { link: string; loop: string }[]; dirs: string[] };
  for (const { link, loop } of made) {
    rmSync(link, { force: true });
    await execa("losetup", ["--detach", loop], { reject: false });
  }
  // Only directories this made, deepest first, and only when nothing else was put there meanwhile.
  for (const d of [...dirs].reverse()) if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
  rmSync(record);
}

/**
 * Creates the host directories the data volumes bind, with the owner and mode of the volume layout (the ZFS
 * datasets' and the host scripts' job on a real host).
 */
export function createVolumeDirectories(json: any, dataRoot?: string): void {
  for (const v of Object.values(json.resource.docker_volume as Record<string, any>)) {
    const dir = v.driver_opts.device as string;
    mkdirSync(dir, { recursive: true });
    const layout = dataRoot ? VOLUME_LAYOUT.find((l) => volumeHostPath(l, dataRoot) === dir) : undefined;
    if (layout) {
      const [uid, gid] = layout.owner.split(":").map(Number);
      chownSync(dir, uid!, gid!);
      chmodSync(dir, Number.parseInt(layout.mode, 8));
    }
  }
  // What the host plan's directories script makes inside the volumes (the WAL archiver's state and metrics).
  for (const s of dataRoot ? VOLUME_SUBDIRECTORIES : []) {
    const dir = volumeSubdirectoryPath(s, dataRoot!);
    if (!existsSync(dirname(dir))) continue;
    mkdirSync(dir, { recursive: true });
    const [uid, gid] = s.owner.split(":").map(Number);
    chownSync(dir, uid!, gid!);
    chmodSync(dir, Number.parseInt(s.mode, 8));
  }
}

export interface Run {
  readonly exitCode: number;
  readonly all: string;
  readonly seconds: number;
}

/** Runs terraform (or tofu) in a stack directory (an e2e deployment's, or any other). */
export async function tf(t: Toolchain, d: Pick<E2eDeployment, "stackDir">, args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  const r = await execa(t.binary, [...args], {
    cwd: d.stackDir,
    env: { ...t.env, ...smtpPasswordEnv(), ...s3Env(), ...extraEnv },
    reject: false,
    all: true,
    timeout: 1_200_000,
  });
  // Refresh lines, one per resource, would bury what failed.
  const all = (r.all ?? "").split("\n").filter((l) => !/: Refreshing state\.\.\./.test(l)).join("\n");
  return { exitCode: r.exitCode ?? -1, all, seconds: (performance.now() - started) / 1000 };
}

/** The cdktf CLI the operator guide's deploy command fetches with npx (docs/operator-guide.md, "Deploy with cdktf"). */
export const CDKTF_CLI = "cdktf-cli@0.21.0";

/**
 * The operator's own deploy command (docs/operator-guide.md, "Deploy with cdktf"): `npx -p cdktf-cli@0.21.0 cdktf
 * deploy`, run in the clone (its cdktf.json and compiled app) with IMMICH_IAC_DEPLOYMENT naming the deployment and
 * CHECKPOINT_DISABLE=1, as documented. What it adds for the suite: the toolchain's Terraform and provider mirror
 * (TERRAFORM_BINARY_NAME, TF_CLI_CONFIG_FILE: "Without a provider registry"), `--auto-approve` (nobody approves in
 * CI) and `--output` in the deployment's work directory, where every other Terraform call of the suite runs.
 */
export async function cdktfDeploy(t: Toolchain, d: Pick<E2eDeployment, "file" | "work">): Promise<Run> {
  const started = performance.now();
  const r = await execa("npx", ["--yes", "-p", CDKTF_CLI, "cdktf", "deploy", "--auto-approve", "--no-color", "--output", join(d.work, "cdktf.out")], {
    cwd: REPO,
    env: { ...t.env, ...smtpPasswordEnv(), ...s3Env(), IMMICH_IAC_DEPLOYMENT: d.file, CHECKPOINT_DISABLE: "1", TERRAFORM_BINARY_NAME: t.binary, CI: "1" },
    reject: false,
    all: true,
    timeout: 1_800_000,
  });
  const all = (r.all ?? "").split("\n").filter((l) => !/: Refreshing state\.\.\./.test(l)).join("\n");
  return { exitCode: r.exitCode ?? -1, all, seconds: (performance.now() - started) / 1000 };
}

let smtpPassword: string | undefined;
/** Deployments with an SMTP notifier declare a sensitive variable; a random value per run feeds it. */
function smtpPasswordEnv(): Record<string, string> {
  smtpPassword ??= randomBytes(18).toString("base64url");
  return { TF_VAR_smtp_password: smtpPassword };
}

/** `immich-iac backup <args> --deployment <e2e file> --json`, as an operator runs it on the host. */
export function backupCli(d: Pick<E2eDeployment, "file">, args: readonly string[]) {
  return execa("node", [join(REPO, "dist", "immich-iac.cjs"), "backup", ...args, "--deployment", d.file, "--json"], { reject: false, timeout: 900_000 });
}

/** Starts the local Docker Engine when it is not running (scripts/docker-engine.sh). */
export async function ensureDockerEngine(): Promise<void> {
  const r = await execa("bash", [join(REPO, "scripts", "docker-engine.sh")], { reject: false, all: true });
  if (r.exitCode !== 0) throw new Error(`scripts/docker-engine.sh failed:\n${r.all}`);
}

export async function docker(args: string[]): Promise<string> {
  return (await execa("docker", args)).stdout.trim();
}

/** Waits until every container of the deployment reports healthy; returns the seconds it took. */
export async function waitHealthy(name: string, limitSeconds = HEALTHY_LIMIT_SECONDS): Promise<number> {
  const started = performance.now();
  let last = "";
  while ((performance.now() - started) / 1000 < limitSeconds) {
    last = await docker(["ps", "-a", "--filter", `label=io.immich-iac.deployment=${name}`, "--format", "{{.Names}}\t{{.Status}}"]);
    const lines = last.split("\n").filter(Boolean);
    if (lines.length > 0 && lines.every((l) => l.includes("(healthy)"))) return (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
  }
  const logs: string[] = [];
  for (const line of last.split("\n").filter((l) => l && !l.includes("(healthy)"))) {
    const c = line.split("\t")[0]!;
    const health = await execa("docker", ["inspect", "-f", "{{json .State.Health}}", c], { reject: false });
    const tail = await execa("docker", ["logs", "--tail", "20", c], { reject: false, all: true });
    logs.push(`--- ${line}\nhealth: ${health.stdout.slice(-800)}\n${tail.all}`);
  }
  throw new Error(`not all containers of ${name} healthy within ${limitSeconds} s:\n${last}\n${logs.join("\n")}`);
}

export interface HttpsAnswer {
  readonly status: number;
  readonly body: string;
  readonly protocol: string | null;
  /** The Location header of a redirect. */
  readonly location?: string;
}

/** GET https://<host><path> through the proxy on 127.0.0.1:443, trusting only `ca`, with TLS versions bounded. */
export function httpsGet(
  host: string,
  path: string,
  ca: string,
  tls: { min?: "TLSv1.2" | "TLSv1.3"; max?: "TLSv1.2" | "TLSv1.3" } = {},
  extraHeaders: Record<string, string> = {},
): Promise<HttpsAnswer> {
  return new Promise((resolvePromise, reject) => {
    const req = https.get(
      {
        host: "127.0.0.1",
        port: 443,
        servername: host,
        headers: { ...extraHeaders, host },
        path,
        ca,
        minVersion: tls.min ?? "TLSv1.2",
        maxVersion: tls.max ?? "TLSv1.3",
        timeout: 10_000,
        agent: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () =>
          resolvePromise({ status: res.statusCode ?? 0, body, protocol: (res.socket as any).getProtocol?.() ?? null, ...(res.headers.location ? { location: res.headers.location } : {}) }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

/** Host path of a deployment's volume (`immich-<name>-<suffix>`). */
export function volumeHostDir(json: any, volumeName: string): string {
  const v = Object.values(json.resource.docker_volume as Record<string, any>).find((x) => x.name === volumeName);
  if (!v) throw new Error(`no docker_volume named ${volumeName}`);
  return v.driver_opts.device;
}

/** Removes what a failed earlier run of this e2e deployment left on the test engine (only objects it labelled). */
export async function removeLeftovers(name: string): Promise<void> {
  const label = `label=io.immich-iac.deployment=${name}`;
  const ids = (args: string[]) => docker(args).then((s) => s.split("\n").filter(Boolean));
  // Every e2e deployment's containers, not only this one's: a run stopped half-way leaves another deployment's
  // proxy holding 443, and every apply after it fails to publish. The suites run one at a time.
  const labelled = await ids(["ps", "-a", "--filter", "label=io.immich-iac.deployment", "--format", '{{.ID}} {{.Label "io.immich-iac.deployment"}}']);
  const containers = labelled.map((l) => l.split(" ")).filter(([, dep]) => dep === name || dep?.startsWith("e2e-")).map(([id]) => id!);
  if (containers.length) await docker(["rm", "-f", ...containers]);
  const volumes = await ids(["volume", "ls", "-q", "--filter", label]);
  if (volumes.length) await docker(["volume", "rm", ...volumes]);
  const networks = await ids(["network", "ls", "-q", "--filter", label]);
  if (networks.length === 0) return;
  const rm = await execa("docker", ["network", "rm", ...networks], { reject: false, all: true });
  if (rm.exitCode === 0) return;
  // Docker 20.10 sometimes keeps an endpoint of a removed container ("has active endpoints" with no container
  // attached); only a daemon restart clears it. This is the test engine, holding only test containers.
  if (!/has active endpoints/.test(rm.all ?? "")) throw new Error(`docker network rm failed: ${rm.all}`);
  console.warn(`e2e: ${name}: a network kept a stale endpoint after every container was removed; restarting the test engine`);
  await execa("pkill", ["-x", "dockerd"], { reject: false });
  for (let i = 0; i < 30 && (await execa("pgrep", ["-x", "dockerd"], { reject: false })).exitCode === 0; i++) await new Promise((r) => setTimeout(r, 1000));
  await ensureDockerEngine();
  const left = await ids(["network", "ls", "-q", "--filter", label]);
  if (left.length) await docker(["network", "rm", ...left]);
}

/**
 * Tears a throwaway deployment down: destroy without prevent_destroy, when init ran (reported, not thrown:
 * teardown must go on), then whatever Terraform left, the loop devices it was given, and its work directory.
 */
export async function destroyDeployment(t: Toolchain, d: E2eDeployment, extraEnv: Record<string, string> = {}): Promise<void> {
  if (existsSync(join(d.stackDir, ".terraform"))) {
    // prevent_destroy protects data volumes; lift it in this throwaway copy only.
    liftPreventDestroy(d);
    const destroy = await tf(t, d, ["destroy", "-input=false", "-auto-approve", "-no-color"], extraEnv);
    if (destroy.exitCode !== 0) console.error(destroy.all);
  }
  await removeLeftovers(d.name);
  await releaseDiskDevices(d.work);
  rmSync(d.work, { recursive: true, force: true });
  rmSync(d.dataRoot, { recursive: true, force: true });
}

/** A copy of the stack without prevent_destroy, to tear the throwaway deployment down. */
export function liftPreventDestroy(d: E2eDeployment): void {
  const json = stackJson(d);
  for (const v of Object.values(json.resource.docker_volume ?? {}) as any[]) delete v.lifecycle;
  writeFileSync(join(d.stackDir, "cdk.tf.json"), JSON.stringify(json, null, 2));
}

/** `immich-iac plan-report --json` on a saved plan: the classes the report promises for a real plan. */
export async function planReport(t: Toolchain, d: E2eDeployment, planFile: string): Promise<{ exitCode: number; report: any }> {
  const show = await execa(t.binary, ["show", "-json", planFile], { cwd: d.stackDir, env: t.env });
  const json = join(d.work, `${planFile}.json`);
  writeFileSync(json, show.stdout);
  const r = await execa("node", [join(REPO, "dist", "immich-iac.cjs"), "plan-report", json, "--json"], { reject: false });
  return { exitCode: r.exitCode ?? -1, report: JSON.parse(r.stdout) };
}
