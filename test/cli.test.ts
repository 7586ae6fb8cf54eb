import { execa } from "execa";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { IMAGE_PINS } from "../src/versions.js";
import { REPO } from "./util.js";

// The CLI as users run it: the compiled bin, in a child process (`npm test` builds first).
const BIN = join(REPO, "dist", "immich-iac.cjs");
const cli = (args: string[], cwd = REPO) => execa("node", [BIN, ...args], { cwd, reject: false, stripFinalNewline: false });
const profile = (name: string) => join(REPO, "hardware-profiles", `${name}.yaml`);

describe("immich-iac CLI", () => {
  it.each([[[]], [["validate"]], [["explain"]], [["schema"]], [["synth"]], [["render"]], [["hash-password"]], [["versions"]], [["plan"]], [["plan-report"]], [["pre-upgrade"]], [["backup"]], [["backup", "status"]], [["backup", "run"]], [["backup", "restore-drill"]]])("%j --help exits 0 with usage", async (cmd) => {
    const r = await cli([...cmd, "--help"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Usage: immich-iac/);
  });

  it("versions: exit 0, one row per pin with its tag, floor and check date, then each floor's reason and source", async () => {
    const r = await cli(["versions"]);
    expect(r.exitCode).toBe(0);
    const rows = r.stdout.split("\n");
    expect(rows[0]).toMatch(/^ID +IMAGE:TAG +FLOOR +CHECKED +DIGEST$/);
    expect(rows).toContainEqual(expect.stringMatching(/^prometheus +docker\.io\/prom\/prometheus:v3\.13\.5 +3\.13\.0 +2026-12-07 +none published$/));
    expect(rows).toContainEqual(expect.stringMatching(/^postgres +ghcr\.io\/immich-app\/postgres:17-vectorchord1\.1\.1-pgvector0\.8\.5 +14 /));
    expect(rows.filter((l) => / \d{4}-\d{2}-\d{2} /.test(l))).toHaveLength(Object.keys(IMAGE_PINS).length);
    expect(r.stdout).toContain(`  valkey: floor 9.1.1: ${IMAGE_PINS.valkey.floorReason}`);
    expect(r.stdout).toContain(`    source: ${IMAGE_PINS.restic.source}`);
    expect(r.stdout).toContain(`    no digest: ${IMAGE_PINS.postgres.noDigest}`);
  });

  it("versions --json: the table as src/versions.ts holds it", async () => {
    const r = await cli(["versions", "--json"]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(IMAGE_PINS);
  });

  it("versions: an unexpected argument exits 2 with usage", async () => {
    const r = await cli(["versions", "prometheus"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("too many arguments for 'versions'");
  });

  it("validate: exit 0 for the shipped profiles", async () => {
    const r = await cli(["validate", profile("homelab-minimal"), profile("epyc-4004-prosumer")]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("homelab-minimal.yaml: valid HardwareProfile");
  });

  it("validate: exit 2, every problem of every file, no stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-cli-"));
    const bad = readFileSync(profile("homelab-minimal"), "utf8").replace("threads: 8", "threads: 2").replace("mtu: 1500", "mtu: 0");
    writeFileSync(join(dir, "bad.yaml"), bad);
    writeFileSync(join(dir, "broken.yaml"), "kind: [\n");
    const r = await cli(["validate", "bad.yaml", "broken.yaml"], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      "bad.yaml:14:14: spec.cpu.threads: threads must be at least cores (expected ≥ 4, got 2)",
      "bad.yaml:37:14: spec.network.interfaces[0].mtu: too small (expected ≥ 576, got 0)",
      expect.stringMatching(/^broken\.yaml:2:1: \(yaml\): /),
    ]);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("validate: an unknown kind is named with its location", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-cli-"));
    writeFileSync(join(dir, "x.yaml"), "apiVersion: immich-iac/v1\nkind: Widget\n");
    const r = await cli(["validate", "x.yaml"], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe('x.yaml:2:7: kind: not an allowed value (expected "HardwareProfile" or "Deployment", got "Widget")');
  });

  it("explain --json has the contract keys", async () => {
    const r = await cli(["explain", "--profile", profile("epyc-4004-prosumer"), "--json"]);
    expect(r.exitCode).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const key of ["totalMemoryMiB", "memoryBudgetMiB", "postgres", "immichConfig", "machineLearning", "zfs", "sysctl"]) expect(j).toHaveProperty(key);
    expect(j.totalMemoryMiB).toBe(131072);
    expect(j.machineLearning.backend).toBe("cuda");
    expect(j.postgres.shared_buffers).toBe("3891MB");
    expect(j.zfs["fast/immich/database"].recordsize).toBe("32K");
    expect(j.sysctl["vm.overcommit_memory"]).toBe("1");
  });

  it("explain prints every value with formula and source", async () => {
    const r = await cli(["explain", "--profile", profile("homelab-minimal")]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/shared_buffers\s+512MB\n\s+formula: ⌊2097152 kB \/ 4⌋ = 524288 kB\n\s+source:  PGTune/);
  });

  it("explain: a bad profile exits 2 with located errors", async () => {
    const r = await cli(["explain", "--profile", "nope.yaml"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe("nope.yaml:1:1: (file): file not found");
  });

  it("explain --deployment shows the deployment's tuning with each extra ML node, in the order of machineLearning.urls", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-cli-"));
    const fixtures = join(REPO, "test", "fixtures", "ml-nodes");
    const doc = parse(readFileSync(join(REPO, "deployments", "homelab.yaml"), "utf8"));
    doc.spec.machineLearning = {
      nodes: [
        { name: "pi", dockerHost: "ssh://immich-deploy@pi.lan", address: "192.168.10.31", hardwareProfile: join(fixtures, "rk3588-node.yaml") },
        { name: "gpu", dockerHost: "ssh://immich-deploy@gpu.lan", address: "192.168.10.30", hardwareProfile: join(fixtures, "nvidia-node.yaml") },
      ],
    };
    writeFileSync(join(dir, "d.yaml"), stringify(doc));
    const json = await cli(["explain", "--deployment", "d.yaml", "--json"], dir);
    expect(json.exitCode, json.stderr).toBe(0);
    const j = JSON.parse(json.stdout);
    expect(j.mlNodes.map((n: any) => [n.name, n.backend, n.imageSuffix, n.architecture, n.capacity])).toEqual([
      ["gpu", "cuda", "-cuda", "amd64", 12],
      ["pi", "rknn", "-rknn", "arm64", 2],
    ]);
    expect(j.immichConfig.job.smartSearch.concurrency).toBe(12);
    const table = await cli(["explain", "--deployment", "d.yaml"], dir);
    expect(table.stdout).toContain("ml node gpu (192.168.10.30, profile nvidia-node, url 1 of 3)");
    expect(table.stdout).toMatch(/smartSearch\s+12\n\s+formula: max\(default 2, min\(16, served by node "gpu" \(first in machineLearning.urls\): GPU: min\(16, max\(4, ⌊24 GiB VRAM \/ 2⌋\)\) = 12\)\)/);
  });

  it("explain --profile of an ML node's profile shows what the node gets; synth refuses it as a deployment, located", async () => {
    const file = join(REPO, "test", "fixtures", "ml-nodes", "rk3588-node.yaml");
    const j = JSON.parse((await cli(["explain", "--profile", file, "--json"])).stdout);
    expect(j).toEqual({ purpose: "ml-node", profile: "rk3588-node", architecture: "arm64", backend: "rknn", imageSuffix: "-rknn", memoryMiB: 4096, capacity: 2, env: expect.objectContaining({ MACHINE_LEARNING_WORKERS: "1" }) });
    expect((await cli(["explain", "--profile", file])).stdout).toContain("[ml node (profile rk3588-node, arm64)]");
    const dir = mkdtempSync(join(tmpdir(), "iac-cli-"));
    const synth = await cli(["synth", "--profile", file, "--out", join(dir, "out"), "--state", join(dir, "s.tfstate")]);
    expect(synth.exitCode).toBe(2);
    expect(synth.stderr.trim()).toBe(
      `${file}:7:12: spec.purpose: an ML node's profile cannot stand for a deployment (expected a profile with purpose immich-host, got "ml-node"): list it under a deployment's spec.machineLearning.nodes`,
    );
  });

  it("explain needs exactly one of --profile and --deployment", async () => {
    for (const args of [["explain"], ["explain", "--profile", profile("homelab-minimal"), "--deployment", "d.yaml"]]) {
      const r = await cli(args);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe("immich-iac explain: give --profile <file> or --deployment <file> (one of them)\n");
    }
  });

  it("schema prints the committed JSON Schema", async () => {
    const r = await cli(["schema"]);
    expect(r.stdout).toBe(readFileSync(join(REPO, "hardware-profiles", "schema.json"), "utf8"));
  });

  it("an unknown command or option exits 2", async () => {
    expect((await cli(["frobnicate"])).exitCode).toBe(2);
    expect((await cli(["explain", "--bogus"])).exitCode).toBe(2);
  });

  it("synth writes byte-identical stacks from two different directories", async () => {
    const a = mkdtempSync(join(tmpdir(), "iac-a-"));
    const b = mkdtempSync(join(tmpdir(), "iac-b-"));
    expect((await cli(["synth", "--out", join(a, "out")], a)).exitCode).toBe(0);
    expect((await cli(["synth", "--out", "out"], b)).exitCode).toBe(0);
    const stack = "stacks/example/cdk.tf.json";
    const ja = readFileSync(join(a, "out", stack), "utf8");
    expect(readFileSync(join(b, "out", stack), "utf8")).toBe(ja);
    expect(ja).not.toContain(a);
    expect(JSON.parse(ja).terraform.backend.local.path).toBe("../../../terraform.example.tfstate");
  });

  it("render writes every config file the stack deploys, and no secret", async () => {
    const out = mkdtempSync(join(tmpdir(), "iac-render-"));
    const r = await cli(["render", "--deployment", join(REPO, "deployments", "xeon-enterprise.yaml"), "--out", out]);
    expect(r.exitCode).toBe(0);
    const immich = JSON.parse(readFileSync(join(out, "immich", "immich.json"), "utf8"));
    expect(immich.ffmpeg.accel).toBe("qsv");
    expect(immich.machineLearning.urls).toEqual(["http://immich-xeon-enterprise-machine-learning:3003"]);
    expect(readFileSync(join(out, "postgres", "postgresql.override.conf"), "utf8")).toContain("work_mem = '36892kB'");
    // What PostgreSQL starts with (config_file): the image's configuration first, our override last.
    expect(readFileSync(join(out, "postgres", "immich-iac.conf"), "utf8")).toMatch(/include '\/etc\/postgresql\/postgresql\.conf'[\s\S]*include '\/etc\/postgresql\/postgresql\.override\.conf'/);
    expect(readFileSync(join(out, "redis", "redis.conf"), "utf8")).toContain("maxmemory-policy noeviction");
    expect(immich.oauth.clientSecret).toMatch(/^\$\{random_password\.[A-Za-z0-9_]+\.result\}$/);
    const files = ["caddy/Caddyfile", "authelia/configuration.yml", "authelia/users_database.yml", "postgres/postgresql.override.conf", "redis/redis.conf"];
    const all = files.map((f) => readFileSync(join(out, f), "utf8")).join("");
    expect(all).not.toMatch(/BEGIN (RSA )?PRIVATE KEY|\$2[aby]?\$\d+\$|_secret: [A-Za-z0-9]{20,}/);
    expect(readFileSync(join(out, "authelia", "configuration.yml"), "utf8")).toContain('client_secret: {{ secret "/secrets/oidc-client-secret-digest" | msquote }}');
    expect(readdirSync(join(out, "host"))).toEqual([
      "00-preflight.sh",
      "10-deploy-user.sh",
      "20-zfs.sh",
      "30-directories.sh",
      "40-sysctl.sh",
      "50-firewall.sh",
      "60-docker-daemon.sh",
    ]);
  });

  it("synth --profile builds a deployment with defaults for that profile", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "iac-prof-")), "out");
    const r = await cli(["synth", "--profile", profile("homelab-minimal"), "--out", out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim()).toBe(`synthesized ${out}/stacks/homelab-minimal/cdk.tf.json`);
  });

  it("synth: an invalid deployment exits 2 with located errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-cli-"));
    writeFileSync(join(dir, "d.yaml"), "apiVersion: immich-iac/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {hardwareProfile: nope, domain: x, timezone: UTC}\n");
    const r = await cli(["synth", "--deployment", "d.yaml", "--out", "out"], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split("\n")).toEqual([
      "d.yaml:4:7: spec.auth: required field is missing (expected a mapping, got nothing)",
      'd.yaml:4:25: spec.hardwareProfile: unknown hardware profile (expected a shipped profile — "epyc-4004-prosumer", "homelab-minimal" or "xeon-e2400-enterprise" — or a path to a .yaml file, got "nope")',
      'd.yaml:4:39: spec.domain: invalid format (expected a lowercase DNS name like photos.example.com (no IP, no scheme, no port), got "x")',
      "",
    ]);
  });
});


