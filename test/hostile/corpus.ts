import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { container, plan, volume } from "../plan/plan-fixtures.js";
import { baseProfile, REPO } from "../util.js";

/**
 * Hostile and malformed inputs, each tried through the real CLI (test/hostile/corpus.test.ts). A case is
 * either refused — exit 2 (5 from plan-report), every line `file:line:col: path: message`, within 10 s and
 * 1 GiB, never quoting what it must not — or accepted, and then what it renders is checked by the programs
 * that consume it.
 */
export interface HostileCase {
  readonly id: string;
  /** Arguments after `immich-iac`; `dir` is the case's scratch directory. */
  readonly args: (dir: string) => string[];
  /** Writes the case's files into `dir`. */
  readonly setup?: (dir: string) => void;
  readonly expect: "refused" | "accepted";
  /** A part of the message, when the case is about one. */
  readonly says?: string;
  /** Text of the input that must never reach the output (file content that is not ours). */
  readonly secret?: string;
  /** Errors about arguments are not about a file: they need not be located. */
  readonly unlocated?: boolean;
}

const PRIVATE_KEY_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACDCaseSecretMaterial";
const PRIVATE_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${PRIVATE_KEY_BODY}\n-----END OPENSSH PRIVATE KEY-----\n`;
const SHADOW = "root:$6$CaseSecretHash$abcdefghijklmnopqrstuv:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n";

const text = (dir: string, name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

/** The base profile with one change, as YAML. */
function profileWith(change: (p: Record<string, any>) => void): string {
  const p = baseProfile();
  change(p);
  return stringify(p);
}

const BASE_DEPLOYMENT = () => parse(readFileSync(join(REPO, "deployments", "homelab.yaml"), "utf8")) as Record<string, any>;

/** The homelab deployment with one change, as YAML. */
function deploymentWith(change: (d: Record<string, any>) => void): string {
  const d = BASE_DEPLOYMENT();
  change(d);
  return stringify(d);
}

const validate = (name: string) => (dir: string) => ["validate", join(dir, name)];
const planReport = (name: string, ...flags: string[]) => (dir: string) => ["plan-report", ...flags, join(dir, name)];

function profileCase(id: string, expect: HostileCase["expect"], change: (p: Record<string, any>) => void, says?: string): HostileCase {
  return { id: `profile/${id}`, args: validate("p.yaml"), setup: (d) => text(d, "p.yaml", profileWith(change)), expect, ...(says ? { says } : {}) };
}
function rawProfileCase(id: string, content: string | Buffer, says?: string, secret?: string): HostileCase {
  return { id: `profile/${id}`, args: validate("p.yaml"), setup: (d) => text(d, "p.yaml", content), expect: "refused", ...(says ? { says } : {}), ...(secret ? { secret } : {}) };
}
function deploymentCase(id: string, expect: HostileCase["expect"], change: (d: Record<string, any>) => void, says?: string): HostileCase {
  return { id: `deployment/${id}`, args: validate("d.yaml"), setup: (d) => text(d, "d.yaml", deploymentWith(change)), expect, ...(says ? { says } : {}) };
}
/** The homelab deployment as YAML text with `edit` applied to the text: for what stringify cannot write (tags, anchors). */
function rawDeploymentCase(id: string, edit: (text: string) => string, says?: string): HostileCase {
  return { id: `deployment/${id}`, args: validate("d.yaml"), setup: (d) => text(d, "d.yaml", edit(deploymentWith(() => undefined))), expect: "refused", ...(says ? { says } : {}) };
}
function planCase(id: string, content: string | Buffer | ((dir: string) => string), says?: string, secret?: string): HostileCase {
  return {
    id: `plan/${id}`,
    args: planReport("plan.json"),
    setup: (d) => (typeof content === "function" ? content(d) : text(d, "plan.json", content)),
    expect: "refused",
    ...(says ? { says } : {}),
    ...(secret ? { secret } : {}),
  };
}

const pool = (p: Record<string, any>) => p.spec.storage.pools[0];
const spec = (d: Record<string, any>) => d.spec;
const VALID_PLAN = () => plan([container("server", ["delete", "create"]), volume("library", true, ["no-op"])]);

export const HOSTILE_CASES: readonly HostileCase[] = [
  // ---- files that are not documents --------------------------------------------------------------------
  { id: "file/dev-zero", args: () => ["validate", "/dev/zero"], expect: "refused", says: "not a regular file (expected a text file, got a character device)" },
  { id: "file/dev-urandom", args: () => ["validate", "/dev/urandom"], expect: "refused", says: "not a regular file" },
  { id: "file/directory", args: (d) => ["validate", d], expect: "refused", says: "got a directory" },
  { id: "file/missing", args: (d) => ["validate", join(d, "nope.yaml")], expect: "refused", says: "file not found" },
  { id: "file/fifo-without-writer", args: (d) => ["validate", join(d, "fifo")], setup: (d) => execFileSync("mkfifo", [join(d, "fifo")]), expect: "refused", says: "got a pipe" },
  { id: "file/too-large", args: validate("big.yaml"), setup: (d) => text(d, "big.yaml", `# ${"x".repeat(2 * 1024 * 1024)}\n`), expect: "refused", says: "file too large (expected at most 1 MiB, got 2 MiB)" },
  { id: "file/private-key", args: validate("id_ed25519"), setup: (d) => text(d, "id_ed25519", PRIVATE_KEY), expect: "refused", secret: PRIVATE_KEY_BODY },
  { id: "file/shadow", args: validate("shadow"), setup: (d) => text(d, "shadow", SHADOW), expect: "refused", secret: "CaseSecretHash" },
  { id: "file/proc-environ", args: () => ["validate", "/proc/self/environ"], expect: "refused" },
  { id: "file/utf16le", args: validate("u.yaml"), setup: (d) => text(d, "u.yaml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("kind: HardwareProfile\n", "utf16le")])), expect: "refused", says: "the file is UTF-16" },
  { id: "file/utf16be", args: validate("u.yaml"), setup: (d) => text(d, "u.yaml", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("kind: x\n", "utf16le").swap16()])), expect: "refused", says: "the file is UTF-16" },
  { id: "file/nul-byte", args: validate("n.yaml"), setup: (d) => text(d, "n.yaml", "kind: HardwareProfile\nmetadata:\n  name: a\u0000b\n"), expect: "refused", says: "n.yaml:3:10: (file): a NUL byte" },
  { id: "file/invalid-utf8", args: validate("b.yaml"), setup: (d) => text(d, "b.yaml", Buffer.from([0x6b, 0x3a, 0x20, 0xc3, 0x28, 0x0a])), expect: "refused", says: "invalid UTF-8" },
  { id: "file/random-bytes", args: validate("r.bin"), setup: (d) => text(d, "r.bin", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), expect: "refused" },
  { id: "file/empty", args: validate("e.yaml"), setup: (d) => text(d, "e.yaml", ""), expect: "refused" },
  { id: "file/only-comments", args: validate("c.yaml"), setup: (d) => text(d, "c.yaml", "# nothing here\n# at all\n"), expect: "refused" },

  // ---- YAML that attacks the parser ---------------------------------------------------------------------
  rawProfileCase("deep-flow-nesting", `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, "nesting too deep (expected at most 64 levels)"),
  rawProfileCase("deep-block-nesting", Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " 1\n", "nesting too deep"),
  rawProfileCase("alias-bomb", ["a: &a [x,x,x,x,x,x,x,x,x]", ..."bcdefghij".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefghij"[i]}`).join(",")}]`)].join("\n") + "\n", "aliases"),
  rawProfileCase("unresolved-alias", "apiVersion: immich-iac/v1\nkind: HardwareProfile\nmetadata: *nope\n", "unresolved alias (expected an anchor &nope before it)"),
  rawProfileCase("unknown-keys-20000", `apiVersion: immich-iac/v1\nkind: HardwareProfile\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join("\n")}\n`, "and more problems not shown"),
  rawProfileCase("duplicate-key", "apiVersion: immich-iac/v1\nkind: HardwareProfile\nkind: HardwareProfile\n", "duplicate key"),
  rawProfileCase("merge-key", profileWith(() => undefined).replace("metadata:\n", "defaults: &d {description: x}\nmetadata:\n  <<: *d\n"), "YAML merge keys are not supported"),
  rawProfileCase("tab-indentation", "apiVersion: immich-iac/v1\nkind: HardwareProfile\nmetadata:\n\tname: x\n"),
  rawProfileCase("unterminated-quote", 'apiVersion: "immich-iac/v1\nkind: HardwareProfile\n'),
  rawProfileCase("two-documents", `${profileWith(() => undefined)}---\n${profileWith(() => undefined)}`),
  rawProfileCase("root-list", "- a\n- b\n", "not an immich-iac document (expected apiVersion: immich-iac/v1 and kind: HardwareProfile, got a list of 2 without them)"),
  rawProfileCase("root-scalar", "just text\n", "not an immich-iac document"),
  rawProfileCase("root-null", "~\n", "got null without them"),
  rawProfileCase("someone-elses-yaml", "password: hunter2-CaseSecretHash\ndatabase_url: postgres://u:p@h/db\n", "got a mapping without them"),
  rawProfileCase("python-tag", profileWith(() => undefined).replace("model: EPYC 4464P", 'model: !!python/object/apply:os.system ["touch PWNED"]')),
  rawProfileCase("binary-tag", profileWith(() => undefined).replace("model: EPYC 4464P", "model: !!binary aGVsbG8=")),
  rawProfileCase("self-referencing-anchor", profileWith(() => undefined).replace("metadata:\n", "metadata: &m\n  extra: *m\n"), "an alias inside its own anchor"),
  rawDeploymentCase("omap-ingress", (t) => t.replace(/^  ingress:\n( {4}.*\n)+/m, "  ingress: !!omap [{tls: {mode: internal}}]\n"), "a YAML tag is not allowed here"),
  rawDeploymentCase("omap-host", (t) => `${t}  host: !!omap [{manage: false}]\n`, "a YAML tag is not allowed here"),
  rawDeploymentCase("omap-monitoring", (t) => `${t}  monitoring: !!omap [{enabled: false}]\n`, "a YAML tag is not allowed here"),
  rawDeploymentCase("set-tag", (t) => `${t}  imageDigests: !!set {server}\n`, "a YAML tag is not allowed here"),
  rawDeploymentCase("custom-tag", (t) => `${t}  dataRoot: !path /srv/immich\n`, "a YAML tag is not allowed here"),
  rawProfileCase("complex-key", profileWith(() => undefined).replace("metadata:\n", "? [a, b]\n: x\nmetadata:\n"), "a complex key (expected a plain field name"),
  { id: "profile/yaml-1.1-directive", args: validate("p.yaml"), setup: (d) => text(d, "p.yaml", `%YAML 1.1\n---\n${profileWith(() => undefined)}`), expect: "accepted" },
  rawProfileCase("huge-line", `apiVersion: immich-iac/v1\nkind: HardwareProfile\nmetadata:\n  name: ${"a".repeat(900_000)}\n`, "got a text of 900000 characters"),
  rawProfileCase("crlf-and-control", "apiVersion: immich-iac/v1\r\nkind: HardwareProfile\r\nmetadata:\r\n  name: \u001b[2Jx\r\n"),

  // ---- profile values out of the world --------------------------------------------------------------------
  profileCase("total-gib-1e300", "refused", (p) => (p.spec.memory.totalGiB = 1e300), "too big (expected ≤ 16384"),
  profileCase("total-gib-negative", "refused", (p) => (p.spec.memory.totalGiB = -64)),
  profileCase("total-gib-nan", "refused", (p) => (p.spec.memory.totalGiB = Number.NaN)),
  profileCase("total-gib-infinity", "refused", (p) => (p.spec.memory.totalGiB = Number.POSITIVE_INFINITY)),
  profileCase("total-gib-string", "refused", (p) => (p.spec.memory.totalGiB = "64GiB")),
  profileCase("threads-4e15", "refused", (p) => (p.spec.cpu.threads = 4e15), "too big (expected ≤ 1024"),
  profileCase("cores-zero", "refused", (p) => (p.spec.cpu.cores = 0)),
  profileCase("cores-fraction", "refused", (p) => (p.spec.cpu.cores = 1.5)),
  profileCase("cores-above-threads", "refused", (p) => Object.assign(p.spec.cpu, { cores: 64, threads: 32 })),
  profileCase("speed-1e9-gbps", "refused", (p) => (p.spec.network.interfaces[0].speedGbps = 1e9)),
  profileCase("mtu-100000", "refused", (p) => (p.spec.network.interfaces[0].mtu = 100_000)),
  profileCase("interface-name-16-chars", "refused", (p) => (p.spec.network.interfaces[0].name = "a".repeat(16))),
  profileCase("accelerator-memory-1e12", "refused", (p) => (p.spec.accelerators = [{ kind: "nvidia-gpu", model: "x", memoryGiB: 1e12, uses: ["machine-learning"] }])),
  profileCase("device-command-substitution", "refused", (p) => (pool(p).devices[0] = "/dev/$(touch${IFS}PWNED)"), "expected a device path under /dev/"),
  profileCase("device-double-quote", "refused", (p) => (pool(p).devices[0] = '/dev/x"'), "expected a device path under /dev/"),
  profileCase("device-backtick", "refused", (p) => (pool(p).devices[0] = "/dev/`id`")),
  profileCase("device-dot-dot", "refused", (p) => (pool(p).devices[0] = "/dev/../etc/passwd")),
  profileCase("device-relative", "refused", (p) => (pool(p).devices[0] = "dev/sda")),
  profileCase("device-newline", "refused", (p) => (pool(p).devices[0] = "/dev/sda\nrm -rf /")),
  profileCase("device-space", "refused", (p) => (pool(p).devices[0] = "/dev/disk/by-id/a b")),
  profileCase("device-dev-mem", "refused", (p) => (pool(p).devices[0] = "/dev/mem"), "expected a disk's device path"),
  profileCase("device-nvme-controller", "refused", (p) => (pool(p).devices[0] = "/dev/nvme0"), "expected a disk's device path"),
  profileCase("devices-300", "refused", (p) => (pool(p).devices = Array.from({ length: 300 }, (_, i) => `/dev/sd${i}`))),
  profileCase("pool-name-option", "refused", (p) => (pool(p).name = "-rf")),
  profileCase("pool-name-space", "refused", (p) => (pool(p).name = "fast pool")),
  profileCase("model-newline", "refused", (p) => (p.spec.cpu.model = "EPYC\nrm -rf /"), "control characters and line breaks are not allowed"),
  profileCase("model-template", "refused", (p) => (p.spec.cpu.model = '{{ secret "/etc/shadow" }}'), "template braces are not allowed"),
  profileCase("model-ansi-escape", "refused", (p) => (p.spec.cpu.model = "\u001b[2JEPYC")),
  profileCase("model-bidi-override", "refused", (p) => (p.spec.cpu.model = "EPYC\u202e4464")),
  profileCase("description-10k", "refused", (p) => (p.metadata.description = "d".repeat(10_000)), "too long (expected at most 500 characters"),
  profileCase("name-uppercase", "refused", (p) => (p.metadata.name = "Test-Box")),
  profileCase("name-64-chars", "refused", (p) => (p.metadata.name = "a".repeat(64))),
  profileCase("unknown-media", "refused", (p) => (pool(p).media = "floppy")),
  profileCase("wrong-api-version", "refused", (p) => (p.apiVersion = "immich-iac/v9")),
  profileCase("required-null", "refused", (p) => (p.spec.memory = null)),
  profileCase("role-twice", "refused", (p) => p.spec.storage.pools[1].roles.push("database")),
  {
    id: "profile/deployment-as-profile",
    args: () => ["explain", "--profile", join(REPO, "deployments", "homelab.yaml")],
    expect: "refused",
    says: "kind: this is a Deployment, not a HardwareProfile (expected kind: HardwareProfile; pass it as --deployment",
  },
  // Accepted: the extremes and odd-but-valid values; what they render is checked by the consumers.
  profileCase("largest-hardware", "accepted", (p) => {
    Object.assign(p.spec.cpu, { cores: 512, threads: 1024 });
    p.spec.memory.totalGiB = 16384;
    p.spec.network.interfaces[0].speedGbps = 800;
  }),
  profileCase("smallest-hardware", "accepted", (p) => {
    Object.assign(p.spec.cpu, { cores: 1, threads: 1 });
    p.spec.memory.totalGiB = 6;
    p.spec.network.interfaces[0] = { name: "eth0", speedGbps: 0.1, mtu: 576 };
  }),
  profileCase("odd-but-valid-names", "accepted", (p) => {
    pool(p).name = "NaN.1e5:x_y-z";
    pool(p).devices = ["/dev/disk/by-id/nvme-Samsung_SSD_990_PRO_2TB_S7+x:1@a", "/dev/disk/by-path/pci-0000:00:1f.2-ata-1"];
    p.spec.network.interfaces[0].name = "1e9";
    p.spec.cpu.model = `EPYC "4464P" 'x' $(id) \`id\` ; & | < > \\ €`;
    p.metadata.description = "Ünïcödé 📷 — $HOME $PATH";
  }),

  // ---- deployments --------------------------------------------------------------------------------------
  deploymentCase("profile-is-private-key", "refused", (d) => (spec(d).hardwareProfile = "./id_ed25519")),
  deploymentCase("profile-escapes-to-shadow", "refused", (d) => (spec(d).hardwareProfile = "./shadow")),
  deploymentCase("profile-dev-zero", "refused", (d) => (spec(d).hardwareProfile = "/dev/zero"), "not a regular file"),
  deploymentCase("profile-directory", "refused", (d) => (spec(d).hardwareProfile = "/etc/"), "not a regular file"),
  deploymentCase("profile-missing", "refused", (d) => (spec(d).hardwareProfile = "./nope.yaml"), "hardware profile file not found"),
  deploymentCase("docker-host-proxycommand", "refused", (d) => (spec(d).dockerHost = "ssh://-oProxyCommand=touch${IFS}PWNED@host"), "with a Linux user name"),
  deploymentCase("docker-host-config-option", "refused", (d) => (spec(d).dockerHost = "ssh://-Fx@host"), "with a Linux user name"),
  deploymentCase("docker-host-dash-host", "refused", (d) => (spec(d).dockerHost = "ssh://deploy@-oProxyCommand=x"), "as host, not starting with '-'"),
  deploymentCase("docker-host-port-99999", "refused", (d) => (spec(d).dockerHost = "ssh://deploy@host:99999"), "with a port of 1-65535"),
  deploymentCase("docker-host-port-0", "refused", (d) => (spec(d).dockerHost = "ssh://deploy@host:0")),
  deploymentCase("docker-host-root", "refused", (d) => (spec(d).dockerHost = "ssh://root@host"), "the deploy user defaults to the SSH user and must not be root"),
  deploymentCase("docker-host-tcp-port", "refused", (d) => (spec(d).dockerHost = "tcp://host:70000")),
  deploymentCase("docker-host-unix-substitution", "refused", (d) => (spec(d).dockerHost = "unix:///var/run/$(id).sock")),
  deploymentCase("docker-host-http", "refused", (d) => (spec(d).dockerHost = "http://host:2375")),
  // Issue 20 items 1 and 3: where host scripts run, TLS for tcp://, one machine one host plan.
  deploymentCase("docker-host-tcp-plaintext", "refused", (d) => Object.assign(spec(d), { dockerHost: "tcp://10.0.0.5:2375", host: { manage: false } }), "a tcp:// Docker host needs TLS"),
  deploymentCase("docker-host-tcp-managed", "refused", (d) => Object.assign(spec(d), { dockerHost: "tcp://10.0.0.5:2376", dockerTls: { materialFromVariables: true } }), "they would run on the machine that runs Terraform"),
  deploymentCase("docker-tls-on-ssh", "refused", (d) => Object.assign(spec(d), { dockerHost: "ssh://deploy@host", dockerTls: { certPath: "/etc/tls" } }), "TLS settings are for a tcp:// Docker host"),
  deploymentCase("ml-node-unix-managed", "refused", (d) => (spec(d).machineLearning = { nodes: [{ name: "gpu", dockerHost: "unix:///run/gpu.sock", address: "192.168.1.30", hardwareProfile: "homelab-minimal" }] }), "with unix:// they would run on the machine that runs Terraform"),
  deploymentCase("ml-node-same-machine-spelled", "refused", (d) => Object.assign(spec(d), { dockerHost: "ssh://deploy@photos.lan", machineLearning: { nodes: [{ name: "gpu", dockerHost: "ssh://ml@PHOTOS.lan:22", address: "192.168.1.30", hardwareProfile: "homelab-minimal" }] } }), "one machine, one host plan"),
  deploymentCase("ml-node-loopback-on-local", "refused", (d) => (spec(d).machineLearning = { nodes: [{ name: "gpu", dockerHost: "ssh://ml@127.0.0.1", address: "192.168.1.30", hardwareProfile: "homelab-minimal" }] }), "the machine that runs Terraform"),
  deploymentCase("data-root-etc", "refused", (d) => (spec(d).dataRoot = "/etc"), 'not a place for data that must last (expected a directory of its own below /srv, /data, /mnt, /media, /opt, /tank, /home/<user> or at /var/lib/immich, like /srv/immich, got "/etc")'),
  deploymentCase("data-root-slash", "refused", (d) => (spec(d).dataRoot = "/"), "not a place for data that must last"),
  deploymentCase("data-root-usr", "refused", (d) => (spec(d).dataRoot = "/usr/local/immich"), "not a place for data that must last"),
  ...["/tmp/immich", "/var/tmp/immich", "/snap/immich", "/dev/shm/immich", "/run/immich", "/var/lib/immich-old", "/home/alice"].map((root) =>
    deploymentCase(`data-root-${root.slice(1).replace(/\//g, "-")}`, "refused", (d) => (spec(d).dataRoot = root)),
  ),
  deploymentCase("data-root-docker", "refused", (d) => (spec(d).dataRoot = "/var/lib/docker/immich")),
  deploymentCase("data-root-dot-dot", "refused", (d) => (spec(d).dataRoot = "/srv/../etc")),
  deploymentCase("data-root-double-slash", "refused", (d) => (spec(d).dataRoot = "/srv//immich")),
  deploymentCase("data-root-relative", "refused", (d) => (spec(d).dataRoot = "srv/immich")),
  deploymentCase("data-root-home", "refused", (d) => (spec(d).dataRoot = "/home")),
  // External libraries (issue 24): folders bound into Immich's containers and checked by the host scripts.
  ...(
    [
      ["etc", { hostPath: "/etc" }, "not a folder of photos"],
      ["root-home", { hostPath: "/root/photos" }, "not a folder of photos"],
      ["docker-data", { hostPath: "/var/lib/docker/volumes" }, "not a folder of photos"],
      ["proc", { hostPath: "/proc/self/root" }, "not a pseudo file system"],
      ["dot-dot", { hostPath: "/mnt/../etc" }, "expected an absolute folder path on the Docker host"],
      ["shell", { hostPath: "/mnt/$(reboot)" }, "expected an absolute folder path on the Docker host"],
      ["template", { hostPath: "/mnt/${path.root}" }, "expected an absolute folder path on the Docker host"],
      ["import-path-escape", { importPaths: ["../../etc"] }, "expected a folder below hostPath"],
      ["import-path-newline", { importPaths: ["2019\nrm -rf /"] }, "control characters and line breaks are not allowed"],
      ["name-path", { name: "../../x" }, "expected a library name"],
      ["owner-unknown", { owner: "root" }, "not a user of this deployment"],
      ["inside-data-root", { hostPath: "/srv/immich/library" }, "overlaps the data root"],
    ] as const
  ).map(([id, change, says]) =>
    deploymentCase(`library-${id}`, "refused", (d) => (spec(d).libraries = { external: [{ name: "old", hostPath: "/mnt/nas/old", owner: "family", ...change }] }), says),
  ),
  deploymentCase("library-accepted", "accepted", (d) => (spec(d).libraries = { external: [{ name: "old", hostPath: "/mnt/nas/old", owner: "family", importPaths: ["2019", "Scans 1998"], exclusionPatterns: ["**/@eaDir/**"] }] })),
  deploymentCase("data-root-space", "refused", (d) => (spec(d).dataRoot = "/srv/im mich")),
  deploymentCase("deploy-user-root", "refused", (d) => (spec(d).host = { deployUser: { name: "root" } }), "the deploy user must not be root"),
  deploymentCase("deploy-user-option", "refused", (d) => (spec(d).host = { deployUser: { name: "-oProxyCommand" } })),
  deploymentCase("ssh-port-99999", "refused", (d) => (spec(d).host = { sshPort: 99_999 })),
  deploymentCase("ssh-port-contradicts-docker-host", "refused", (d) => {
    spec(d).dockerHost = "ssh://deploy@host:2222";
    spec(d).host = { sshPort: 22 };
  }, "contradicts spec.dockerHost, which connects on SSH port 2222"),
  deploymentCase("deploy-user-www-data", "refused", (d) => (spec(d).host = { deployUser: { name: "www-data" } }), "is a system account"),
  deploymentCase("docker-host-user-nobody", "refused", (d) => (spec(d).dockerHost = "ssh://nobody@host"), "is a system account"),
  deploymentCase("authorized-key-newline", "refused", (d) => (spec(d).host = { deployUser: { authorizedKeys: ["ssh-ed25519 AAAA x\nIMMICH_IAC_EOF\ntouch PWNED"] } })),
  deploymentCase("authorized-key-control", "refused", (d) => (spec(d).host = { deployUser: { authorizedKeys: ["ssh-ed25519 AAAA \u001b[2J"] } })),
  deploymentCase("smtp-sender-template", "refused", (d) => (spec(d).auth.notifier = { mode: "smtp", address: "submission://smtp.example.com:587", username: "u", sender: '{{ secret "/etc/shadow" }}' }), "template braces are not allowed"),
  deploymentCase("smtp-username-template", "refused", (d) => (spec(d).auth.notifier = { mode: "smtp", address: "submission://smtp.example.com:587", username: "{{ env \"HOME\" }}", sender: "a@example.com" }), "template braces are not allowed"),
  deploymentCase("smtp-username-newline", "refused", (d) => (spec(d).auth.notifier = { mode: "smtp", address: "submission://smtp.example.com:587", username: "u\nsecret: x", sender: "a@example.com" }), "line breaks are not allowed"),
  deploymentCase("smtp-sender-crlf", "refused", (d) => (spec(d).auth.notifier = { mode: "smtp", address: "submission://smtp.example.com:587", username: "u", sender: "a@example.com\r\nBcc: x@evil.example" })),
  deploymentCase("smtp-port-99999", "refused", (d) => (spec(d).auth.notifier = { mode: "smtp", address: "submission://smtp.example.com:99999", username: "u", sender: "a@example.com" })),
  deploymentCase("display-name-template", "refused", (d) => (spec(d).auth.users[0].displayName = "{{ .Env }}")),
  deploymentCase("display-name-terraform-template", "refused", (d) => (spec(d).auth.users[0].displayName = '${file("/etc/shadow")}'), "Terraform would evaluate them"),
  deploymentCase("description-terraform-directive", "refused", (d) => (d.metadata.description = '%{ for x in [1] }x%{ endfor }'), "Terraform would evaluate them"),
  deploymentCase("key-comment-terraform-template", "refused", (d) => (spec(d).host = { deployUser: { authorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvLd8n6Bd9L0n0hF0ZxYyq0dQ1s8m0p4x3cQ8Hh0kPq ${file("/etc/shadow")}'] } }), "Terraform would evaluate them"),
  deploymentCase("password-in-clear", "refused", (d) => (spec(d).auth.users[0].passwordHash = "hunter2"), "expected an argon2id hash"),
  deploymentCase("group-with-space", "refused", (d) => (spec(d).auth.users[0].groups = ["ad mins"])),
  deploymentCase("name-28-chars", "refused", (d) => (d.metadata.name = "a".repeat(28)), "1-27 characters"),
  deploymentCase("tls-file-injection", "refused", (d) => (spec(d).ingress = { tls: { mode: "files", certificateFile: '/etc/ssl/x"; rm -rf /', keyFile: "/etc/ssl/k.pem" } })),
  deploymentCase("tls-file-relative", "refused", (d) => (spec(d).ingress = { tls: { mode: "files", certificateFile: "cert.pem", keyFile: "/etc/ssl/k.pem" } })),
  deploymentCase("immich-version-moving", "refused", (d) => (spec(d).immichVersion = "release")),
  deploymentCase("immich-version-injection", "refused", (d) => (spec(d).immichVersion = "v3.1.0; rm -rf /")),
  deploymentCase("domain-uppercase", "refused", (d) => (spec(d).domain = "Photos.Example.com")),
  deploymentCase("domain-ip", "refused", (d) => (spec(d).domain = "192.168.1.10")),
  deploymentCase("timezone-path", "refused", (d) => (spec(d).timezone = "../../etc/passwd")),
  deploymentCase("postgres-tag-injection", "refused", (d) => (spec(d).postgres = { imageTag: "17-vectorchord0.4.3 --privileged" })),
  deploymentCase("postgres-digest-short", "refused", (d) => (spec(d).postgres = { imageDigest: "sha256:abc" })),
  deploymentCase("cuda-without-gpu", "refused", (d) => (spec(d).machineLearning = { backend: "cuda" })),
  deploymentCase("users-empty", "refused", (d) => (spec(d).auth.users = [])),
  deploymentCase("user-twice", "refused", (d) => spec(d).auth.users.push({ ...spec(d).auth.users[0] })),
  deploymentCase("backup-endpoint-template", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "https://${var.x}.example.com", bucket: "b-1", region: "r" } }), "expected an S3 endpoint URL"),
  deploymentCase("backup-endpoint-credentials", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "https://key:secret@s3.example.com", bucket: "b-1", region: "r" } }), "no path or credentials"),
  deploymentCase("backup-endpoint-plain-http-public", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "http://s3.example.com", bucket: "b-1", region: "r" } }), "plain http only to a private IP address"),
  deploymentCase("backup-endpoint-http-private-by-name", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "http://10.evil.example.com", bucket: "b-1", region: "r" } }), "plain http only to a private IP address"),
  deploymentCase("backup-endpoint-999", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "https://999.999.999.999", bucket: "b-1", region: "r" } }), "four numbers 0–255"),
  deploymentCase("backup-bucket-ip", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "https://s3.example.com", bucket: "192.168.1.1", region: "r" } }), "not an IP address"),
  deploymentCase("backup-bucket-reserved-suffix", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "https://s3.example.com", bucket: "photos-s3alias", region: "r" } }), 'reserved suffix "-s3alias"'),
  deploymentCase("password-hash-4-gib", "refused", (d) => (spec(d).auth.users[0].passwordHash = "$argon2id$v=19$m=4194304,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys"), "argon2id cost out of bounds"),
  deploymentCase("ml-node-broadcast", "refused", (d) => (spec(d).machineLearning = { nodes: [{ name: "gpu", dockerHost: "ssh://immich-deploy@gpu.lan", address: "192.168.1.255", hardwareProfile: "homelab-minimal" }] }), "broadcast (.255)"),
  deploymentCase("ca-file-shadow", "refused", (d) => (spec(d).ingress = { tls: { mode: "files", certificateFile: "/etc/ssl/c.pem", keyFile: "/etc/ssl/k.pem", caFile: "/etc/shadow" } }), "a file of the host's secrets cannot be the CA file"),
  deploymentCase("backup-bucket-newline", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "https://s3.example.com", bucket: "b-1\n$(id)", region: "r" } }), "expected an S3 bucket name"),
  deploymentCase("backup-prefix-dotdot", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "https://s3.example.com", bucket: "b-1", region: "r", prefix: "a/../../etc" } }), "expected a folder path"),
  deploymentCase("backup-prefix-quote", "refused", (d) => (spec(d).backup = { offsite: { endpoint: "https://s3.example.com", bucket: "b-1", region: "r", prefix: "a'; rm -rf /" } }), "expected a folder path"),
  deploymentCase("backup-interval-7", "refused", (d) => (spec(d).backup = { intervalHours: 7 }), "expected hours that divide a day"),
  deploymentCase("backup-retention-huge", "refused", (d) => (spec(d).backup = { retention: { daily: 1e12 } })),
  deploymentCase("backup-offsite-valid", "accepted", (d) => (spec(d).backup = { offsite: { endpoint: "http://10.0.0.5:9000", bucket: "home.photos-1", region: "garage", prefix: "immich_iac/home-1" } })),
  deploymentCase("monitoring-email-template", "refused", (d) => (spec(d).monitoring = { enabled: true, alerts: { email: { to: ["{{ .Secret }}@example.com"] } } }), "expected an e-mail address"),
  deploymentCase("monitoring-on-small-host", "accepted", (d) => (spec(d).monitoring = { enabled: true, retentionDays: 3650 })),
  deploymentCase("name-27-chars", "accepted", (d) => (d.metadata.name = "a".repeat(27))),
  deploymentCase("odd-but-valid-values", "accepted", (d) => {
    d.metadata.description = `Ünïcödé 📷 "quoted" 'single' $(id) \`id\` ; & | < > \\`;
    spec(d).dataRoot = "/srv/immich.data_1";
    spec(d).auth.users[0].displayName = `O'Brien "Ma" $(id) <b>`;
    spec(d).auth.notifier = { mode: "smtp", address: "submission://smtp.example.com:587", username: "o'brien+immich@example.com", sender: "O'Brien Photos <photos@example.com>" };
    spec(d).host = { sshPort: 2222, deployUser: { name: "_deploy-1", authorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvLd8n6Bd9L0n0hF0ZxYyq0dQ1s8m0p4x3cQ8Hh0kPq $(touch PWNED) `id` ' \" ; \\"] } };
  }),

  // ---- plans ------------------------------------------------------------------------------------------------
  planCase("dev-zero-through-a-symlink", (d) => {
    symlinkSync("/dev/zero", join(d, "plan.json"));
    return join(d, "plan.json");
  }, "not a regular file (expected a text file, got a character device)"),
  planCase("yaml-not-json", "format_version: '1.2'\nresource_changes: []\n", "plan.json:1:1: (json): not valid JSON"),
  planCase("truncated", JSON.stringify(VALID_PLAN()).slice(0, 200), "not valid JSON"),
  planCase("trailing-garbage", `${JSON.stringify(VALID_PLAN())}\n}`, "not valid JSON"),
  planCase("empty", "", "not valid JSON"),
  planCase("null", "null"),
  planCase("array", "[]"),
  planCase("format-version-2", JSON.stringify({ ...VALID_PLAN(), format_version: "2.0" }), "format_version"),
  planCase("resource-changes-object", JSON.stringify({ format_version: "1.2", resource_changes: {} })),
  planCase("unknown-action", JSON.stringify({ format_version: "1.2", resource_changes: [{ address: "x", type: "docker_container", change: { actions: ["explode"] } }] })),
  planCase("private-key", PRIVATE_KEY, "not valid JSON", PRIVATE_KEY_BODY),
  planCase("utf16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(VALID_PLAN()), "utf16le")]), "UTF-16"),
  planCase("nul-byte", `{"format_version":"1.2",\u0000}`, "a NUL byte"),
  planCase("too-large", (d) => {
    const path = join(d, "plan.json");
    writeFileSync(path, Buffer.alloc(65 * 1024 * 1024, 0x20));
    return path;
  }, "file too large (expected at most 64 MiB"),
  planCase("directory", (d) => {
    mkdirSync(join(d, "plan.json"));
    return d;
  }, "got a directory"),
  { id: "plan/no-argument", args: () => ["plan-report"], expect: "refused", unlocated: true },
  { id: "plan/two-arguments", args: (d) => ["plan-report", join(d, "a.json"), join(d, "b.json")], expect: "refused", unlocated: true },
  {
    id: "plan/control-characters-in-addresses",
    args: planReport("plan.json", "--markdown"),
    setup: (d) => text(d, "plan.json", JSON.stringify(plan([{ ...container("server", ["update"]), address: "docker_container.a\u001b[2J|`x`\u202e" }]))),
    expect: "accepted",
  },
  {
    id: "plan/deep-json",
    args: planReport("plan.json"),
    setup: (d) => text(d, "plan.json", JSON.stringify(plan([container("server", ["update"])])).replace('"memory":2048', `"memory":2048,"deep":${"[".repeat(50_000)}${"]".repeat(50_000)}`)),
    expect: "accepted",
  },

  // ---- arguments ----------------------------------------------------------------------------------------------
  { id: "args/deployment-and-profile", args: () => ["synth", "--deployment", join(REPO, "deployments", "homelab.yaml"), "--profile", join(REPO, "hardware-profiles", "homelab-minimal.yaml")], expect: "refused", unlocated: true, says: "cannot be used with option" },
  { id: "args/state-in-tmp", args: () => ["synth", "--profile", join(REPO, "hardware-profiles", "homelab-minimal.yaml"), "--out", "/tmp/immich-iac-corpus-out"], expect: "refused", says: "is writable by every user" },
  {
    id: "args/profile-name-too-long-for-a-deployment",
    args: (d) => ["synth", "--profile", join(d, "p.yaml"), "--out", join(d, "out")],
    setup: (d) => text(d, "p.yaml", profileWith((p) => (p.metadata.name = "a".repeat(50)))),
    expect: "refused",
    says: "p.yaml:4:9: metadata.name: too long to name the deployment --profile makes of it (expected at most 27 characters, got 50)",
  },
  { id: "args/validate-nothing", args: () => ["validate"], expect: "refused", unlocated: true },
  { id: "args/unknown-command", args: () => ["destroy-everything"], expect: "refused", unlocated: true },
  { id: "args/pre-upgrade-label", args: () => ["pre-upgrade", "--label", "a b;rm -rf /"], expect: "refused", unlocated: true, says: "--label must be" },
];

/**
 * Files every case's directory holds, so that any case pointing at them (a deployment's hardwareProfile,
 * a plan path) would leak them if a message ever quoted file content.
 */
export function writeBait(dir: string): void {
  text(dir, "id_ed25519", PRIVATE_KEY);
  text(dir, "shadow", SHADOW);
}

/** Text of the bait files that must never appear in any output. */
export const BAIT_SECRETS = [PRIVATE_KEY_BODY, "CaseSecretHash"] as const;
