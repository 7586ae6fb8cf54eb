import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../src/deployment/load-deployment.js";
import { formatProblem, InputError } from "../src/profile/problems.js";
import { hashPasswordCommand, passwordFromPipe } from "../src/cli/commands/hash-password.js";
import { problemsOfText, shippedProfileText } from "./util.js";

/** issue 20 items 9–14: inputs that were read as something else, or accepted although wrong. */

const HASH = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys";

/** A valid deployment as text, with `extra` lines appended under `spec:` (two-space indent). */
function deploymentText(extra: string[] = [], name = "t"): string {
  return [
    "apiVersion: immich-iac/v1",
    "kind: Deployment",
    "metadata:",
    `  name: ${name}`,
    "spec:",
    "  hardwareProfile: homelab-minimal",
    "  domain: photos.example.com",
    "  timezone: UTC",
    "  auth:",
    "    users:",
    `      - {name: alice, displayName: Alice, email: alice@example.com, passwordHash: "${HASH}"}`,
    ...extra,
    "",
  ].join("\n");
}
/** The first line number `extra` lines get in {@link deploymentText}. */
const EXTRA_LINE = 12;

/** Problems of a deployment text, formatted as the CLI prints them, the temp dir removed. */
function deploymentProblems(text: string, files: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), "iac-hard-"));
  for (const [f, content] of Object.entries(files)) writeFileSync(join(dir, f), content);
  writeFileSync(join(dir, "d.yaml"), text);
  try {
    loadDeploymentFile(join(dir, "d.yaml"));
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => formatProblem(p).replace(`${dir}/`, ""));
  }
}

const TAG_REFUSED = (tag: string) =>
  `(yaml): a YAML tag is not allowed here (expected a plain value, or one of !!str, !!int, !!float, !!bool, !!null on a scalar; got "${tag}", which makes the value something else than it reads)`;

describe("9: YAML tags other than the core schema's scalars are refused at the tag", () => {
  it("the base text is valid", () => {
    expect(deploymentProblems(deploymentText())).toEqual([]);
  });

  it.each([
    ["ingress: !!omap [{tls: {mode: internal}}]", "!!omap"],
    ["host: !!omap [{manage: false}]", "!!omap"],
    ["monitoring: !!omap [{enabled: false}]", "!!omap"],
    ["monitoring: !!pairs [{enabled: false}]", "!!pairs"],
    ["monitoring: !!set {enabled}", "!!set"],
    ["monitoring: !!map {enabled: false}", "!!map"],
    ["jobHandler: {replicas: !foo 2}", "!foo"],
    ["dataRoot: !!binary L3Nydi9pbW1pY2g=", "!!binary"],
  ])("%s", (line, tag) => {
    const col = `  ${line}`.indexOf(tag) + 1;
    expect(deploymentProblems(deploymentText([`  ${line}`]))).toEqual([`d.yaml:${EXTRA_LINE}:${col}: ${TAG_REFUSED(tag)}`]);
  });

  it("every tag at once, each where it is written, also a tag on the line before its value", () => {
    const text = deploymentText(["  ingress: !!omap", "    - tls: {mode: internal}", "  host: !!omap [{manage: false}]"]);
    expect(deploymentProblems(text)).toEqual([`d.yaml:${EXTRA_LINE}:12: ${TAG_REFUSED("!!omap")}`, `d.yaml:${EXTRA_LINE + 2}:9: ${TAG_REFUSED("!!omap")}`]);
  });

  it("a %TAG directive cannot make !!str mean something else", () => {
    const text = `%TAG !! tag:evil.example,2000:\n---\n${deploymentText().replace("timezone: UTC", "timezone: !!str UTC")}`;
    expect(deploymentProblems(text)).toEqual([`d.yaml:10:13: ${TAG_REFUSED("!!str")}`]);
  });

  it("the core scalar tags keep working", () => {
    const text = deploymentText(["  timezone2: x"]).replace("  timezone2: x\n", "").replace("timezone: UTC", "timezone: !!str UTC").replace("  auth:", "  mountLocaltime: !!bool true\n  jobHandler: {replicas: !!int 2}\n  auth:");
    expect(deploymentProblems(text)).toEqual([]);
  });
});