describe("cdktf.json app (what `cdktf synth` runs)", () => {
  it("synthesizes the example into CDKTF_OUTDIR, identical to immich-iac synth", async () => {
    const cfg = JSON.parse(readFileSync(join(REPO, "cdktf.json"), "utf8"));
    expect(cfg.output).toBe("cdktf.out");
    const viaApp = mkdtempSync(join(tmpdir(), "iac-app-"));
    const app = await execa("node", [join(REPO, "dist", "stacks", "main.js")], { cwd: REPO, env: { CDKTF_OUTDIR: viaApp }, reject: false });
    expect(app.exitCode, app.stderr).toBe(0);
    const viaCli = join(mkdtempSync(join(tmpdir(), "iac-cli-")), "out");
    expect((await cli(["synth", "--out", viaCli])).exitCode).toBe(0);
    const stack = join("stacks", "example", "cdk.tf.json");
    expect(readFileSync(join(viaApp, stack), "utf8")).toBe(readFileSync(join(viaCli, stack), "utf8"));
    expect(cfg.app).toBe("node dist/stacks/main.js");
  });

  // The app runs the unbundled library on cdktf as installed; the CLI runs its bundle, which leaves out cdktf's
  // archiver and token creation stack traces (scripts/bundle-cli.mjs): every shipped deployment must come out the same.
  it.each(["homelab", "xeon-enterprise"])("synthesizes the deployment IMMICH_IAC_DEPLOYMENT names (%s), identical to immich-iac synth --deployment", async (name) => {
    const file = join(REPO, "deployments", `${name}.yaml`);
    const viaApp = mkdtempSync(join(tmpdir(), "iac-app-"));
    const app = await execa("node", [join(REPO, "dist", "stacks", "main.js")], { cwd: REPO, env: { CDKTF_OUTDIR: viaApp, IMMICH_IAC_DEPLOYMENT: file }, reject: false });
    expect(app.exitCode, app.stderr).toBe(0);
    const viaCli = join(mkdtempSync(join(tmpdir(), "iac-cli-")), "out");
    expect((await cli(["synth", "--deployment", file, "--out", viaCli])).exitCode).toBe(0);
    const stack = join("stacks", name, "cdk.tf.json");
    expect(readFileSync(join(viaApp, stack), "utf8")).toBe(readFileSync(join(viaCli, stack), "utf8"));
  });

  it("an invalid IMMICH_IAC_DEPLOYMENT gets the located message and exit 2, no stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-app-bad-"));
    writeFileSync(join(dir, "bad.yaml"), "apiVersion: immich-iac/v1\nkind: Deployment\nmetadata: { name: Bad_Name }\n");
    const app = await execa("node", [join(REPO, "dist", "stacks", "main.js")], { cwd: dir, env: { CDKTF_OUTDIR: join(dir, "out"), IMMICH_IAC_DEPLOYMENT: "bad.yaml" }, reject: false });
    expect(app.exitCode).toBe(2);
    expect(app.stderr).toMatch(/^bad\.yaml:3:\d+: metadata\.name: /m);
    expect(app.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("immich-iac hash-password", () => {
  it("hashes a password read from stdin into Authelia's argon2id format", async () => {
    const r = await execa("node", [BIN, "hash-password"], { input: "correct horse battery staple\n", reject: false });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const { argon2Verify } = await import("hash-wasm");
    expect(await argon2Verify({ password: "correct horse battery staple", hash: r.stdout.trim() })).toBe(true);
  });

  it("refuses a short password with exit 2", async () => {
    const r = await execa("node", [BIN, "hash-password"], { input: "short", reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("immich-iac: password too short (expected at least 12 characters, got 5)");
  });
});

describe("immich-iac plan-report", () => {
  const fixture = (name: string) => join(REPO, "test", "fixtures", "plans", `${name}.json`);
  it.each([
    ["no-changes", 0],
    ["safe-memory-update", 2],
    ["minor-upgrade", 3],
    ["library-volume-replaced", 4],
    ["postgres-18", 4],
    ["drifted-network", 3],
  ])("%s exits %i", async (name, code) => {
    expect((await cli(["plan-report", fixture(name)])).exitCode).toBe(code);
  });

  it("names the risk, the service and the downtime in the terminal view", async () => {
    const r = await cli(["plan-report", fixture("minor-upgrade")]);
    expect(r.stdout.split("\n")[0]).toBe(
      "immich-iac plan report: maintenance window (exit 3): 0 blocked, 5 need a maintenance window, 2 safe, 1 unchanged; downtime: server (recreated (image)), job-handler (recreated (image)), machine-learning (recreated (image))",
    );
    expect(r.stdout).toContain("  ! docker_container.immich_server [server]: server recreated: downtime while it restarts (forced by image)");
    expect(r.stdout).toContain(
      "Upgrade checks\n  ! server: upgrade v3.1.0 → v3.2.0\n  ! machine-learning: upgrade v3.1.0 → v3.2.0\n  → before applying: immich-iac pre-upgrade --deployment <file> (database dump + ZFS snapshots of database and library)",
    );
  });

  it("an --allow flag names the risk it accepts", async () => {
    const r = await cli(["plan-report", fixture("library-volume-replaced"), "--allow-data-loss"]);
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toContain("[accepted: --allow-data-loss]");
    expect((await cli(["plan-report", fixture("library-volume-replaced")])).stdout).toContain("[needs --allow-data-loss]");
  });

  it("--markdown for a PR comment, --json for machines", async () => {
    const md = await cli(["plan-report", fixture("library-volume-replaced"), "--markdown"]);
    expect(md.stdout).toContain("### immich-iac plan: ⛔ blocked");
    expect(md.stdout).toContain("| ⛔ | `docker_volume.immich_library` |  | volume immich-home-library holds user data and would be recreated empty \\[needs --allow-data-loss\\] |");
    const json = JSON.parse((await cli(["plan-report", fixture("drifted-network"), "--json"])).stdout);
    expect(json).toMatchObject({ class: "maintenance window", exitCode: 3, downtime: { stack: "network recreated" }, drift: [{ address: "docker_network.immich_BackNetwork", attributes: ["options"] }] });
  });

  it("a plan that is not a plan is a located input error (exit 5, outside the verdicts)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-plan-"));
    writeFileSync(join(dir, "p.json"), '{\n  "format_version": "0.1",\n  "resource_changes": [{"address": "x"}]\n}\n');
    const r = await cli(["plan-report", "p.json"], dir);
    expect(r.exitCode).toBe(5);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      'p.json:2:21: format_version: invalid format (expected a Terraform JSON plan, format_version 1.x (terraform show -json tfplan), got "0.1")',
      "p.json:3:24: resource_changes[0].type: required field is missing (expected a string, got nothing)",
      "p.json:3:24: resource_changes[0].change: required field is missing (expected a mapping, got nothing)",
    ]);
  });
});

