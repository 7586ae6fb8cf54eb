import { execa } from "execa";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IMMICH_IAC_VERSION } from "../../src/versions.js";
import { REPO } from "../util.js";

// The CLI as a CI gate and an operator's shell see it: the compiled bin in a child process.
const BIN = join(REPO, "dist", "immich-iac.cjs");
const cli = (args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) =>
  execa("node", [BIN, ...args], { cwd: opts.cwd ?? REPO, env: opts.env ?? {}, reject: false });
const privateDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A stand-in executable that records its arguments, one call per line, and exits as `script` says. */
function recorder(dir: string, name: string, script = "exit 0"): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$*" >>${JSON.stringify(join(dir, `${name}.calls`))}\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe("plan: exit codes a gate can trust, and what it says while it works", () => {
  it("init runs on every plan, so a failed init is tried again; each step is announced on stderr", async () => {
    const dir = privateDir("iac-gate-");
    // The fake terraform fails init the first time only, then fails plan: enough to see both attempts.
    const bin = recorder(dir, "terraform", `case "$1" in init) if [ -e ${JSON.stringify(join(dir, "inited"))} ]; then exit 0; fi; touch ${JSON.stringify(join(dir, "inited"))}; echo 'provider mirror unreachable' >&2; exit 1 ;; *) echo 'no' >&2; exit 1 ;; esac`);
    const args = ["plan", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--out", join(dir, "out")];
    const first = await cli(args, { env: { TERRAFORM_BINARY: bin } });
    expect(first.exitCode).toBe(1);
    expect(first.stderr).toContain(`immich-iac: ${bin} init failed (exit 1):\nprovider mirror unreachable`);
    const second = await cli(args, { env: { TERRAFORM_BINARY: bin } });
    expect(second.exitCode).toBe(1);
    expect(readFileSync(join(dir, "terraform.calls"), "utf8").split("\n").filter(Boolean).map((l) => l.split(" ")[0])).toEqual(["init", "init", "plan"]);
    expect(second.stderr.split("\n").slice(0, 5)).toEqual([
      `immich-iac: state: ${join(dir, "terraform.homelab.tfstate")} (holds every secret: keep it private, back it up, never commit it)`,
      `immich-iac: synth homelab → ${join(dir, "out", "stacks", "homelab")}`,
      `immich-iac: ${bin} init -input=false -no-color`,
      `immich-iac: ${bin} plan -input=false -no-color -out=${join(dir, "terraform.homelab.tfplan")}`,
      `immich-iac: ${bin} plan failed (exit 1):`,
    ]);
  });

  it("a missing deployment is not a verdict: exit 5, located", async () => {
    const r = await cli(["plan", "--deployment", "/nonexistent/d.yaml", "--out", join(privateDir("iac-gate-"), "out")]);
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toBe("/nonexistent/d.yaml:1:1: (file): file not found");
  });
});