describe("12: the loader's work is bounded by its input", () => {
  it("an alias inside its own anchor is a located problem, not a crash", () => {
    const text = "apiVersion: immich-iac/v1\nkind: HardwareProfile\nmetadata: &m {name: x, extra: *m}\n";
    expect(problemsOfText(text, "p.yaml")).toEqual([
      "p.yaml:3:31: (yaml): an alias inside its own anchor (expected *m after the value &m names, got a value that contains itself without end)",
    ]);
  });

  it("the same in a deployment", () => {
    const text = deploymentText().replace("  name: t", "  name: t\n  labels: &m [x, *m]");
    expect(deploymentProblems(text)).toEqual(["d.yaml:5:18: (yaml): an alias inside its own anchor (expected *m after the value &m names, got a value that contains itself without end)"]);
  });

  it("aliases of a large value are refused once they expand past 1 MiB in all", () => {
    const big = "x".repeat(200_000);
    const text = `apiVersion: immich-iac/v1\nkind: HardwareProfile\na: &a ${big}\nb: [${Array(6).fill("*a").join(", ")}]\n`;
    // Five copies (1,000,000 characters) fit; the sixth is where it passes 1 MiB.
    expect(problemsOfText(text, "p.yaml")).toEqual(["p.yaml:4:25: (yaml): aliases expand to too much text (expected at most 1 MiB in all, got more at this alias: write the values out)"]);
  });

  it("nested aliases count what they expand to", () => {
    const text = `apiVersion: immich-iac/v1\nkind: HardwareProfile\na: &a ${"x".repeat(100_000)}\nb: &b [*a, *a, *a, *a, *a]\nc: [*b, *b]\n`;
    expect(problemsOfText(text, "p.yaml")).toEqual(["p.yaml:5:9: (yaml): aliases expand to too much text (expected at most 1 MiB in all, got more at this alias: write the values out)"]);
  });
});