describe("immich-iac pre-upgrade", () => {
  it("--print shows the backup script for the deployment", async () => {
    const r = await cli(["pre-upgrade", "--deployment", join(REPO, "deployments", "example.yaml"), "--print"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("DB=immich-example-database\n");
    expect(r.stdout).toContain("snap=fast/immich/database@immich-iac-pre-upgrade-$LABEL\n");
    expect(r.stdout).toContain("snap=tank/immich/library@immich-iac-pre-upgrade-$LABEL\n");
  });

  it("item 1: pre-upgrade and backup refuse a tcp:// host, where no shell runs, instead of running here", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-cli-tcp-"));
    const file = join(dir, "tcp.yaml");
    const example = readFileSync(join(REPO, "deployments", "example.yaml"), "utf8");
    writeFileSync(
      file,
      example
        .replace(/^ {2}dockerHost: .*$/m, "  dockerHost: tcp://10.0.0.5:2376\n  dockerTls:\n    materialFromVariables: true")
        .replace(/^spec:$/m, "spec:\n  host:\n    manage: false"),
    );
    const message =
      "immich-iac: the Docker host tcp://10.0.0.5:2376 is reached over tcp://, where no shell runs: host commands need dockerHost ssh://user@host (or unix:// on the host itself); run the script by hand with --print\n";
    for (const args of [["pre-upgrade", "--deployment", file], ["backup", "status", "--deployment", file]]) {
      const r = await cli(args);
      expect(r.exitCode, args.join(" ")).toBe(2);
      expect(r.stderr).toBe(message);
    }
  });

  it("refuses an unsafe label", async () => {
    const r = await cli(["pre-upgrade", "--label", "a b;rm"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("immich-iac: --label must be letters, digits, dot, dash or underscore (got a b;rm)\n");
  });
});

describe("immich-iac backup", () => {
  const example = join(REPO, "deployments", "example.yaml");
  it("validate warns, without failing, about a deployment with no off-site copy", async () => {
    const homelab = join(REPO, "deployments", "homelab.yaml");
    const r = await cli(["validate", homelab, example]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr.split("\n").filter((l) => l.includes(": warning: "))).toEqual([
      `${homelab}: warning: spec.backup.offsite is not set: every copy of the photos and the database stays on this server, and losing it loses them`,
    ]);
  });

  it("validate notes, without failing, what a deploy user taken from ssh://user@… gets; not when it is named", async () => {
    const r = await cli(["validate", example]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      `${example}: note: the deploy user is "deploy", the SSH user of spec.dockerHost (spec.host.deployUser.name is not set): the host scripts add "deploy" to the docker group ` +
        `(root-equivalent), give it passwordless sudo (NOPASSWD: ALL) and lock its password (key login only). If "deploy" is a person's account, ` +
        `set spec.host.deployUser.name to a machine account like immich-deploy and connect as that one\n`,
    );
    const dir = mkdtempSync(join(tmpdir(), "iac-cli-"));
    const named = parse(readFileSync(example, "utf8"));
    named.spec.host = { deployUser: { name: "deploy" } };
    writeFileSync(join(dir, "d.yaml"), stringify(named));
    const quiet = await cli(["validate", "d.yaml"], dir);
    expect(quiet.exitCode, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe("");
  });

  it("--print shows the operations script with the deployment's containers", async () => {
    const r = await cli(["backup", "status", "--deployment", example, "--print"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("DB=immich-example-database\nDB_NAME=immich\nDB_USER=immich\nWAL_C=immich-example-backup-wal\nOFF_C=immich-example-backup\nSTATE_HOST=/srv/immich/backups/offsite\n");
  });

  it("refuses a target time that is not UTC, and a sample that is not a number, before touching the host", async () => {
    const t = await cli(["backup", "restore-drill", "--deployment", example, "--target-time", "yesterday; rm -rf /"]);
    expect(t.exitCode).toBe(2);
    expect(t.stderr).toBe('immich-iac: --target-time must be a UTC time like 2026-11-30T08:15:00Z (got "yesterday; rm -rf /")\n');
    const s2 = await cli(["backup", "restore-drill", "--deployment", example, "--sample", "-1"]);
    expect(s2.exitCode).toBe(2);
    expect(s2.stderr).toBe('immich-iac: --sample must be a number of files, 0–9999 (got "-1")\n');
  });
});

describe("immich-iac plan", () => {
  it("says which binary failed when Terraform is not there", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "iac-plan-")), "out");
    const r = await execa("node", [BIN, "plan", "--out", out], { reject: false, env: { TERRAFORM_BINARY: "/nonexistent/terraform" } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("immich-iac: /nonexistent/terraform was not found (install Terraform or OpenTofu, or set TERRAFORM_BINARY to its path)");
  });
});