describe("the saved plan holds every secret: kept with the state, private", () => {
  // Like Terraform: `plan -out=F` truncates and writes F (keeping the mode of an existing one), `show -json F` prints it.
  const fakeTerraform = (dir: string) =>
    recorder(
      dir,
      "terraform",
      `case "$1" in plan) f="\${4#-out=}"; printf 'SECRET-IN-PLAN' >"$f" ;; show) printf '{"format_version":"1.2","resource_changes":[]}' ;; esac; exit 0`,
    );
  const mode = async (path: string) => (await execa("stat", ["-c", "%a", path])).stdout;

  it("plan --out DIR writes the plan next to the state, 0600, in a directory created 0700", async () => {
    const dir = privateDir("iac-tfplan-");
    const bin = fakeTerraform(dir);
    const r = await cli(["plan", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--out", "out", "--state", "state/home.tfstate"], { cwd: dir, env: { TERRAFORM_BINARY: bin } });
    expect(r.exitCode, r.stderr).toBe(0);
    const planFile = join(dir, "state", "home.tfplan");
    expect(readFileSync(planFile, "utf8")).toBe("SECRET-IN-PLAN");
    expect(await mode(planFile)).toBe("600");
    expect(await mode(join(dir, "state"))).toBe("700");
    expect(readdirSync(join(dir, "out", "stacks", "homelab"))).not.toContain("tfplan");
    expect(readFileSync(join(dir, "terraform.calls"), "utf8")).toContain(`show -json ${planFile}\n`);
    expect(r.stderr).toContain(`immich-iac: saved plan: ${planFile} (holds every secret, like the state)`);
  });

  it("an existing plan file readable by others is made private before Terraform writes into it", async () => {
    const dir = privateDir("iac-tfplan-");
    const bin = fakeTerraform(dir);
    writeFileSync(join(dir, "terraform.homelab.tfplan"), "old", { mode: 0o644 });
    const r = await cli(["plan", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--out", join(dir, "out")], { env: { TERRAFORM_BINARY: bin } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await mode(join(dir, "terraform.homelab.tfplan"))).toBe("600");
  });

  it("a symbolic link where the plan goes is refused (exit 5), and nothing is written through it", async () => {
    const dir = privateDir("iac-tfplan-");
    const bin = fakeTerraform(dir);
    writeFileSync(join(dir, "victim"), "untouched");
    symlinkSync(join(dir, "victim"), join(dir, "terraform.homelab.tfplan"));
    const r = await cli(["plan", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--out", join(dir, "out")], { env: { TERRAFORM_BINARY: bin } });
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toContain(`${join(dir, "terraform.homelab.tfplan")}:1:1: (plan): the saved plan holds every secret and is a symbolic link (expected a regular file or none: remove it)`);
    expect(readFileSync(join(dir, "victim"), "utf8")).toBe("untouched");
  });

  it("plan with its state (and so its plan) under /tmp is refused before Terraform runs", async () => {
    const dir = privateDir("iac-tfplan-");
    const bin = fakeTerraform(dir);
    const r = await cli(["plan", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--out", "/tmp/immich-iac-gate-plan-out"], { env: { TERRAFORM_BINARY: bin } });
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toContain("/tmp is writable by every user");
    expect(existsSync(join(dir, "terraform.calls"))).toBe(false);
  });
});

describe("state: where the operator chose, never world-readable by accident", () => {
  it("--out under /tmp is refused, because the state would sit in /tmp", async () => {
    const r = await cli(["synth", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--out", "/tmp/immich-iac-gate-out"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      "/tmp/terraform.homelab.tfstate:1:1: (state): the Terraform state holds every secret and /tmp is writable by every user (expected a private directory: pass --state <file> in one, e.g. ~/immich-state/, or --out somewhere that is not shared)",
    );
  });

  // Only root can give a directory to another user (root's own directories are accepted, on purpose).
  const asRoot = process.getuid?.() === 0;
  it.skipIf(!asRoot)(`a state directory owned by another user is refused${asRoot ? "" : " (skipped: giving a directory to another user needs root)"}`, async () => {
    const dir = privateDir("iac-owner-");
    await execa("chown", ["nobody", dir]);
    const r = await cli(["synth", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--out", join(dir, "out")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`(state): the Terraform state holds every secret and ${dir} belongs to another user (uid `);
  });

  it("--state puts it where asked, in a directory created private, written as a path relative to the stack", async () => {
    const dir = privateDir("iac-state-");
    const r = await cli(["synth", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--out", "out", "--state", "state/prod.tfstate"], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`immich-iac: state: ${join(dir, "state", "prod.tfstate")} (holds every secret`);
    expect((await execa("stat", ["-c", "%a", join(dir, "state")])).stdout).toBe("700");
    const json = JSON.parse(readFileSync(join(dir, "out", "stacks", "homelab", "cdk.tf.json"), "utf8"));
    expect(json.terraform.backend).toEqual({ local: { path: "../../../state/prod.tfstate" } });
  });

  it("synth --out creates missing parents", async () => {
    const dir = privateDir("iac-out-");
    const r = await cli(["synth", "--profile", join(REPO, "hardware-profiles", "homelab-minimal.yaml"), "--out", join(dir, "a", "b", "c")]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "a", "b", "c", "stacks"))).toEqual(["homelab-minimal"]);
  });
});

describe("pre-upgrade over SSH: no deployment value can become an ssh option", () => {
  it("user and port are option values and the host follows --", async () => {
    const dir = privateDir("iac-ssh-");
    recorder(dir, "ssh");
    const r = await cli(["pre-upgrade", "--deployment", join(REPO, "deployments", "example.yaml"), "--label", "before-v3"], { env: { PATH: `${dir}:${process.env.PATH}` } });
    expect(r.exitCode, r.stderr).toBe(0);
    // The remote command is one argument for the host's shell; it passes the SSH connection through sudo by name.
    expect(readFileSync(join(dir, "ssh.calls"), "utf8")).toBe('-p 22 -l deploy -- photos.example.com sudo -n env "IMMICH_IAC_SSH_CONNECTION=${SSH_CONNECTION:-}" bash -s -- before-v3\n');
  });

  it("leaves no temporary directory behind", async () => {
    const tmp = privateDir("iac-tmp-");
    const r = await cli(["pre-upgrade", "--deployment", join(REPO, "deployments", "example.yaml"), "--print"], { env: { TMPDIR: tmp } });
    expect(r.exitCode).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe("small things an operator meets first", () => {
  it("--version prints the package version", async () => {
    const r = await cli(["--version"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(IMMICH_IAC_VERSION);
    expect(IMMICH_IAC_VERSION).toBe(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version);
  });

  it("--deployment with --profile is a usage error (exit 2)", async () => {
    const r = await cli(["render", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--profile", join(REPO, "hardware-profiles", "homelab-minimal.yaml"), "--out", "x"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("error: option '--profile <name|file>' cannot be used with option '--deployment <file>'");
  });

  it("explain --profile <a deployment> names the kind instead of listing its fields", async () => {
    const file = join(REPO, "deployments", "homelab.yaml");
    const r = await cli(["explain", "--profile", file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      `${file}:2:7: kind: this is a Deployment, not a HardwareProfile (expected kind: HardwareProfile; pass it as --deployment; its hardware profile is the file named in spec.hardwareProfile)\n`.trimEnd(),
    );
  });
});