describe("14: smaller holes in the deployment's values", () => {
  const offsite = (endpoint: string, bucket = "photos-1") => [`  backup: {offsite: {endpoint: "${endpoint}", bucket: "${bucket}", region: r}}`];
  const at = (field: string) => `d.yaml:${EXTRA_LINE}:`;

  it.each(["http://10.evil.example.com", "http://192.168.evil.example", "http://127.0.0.1.nip.io:9000", "http://localhost:9000", "http://8.8.8.8", "http://[2001:db8::1]:9000", "http://172.32.0.1"])(
    "plain http to %s is refused: only a private IP literal, never a name",
    (endpoint) => {
      const [p] = deploymentProblems(deploymentText(offsite(endpoint)));
      expect(p).toContain("spec.backup.offsite.endpoint: expected https:// (plain http only to a private IP address written as such");
    },
  );

  it.each(["http://10.0.0.5:9000", "http://172.31.255.1", "http://192.168.1.20:3900", "http://[fd00::5]:9000", "https://s3.eu-central-003.backblazeb2.com"])("%s is accepted", (endpoint) => {
    expect(deploymentProblems(deploymentText(offsite(endpoint)))).toEqual([]);
  });

  it.each(["https://999.999.999.999", "https://10.0.0", "http://010.0.0.5"])("%s is neither a name nor an address", (endpoint) => {
    expect(deploymentProblems(deploymentText(offsite(endpoint)))).toEqual([
      expect.stringMatching(/spec\.backup\.offsite\.endpoint: expected (a DNS name or an IPv4 address of four numbers 0–255 without leading zeros|https:\/\/)/),
    ]);
  });

  it.each([
    ["192.168.1.1", "that is not an IP address"],
    ["xn--photos", 'without the reserved prefix "xn--"'],
    ["sthree-photos", 'without the reserved prefix "sthree-"'],
    ["amzn-s3-demo-photos", 'without the reserved prefix "amzn-s3-demo-"'],
    ["photos-s3alias", 'without the reserved suffix "-s3alias"'],
    ["photos--ol-s3", 'without the reserved suffix "--ol-s3"'],
    ["photos.mrap", 'without the reserved suffix ".mrap"'],
    ["photos--x-s3", 'without the reserved suffix "--x-s3"'],
    ["photos.-1", "parts between dots begin and end with a letter or digit"],
    ["photos-.1", "parts between dots begin and end with a letter or digit"],
    ["Photos", "3–63 lowercase letters"],
    ["ab", "3–63 lowercase letters"],
    ["a".repeat(64), "3–63 lowercase letters"],
  ])("bucket %s is refused (%s)", (bucket, says) => {
    const [p] = deploymentProblems(deploymentText(offsite("https://s3.example.com", bucket)));
    expect(p).toMatch(new RegExp(`^${at("bucket")}\\d+: spec\\.backup\\.offsite\\.bucket: expected an S3 bucket name`));
    expect(p).toContain(says);
  });

  it("a bucket with dots between valid parts is accepted", () => {
    expect(deploymentProblems(deploymentText(offsite("https://s3.example.com", "home.photos-1")))).toEqual([]);
  });

  it.each([
    ["example.com", "auth.example.com", "metrics.example.com"],
    ["photos.example.com", "auth.example.com", "metrics.example.com"],
    ["example.co.uk", "auth.example.co.uk", "metrics.example.co.uk"],
    ["photos.example.co.uk", "auth.example.co.uk", "metrics.example.co.uk"],
    ["photos.home.example.org", "auth.home.example.org", "metrics.home.example.org"],
    ["photos.alice.github.io", "auth.alice.github.io", "metrics.alice.github.io"],
  ])("domain %s derives %s and %s, never a name under a public suffix", (domain, auth, metrics) => {
    const dir = mkdtempSync(join(tmpdir(), "iac-hard-"));
    writeFileSync(join(dir, "d.yaml"), deploymentText(["  monitoring: {enabled: true}"]).replace("photos.example.com", domain).replace("homelab-minimal", "epyc-4004-prosumer"));
    const d = loadDeploymentFile(join(dir, "d.yaml"));
    expect([d.ingress.authDomain, d.monitoring.domain]).toEqual([auth, metrics]);
  });

  it("a 1,000-character hardwareProfile is never echoed back", () => {
    const ref = `./${"a".repeat(995)}.yaml`;
    const problems = deploymentProblems(deploymentText().replace("hardwareProfile: homelab-minimal", `hardwareProfile: ${ref}`));
    expect(problems).toEqual([expect.stringMatching(/^d\.yaml:6:20: spec\.hardwareProfile: hardware profile file not found \(expected an existing \.yaml file, got a text of \d+ characters\)$/)]);
  });

  it("a short hardwareProfile name is quoted once", () => {
    const [p] = deploymentProblems(deploymentText().replace("hardwareProfile: homelab-minimal", "hardwareProfile: raspberry-pi"));
    expect(p!.split("raspberry-pi").length - 1).toBe(1);
  });

  it.each(["10.0.0.0", "10.0.0.255", "192.168.1.255", "999.999.999.999"])("ML node address %s is refused", (address) => {
    const node = `  machineLearning: {nodes: [{name: gpu, dockerHost: "ssh://deploy@gpu.lan", address: "${address}", hardwareProfile: homelab-minimal}]}`;
    const [p] = deploymentProblems(deploymentText([node]));
    expect(p).toMatch(/spec\.machineLearning\.nodes\[0\]\.address: expected (a host's address, not the network \(\.0\) or broadcast \(\.255\) address of its \/24|an IPv4 address like 192\.168\.1\.20)/);
  });

  it("immichHostAddress: a broadcast address is refused", () => {
    const [p] = deploymentProblems(deploymentText(["  machineLearning: {immichHostAddress: 192.168.1.255}"]));
    expect(p).toBe(`d.yaml:${EXTRA_LINE}:40: spec.machineLearning.immichHostAddress: expected a host's address, not the network (.0) or broadcast (.255) address of its /24 (got 192.168.1.255)`);
  });

  it.each([
    ["m=4194304,t=3,p=4", "got m=4194304,t=3,p=4"],
    ["m=65536,t=1000000000,p=4", "got m=65536,t=1000000000,p=4"],
    ["m=65536,t=3,p=255", "got m=65536,t=3,p=255"],
    ["m=65536,t=0,p=4", "got m=65536,t=0,p=4"],
    ["m=16,t=3,p=4", "got m=16,t=3,p=4"],
  ])("a password hash with argon2 cost %s is refused", (cost, says) => {
    const text = deploymentText().replace("m=65536,t=3,p=4", cost);
    const [p] = deploymentProblems(text);
    expect(p).toContain("spec.auth.users[0].passwordHash: argon2id cost out of bounds (expected m ≤ 131072 KiB");
    expect(p).toContain(says);
  });

  it("the largest allowed argon2 cost is accepted", () => {
    expect(deploymentProblems(deploymentText().replace("m=65536,t=3,p=4", "m=131072,t=16,p=64"))).toEqual([]);
  });

  it("monitoring on a 6 GiB host is a located problem, not a crash at synth", () => {
    const profile = shippedProfileText("homelab-minimal").replace(/totalGiB: \d+/, "totalGiB: 6");
    const text = deploymentText(["  monitoring:", "    enabled: true"]).replace("hardwareProfile: homelab-minimal", "hardwareProfile: ./small.yaml");
    expect(deploymentProblems(text, { "small.yaml": profile })).toEqual([
      expect.stringMatching(new RegExp(`^d\\.yaml:${EXTRA_LINE + 1}:14: spec\\.monitoring\\.enabled: monitoring does not fit in 6 GiB of RAM \\(expected at least 256 MiB for Prometheus, got -?\\d+ MiB of the \\d+ MiB the memory budget leaves monitoring\\): set spec\\.monitoring\\.enabled: false`)),
    ]);
  });
});

describe("14: hash-password takes the password a pipe gives, one line ending dropped", () => {
  it.each([
    ["password12345\n", "password12345"],
    ["password12345\r\n", "password12345"],
    ["password12345\r", "password12345"],
    ["password12345", "password12345"],
    ["pässwörd12345\n", "pässwörd12345"],
  ])("%j → %j", (input, password) => {
    expect(passwordFromPipe(Buffer.from(input))).toBe(password);
  });

  it("a password left with a line break inside is refused, not hashed", async () => {
    const err: string[] = [];
    const out: string[] = [];
    const code = await hashPasswordCommand({ out: (t) => out.push(t), err: (t) => err.push(t) }, async () => passwordFromPipe(Buffer.from("password12345\r\n\r\n")));
    expect([code, out, err]).toEqual([2, [], ["immich-iac: the password has a line break inside (expected one line: a login form cannot type it)\n"]]);
  });
});

describe("11: tls.caFile is a CA certificate, dataRoot a place for lasting data", () => {
  const tlsFiles = (caFile: string, dockerHost?: string) => [
    ...(dockerHost ? [`  dockerHost: "${dockerHost}"`] : []),
    `  ingress: {tls: {mode: files, certificateFile: /etc/ssl/certs/photos.pem, keyFile: /etc/ssl/photos.key, caFile: "${caFile}"}}`,
  ];
  /** A self-signed CA certificate made here with openssl, so it parses as one. */
  const caPem = (() => {
    const dir = mkdtempSync(join(tmpdir(), "iac-ca-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=test CA", "-days", "2", "-keyout", join(dir, "ca.key"), "-out", join(dir, "ca.pem")], { stdio: "ignore" });
    return { cert: readFileSync(join(dir, "ca.pem"), "utf8"), key: readFileSync(join(dir, "ca.key"), "utf8") };
  })();
  const caProblem = (caFile: string, dockerHost?: string) => {
    // The certificate and key files of the proxy are not what is tested here: a remote host skips their existence check.
    const problems = deploymentProblems(deploymentText(tlsFiles(caFile, dockerHost)));
    return problems.filter((p) => p.includes("caFile"));
  };

  it.each([
    ["/etc/shadow", "a file of the host's secrets cannot be the CA file: it is mounted into the Immich server (expected a CA certificate like /etc/ssl/certs/private-ca.pem, got a path that is /etc/shadow)"],
    ["/etc/ssh/ssh_host_ed25519_key", "got a path under /etc/ssh"],
    ["/root/ca.pem", "got a path under /root"],
    ["/etc/ssl/private/ca.pem", "got a path under /etc/ssl/private"],
    ["/home/alice/.ssh/id_ed25519.pem", "a key file cannot be the CA file"],
    ["/etc/ssl/ca.key", "a key file cannot be the CA file"],
    ["/etc/ssl/photos.key", "the CA file is the private key file"],
    ["/etc/ssl/ca.txt", 'expected a PEM certificate file ending in .pem, .crt or .cer (got "/etc/ssl/ca.txt")'],
  ])("caFile %s is refused even on a remote host", (caFile, says) => {
    const [p] = caProblem(caFile, "ssh://immich-deploy@photos.lan");
    expect(p).toMatch(/^d\.yaml:\d+:\d+: spec\.ingress\.tls\.caFile: /);
    expect(p).toContain(says);
  });

  it.each([
    ["certificateFile", "/proc/self/environ"],
    ["keyFile", "/dev/mem"],
    ["certificateFile", "/sys/kernel/debug"],
    ["keyFile", "/proc/self/fd/0"],
  ])("the proxy's %s %s, on a pseudo file system, is refused at its line (found by the schema walk)", (field, path) => {
    const line = `  ingress: {tls: {mode: files, certificateFile: ${field === "certificateFile" ? path : "/etc/ssl/certs/photos.pem"}, keyFile: ${field === "keyFile" ? path : "/etc/ssl/photos.key"}}}`;
    const problems = deploymentProblems(deploymentText(['  dockerHost: "ssh://immich-deploy@photos.lan"', line]));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^d\\.yaml:\\d+:\\d+: spec\\.ingress\\.tls\\.${field}: expected a file, not a pseudo file system`)));
  });

  it("on a local Docker host, the file is read: a certificate passes", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-ca-"));
    writeFileSync(join(dir, "ca.pem"), caPem.cert);
    expect(caProblem(join(dir, "ca.pem"))).toEqual([]);
  });

  it.each([
    ["missing.pem", undefined, "file not found on this Docker host"],
    ["shadow.pem", "root:$6$CaseSecretHash$x:19000:0:99999:7:::\n", "not a PEM certificate (expected a file starting with -----BEGIN CERTIFICATE-----, got other content in"],
    ["bundle.pem", "KEY_AFTER_CERT", "the file holds a private key next to the certificate"],
    ["broken.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "not a valid certificate"],
    ["link.pem", "LINK", "a symbolic link (expected the certificate file itself"],
    ["dir.pem", "DIR", "not a regular file"],
  ])("on a local Docker host, %s is refused, its content never quoted", (name, content, says) => {
    const dir = mkdtempSync(join(tmpdir(), "iac-ca-"));
    const path = join(dir, name);
    if (content === "KEY_AFTER_CERT") writeFileSync(path, caPem.cert + caPem.key);
    else if (content === "LINK") {
      writeFileSync(join(dir, "real.pem"), caPem.cert);
      symlinkSync(join(dir, "real.pem"), path);
    } else if (content === "DIR") mkdirSync(path);
    else if (content !== undefined) writeFileSync(path, content);
    const [p] = caProblem(path);
    expect(p).toContain("spec.ingress.tls.caFile: ");
    expect(p).toContain(says);
    expect(p).not.toContain("CaseSecretHash");
    expect(p).not.toContain("PRIVATE KEY-----\n");
  });

  it.each(["/tmp/immich", "/var/tmp/immich", "/snap/immich", "/dev/shm/immich", "/run/immich", "/etc/immich", "/var/lib/docker/immich", "/usr/local/immich", "/", "/var/lib/immich-old"])(
    "dataRoot %s is refused: not below an allowed parent",
    (root) => {
      expect(deploymentProblems(deploymentText([`  dataRoot: ${root}`]))).toEqual([
        `d.yaml:${EXTRA_LINE}:13: spec.dataRoot: not a place for data that must last (expected a directory of its own below /srv, /data, /mnt, /media, /opt, /tank, /home/<user> or at /var/lib/immich, like /srv/immich, got "${root}")`,
      ]);
    },
  );

  it.each(["/srv", "/mnt", "/home", "/home/alice"])("dataRoot %s is refused: a top-level directory", (root) => {
    expect(deploymentProblems(deploymentText([`  dataRoot: ${root}`]))).toEqual([
      `d.yaml:${EXTRA_LINE}:13: spec.dataRoot: a top-level directory cannot be the data root (expected a directory of its own below /srv, /data, /mnt, /media, /opt, /tank, /home/<user> or at /var/lib/immich, like ${root}/immich, got "${root}")`,
    ]);
  });

  it.each(["/srv/immich", "/data/photos", "/mnt/tank/immich", "/media/usb/immich", "/opt/immich", "/tank/immich", "/var/lib/immich", "/var/lib/immich/data", "/home/alice/immich"])("dataRoot %s is accepted", (root) => {
    expect(deploymentProblems(deploymentText([`  dataRoot: ${root}`]))).toEqual([]);
  });
});
