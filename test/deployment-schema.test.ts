import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../src/deployment/load-deployment.js";
import { isValidTimezone } from "../src/deployment/deployment-schema.js";
import { deploymentTuning } from "../src/deployment/deployment-tuning.js";
import { deriveHostPlan } from "../src/host/derive-host-plan.js";
import { renderHostScripts } from "../src/renderers/host/index.js";
import { hostScriptCommand } from "../constructs/host-resources.js";
import { formatProblem, InputError } from "../src/profile/problems.js";
import { MlBackend } from "../src/tuning/accelerators.js";
import { computeTuning } from "../src/tuning/tuning.js";
import { baseProfile, REPO, shippedProfile } from "./util.js";
import { SHIPPED_DEPLOYMENTS } from "./stack-util.js";

export const TEST_USER = {
  name: "alice",
  displayName: "Alice",
  email: "alice@example.com",
  groups: ["admins"],
  passwordHash: "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$3IYn0mH6tdKk8xbbVxAj3XW6lTrtX1bZb0kfH6Eh8ys",
};

function deployment(spec: Record<string, unknown> = {}): Record<string, any> {
  return {
    apiVersion: "immich-iac/v1",
    kind: "Deployment",
    metadata: { name: "t" },
    spec: { hardwareProfile: "homelab-minimal", domain: "photos.example.com", timezone: "Europe/Berlin", ...spec, auth: spec.auth ?? { users: [TEST_USER] } },
  };
}

/** Writes the deployment (and optional extra files) to a temp dir and returns its problems without file:line:col. */
function problems(doc: unknown, extra: Record<string, unknown> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
  for (const [f, content] of Object.entries(extra)) writeFileSync(join(dir, f), stringify(content));
  const file = join(dir, "d.yaml");
  writeFileSync(file, stringify(doc));
  try {
    loadDeploymentFile(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => formatProblem(p).replace(dir + "/", ""));
  }
}

describe("deployment files", () => {
  it.each(SHIPPED_DEPLOYMENTS)("accepts the shipped deployment %s", (name) => {
    expect(() => loadDeploymentFile(join(REPO, "deployments", `${name}.yaml`))).not.toThrow();
  });

  it("fills defaults: local socket, current Immich release, Redis, one job handler", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    writeFileSync(join(dir, "d.yaml"), stringify(deployment()));
    expect(loadDeploymentFile(join(dir, "d.yaml"))).toMatchObject({
      name: "t",
      dockerHost: "unix:///var/run/docker.sock",
      immichVersion: "v3.2.2",
      redisEngine: "redis",
      jobHandlerReplicas: 1,
      postgres: { imageTag: "17-vectorchord1.1.1-pgvector0.8.5" },
    });
  });

  it("transcoding.acceleration: software overrides the profile's transcoding accelerator; auto keeps it", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    const load = (spec: Record<string, unknown>) => {
      writeFileSync(join(dir, "d.yaml"), stringify(deployment({ hardwareProfile: "xeon-e2400-enterprise", ...spec })));
      return loadDeploymentFile(join(dir, "d.yaml"));
    };
    expect(load({}).softwareTranscoding).toBe(false);
    const software = load({ transcoding: { acceleration: "software" } });
    expect(software.softwareTranscoding).toBe(true);
    const tuning = computeTuning(software.profile, { softwareTranscoding: true });
    expect(tuning.transcode.value).toBe("disabled");
    expect(tuning.transcode.formula).toBe("deployment chose software transcoding → disabled (software ffmpeg)");
    expect(computeTuning(software.profile).transcode.value).toBe("qsv");
    expect(problems(deployment({ transcoding: { acceleration: "gpu" } }))[0]).toMatch(/^d\.yaml:\d+:\d+: spec\.transcoding\.acceleration: /);
  });

  it("rejects an invalid domain", () => {
    expect(problems(deployment({ domain: "https://Photos.example.com" }))).toEqual([
      'd.yaml:7:11: spec.domain: invalid format (expected a lowercase DNS name like photos.example.com (no IP, no scheme, no port), got "https://Photos.example.com")',
    ]);
    expect(problems(deployment({ domain: "10.0.0.5" }))).toHaveLength(1);
  });

  it("rejects an unknown time zone", () => {
    expect(problems(deployment({ timezone: "Mars/Olympus" }))).toEqual(["d.yaml:8:13: spec.timezone: expected an IANA time zone like Europe/Berlin or UTC"]);
  });

  it("accepts exactly the time zones Intl.DateTimeFormat accepts: canonical names through the runtime's list, aliases through DateTimeFormat", () => {
    const byDateTimeFormat = (tz: string) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    };
    const canonical = Intl.supportedValuesOf("timeZone");
    expect(canonical).toContain("Europe/Berlin");
    // Aliases and spellings that are not in the runtime's canonical list, and names that are no zone at all.
    const others = ["UTC", "Etc/UTC", "GMT", "US/Pacific", "Asia/Kolkata", "europe/berlin", "EUROPE/BERLIN", "Etc/GMT+1", "Mars/Olympus", "Europe/Berlin/X", "Europe", "Z", "EST5EDT"];
    // Most of them take the DateTimeFormat path (which ones the list holds depends on the runtime's ICU).
    expect(others.filter((tz) => !canonical.includes(tz)).length).toBeGreaterThanOrEqual(10);
    for (const tz of [...canonical, ...others]) expect([tz, isValidTimezone(tz)]).toEqual([tz, byDateTimeFormat(tz)]);
    expect(isValidTimezone("UTC")).toBe(true);
    expect(isValidTimezone("europe/berlin")).toBe(true);
    expect(isValidTimezone("Mars/Olympus")).toBe(false);
  });

  it("rejects a moving Immich tag", () => {
    expect(problems(deployment({ immichVersion: "release" }))).toEqual([
      'd.yaml:9:18: spec.immichVersion: invalid format (expected a pinned Immich v3 release like v3.1.0 (not a moving tag such as release or v3), got "release")',
    ]);
  });

  it("rejects a Docker host that is neither a socket nor ssh://", () => {
    expect(problems(deployment({ dockerHost: "photos.example.com" }))).toEqual([
      'd.yaml:9:15: spec.dockerHost: invalid format (expected unix:///path/to/docker.sock, ssh://user@host[:port] or tcp://host:port, got "photos.example.com")',
    ]);
  });

  it("rejects an unknown profile name, listing the shipped ones", () => {
    expect(problems(deployment({ hardwareProfile: "raspberry-pi" }))).toEqual([
      'd.yaml:6:20: spec.hardwareProfile: unknown hardware profile (expected a shipped profile — "epyc-4004-prosumer", "homelab-minimal" or "xeon-e2400-enterprise" — or a path to a .yaml file, got "raspberry-pi")',
    ]);
  });

  it("resolves a profile path relative to the deployment and reports the profile's own problems", () => {
    const bad = baseProfile();
    bad.spec.cpu.threads = 2;
    expect(problems(deployment({ hardwareProfile: "./box.yaml" }), { "box.yaml": bad })).toEqual([
      "box.yaml:11:14: spec.cpu.threads: threads must be at least cores (expected ≥ 12, got 2)",
    ]);
    expect(problems(deployment({ hardwareProfile: "./box.yaml" }), { "box.yaml": baseProfile() })).toEqual([]);
  });

  it("rejects CUDA without an NVIDIA GPU", () => {
    expect(problems(deployment({ machineLearning: { backend: "cuda" } }))).toEqual([
      'd.yaml:10:14: spec.machineLearning.backend: the cuda backend needs a nvidia-gpu in hardware profile "homelab-minimal" (expected an accelerator of kind "nvidia-gpu", got no accelerator)',
    ]);
  });

  it("rejects an ML backend the CPU architecture has no image for", () => {
    const arm = baseProfile();
    arm.spec.cpu = { vendor: "arm", model: "RK3588", cores: 8, threads: 8 };
    arm.spec.accelerators = [{ kind: "rockchip-npu", model: "npu", uses: ["machine-learning"] }];
    expect(problems(deployment({ hardwareProfile: "./arm.yaml", machineLearning: { backend: "openvino" } }), { "arm.yaml": arm })).toEqual([
      'd.yaml:10:14: spec.machineLearning.backend: Immich has no arm64 image for the openvino backend (expected "cpu", "rknn" or "armnn" on arm64, got "openvino")',
    ]);
  });

  it("accepts forcing the cpu backend on a GPU host", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    writeFileSync(join(dir, "d.yaml"), stringify(deployment({ hardwareProfile: "epyc-4004-prosumer", machineLearning: { backend: "cpu" } })));
    expect(loadDeploymentFile(join(dir, "d.yaml")).mlBackend).toBe(MlBackend.CPU);
  });

  it("reports shape problems of the deployment and the profile's problems together", () => {
    const bad = baseProfile();
    bad.spec.memory.totalGiB = 2;
    const out = problems(deployment({ hardwareProfile: "./box.yaml", jobHandler: { replicas: 0 } }), { "box.yaml": bad });
    expect(out).toEqual([
      "d.yaml:10:15: spec.jobHandler.replicas: too small (expected ≥ 1, got 0)",
      "box.yaml:13:15: spec.memory.totalGiB: below Immich's minimum RAM with machine learning (expected ≥ 6, got 2)",
    ]);
  });
});

describe("deployment ingress and auth", () => {
  it("defaults: ACME, HTTP/3, auth.<parent domain>, cookie on the parent", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    writeFileSync(join(dir, "d.yaml"), stringify(deployment()));
    expect(loadDeploymentFile(join(dir, "d.yaml")).ingress).toEqual({
      domain: "photos.example.com",
      authDomain: "auth.example.com",
      cookieDomain: "example.com",
      tls: { mode: "acme" },
      http3: true,
    });
  });

  it("rejects a cookie domain on a public suffix", () => {
    expect(problems(deployment({ domain: "photos.co.uk", ingress: { authDomain: "auth.co.uk" } }))).toEqual([
      'd.yaml:10:17: spec.ingress.authDomain: no session cookie domain: their common parent "co.uk" is a public suffix, so no browser accepts a session cookie for it (expected a registrable domain like example.co.uk)',
    ]);
  });

  it("rejects host names with no common parent", () => {
    expect(problems(deployment({ domain: "photos.example.com", ingress: { authDomain: "auth.example.org" } }))).toEqual([
      'd.yaml:10:17: spec.ingress.authDomain: no session cookie domain: "photos.example.com" and "auth.example.org" share no parent domain with a dot (expected both under one domain like example.com, got "none")',
    ]);
  });

  it("rejects a user without an e-mail", () => {
    const { email: _email, ...noEmail } = TEST_USER;
    expect(problems(deployment({ auth: { users: [noEmail] } }))).toEqual([
      "d.yaml:11:9: spec.auth.users[0].email: required field is missing (expected a string, got nothing)",
    ]);
  });

  it("rejects a password instead of a hash, without quoting it", () => {
    const [p] = problems(deployment({ auth: { users: [{ ...TEST_USER, passwordHash: "hunter2" }] } }));
    expect(p).toMatch(/spec\.auth\.users\[0\]\.passwordHash: invalid format \(expected an argon2id hash from `immich-iac hash-password` .*, got a text of 7 characters\)$/);
    expect(p).not.toContain("hunter2");
  });

  it("rejects duplicate user names", () => {
    expect(problems(deployment({ auth: { users: [{ ...TEST_USER }, { ...TEST_USER }] } }))).toEqual([
      'd.yaml:17:15: spec.auth.users[1].name: user names must be unique (expected a new name, got "alice" again)',
    ]);
  });

  it("rejects TLS mode files without its certificate files", () => {
    expect(problems(deployment({ ingress: { tls: { mode: "files" } } }))).toEqual([
      "d.yaml:11:7: spec.ingress.tls.certificateFile: required field is missing (expected a string, got nothing)",
      "d.yaml:11:7: spec.ingress.tls.keyFile: required field is missing (expected a string, got nothing)",
    ]);
  });

  it("rejects certificate files missing on a local Docker host", () => {
    const out = problems(deployment({ ingress: { tls: { mode: "files", certificateFile: "/nonexistent/c.pem", keyFile: "/nonexistent/k.pem" } } }));
    expect(out).toEqual([
      'd.yaml:12:24: spec.ingress.tls.certificateFile: file not found on this Docker host (expected an existing PEM file, got "/nonexistent/c.pem")',
      'd.yaml:13:16: spec.ingress.tls.keyFile: file not found on this Docker host (expected an existing PEM file, got "/nonexistent/k.pem")',
    ]);
  });

  it("rejects an SMTP notifier without an address", () => {
    expect(problems(deployment({ auth: { users: [TEST_USER], notifier: { mode: "smtp", username: "u", sender: "a@b.c" } } }))).toEqual([
      "d.yaml:18:7: spec.auth.notifier.address: required field is missing (expected a string, got nothing)",
    ]);
  });
});

// Immich supports PostgreSQL ≥ 14 < 20 [IMM docs/docs/administration/postgres-standalone.md, v3.1.0]; its image
// exists for 14–18 [BI build-postgres.yml], and its compose still ships 14-vectorchord0.4.3-pgvectors0.2.0.
describe("PostgreSQL majors and taking over an existing database", () => {
  it.each(["14-vectorchord0.4.3-pgvectors0.2.0", "14-vectorchord0.4.3", "15-vectorchord1.1.1-pgvector0.8.5", "16-vectorchord1.1.1", "17-vectorchord1.1.1-pgvector0.8.5", "18-vectorchord1.1.1-pgvector0.8.5"])(
    "accepts %s",
    (tag) => expect(problems(deployment({ postgres: { imageTag: tag } }))).toEqual([]),
  );

  it.each(["13-vectorchord0.4.3", "19-vectorchord1.1.1", "17", "17-pgvector0.8.5"])("refuses %s", (tag) => {
    expect(problems(deployment({ postgres: { imageTag: tag } }))[0]).toContain("expected an Immich PostgreSQL 14–18 VectorChord tag");
  });

  it("takes over with compose's defaults (role postgres, database immich)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "iac-take-")), "d.yaml");
    writeFileSync(file, stringify(deployment({ postgres: { imageTag: "14-vectorchord0.4.3-pgvectors0.2.0", takeover: {} } })));
    expect(loadDeploymentFile(file).postgres).toEqual({ imageTag: "14-vectorchord0.4.3-pgvectors0.2.0", takeover: { username: "postgres", databaseName: "immich" } });
  });

  it("PostgreSQL 14 gets the WAL compression it has (pglz); 15 and later lz4", () => {
    expect(computeTuning(shippedProfile("homelab-minimal"), { postgresMajor: 14 }).postgres.settings.wal_compression!.value).toBe("on");
    expect(computeTuning(shippedProfile("homelab-minimal"), { postgresMajor: 15 }).postgres.settings.wal_compression!.value).toBe("lz4");
    // The choice over the image's pglz is the database benchmark's finding, and explain says where it is.
    expect(computeTuning(shippedProfile("homelab-minimal"), { postgresMajor: 17 }).postgres.settings.wal_compression!.source).toBe(
      "PGTune (le0pard/pgtune src/features/configuration/configurationSlice.js); measured: docs/tuning.md, Database benchmark (2026-12-07)",
    );
  });
});

describe("image digests in a deployment", () => {
  it("accepts a digest per service and refuses anything else", () => {
    expect(problems(deployment({ imageDigests: { server: `sha256:${"a".repeat(64)}`, proxy: `sha256:${"b".repeat(64)}` } }))).toEqual([]);
    expect(problems(deployment({ imageDigests: { server: "latest" } }))).toEqual(['d.yaml:10:13: spec.imageDigests.server: invalid format (expected sha256:<64 lowercase hex digits>, got "latest")']);
    expect(problems(deployment({ imageDigests: { database: `sha256:${"a".repeat(64)}` } }))[0]).toContain('spec.imageDigests.database: unknown field');
  });
});

describe("spec.backup", () => {
  const load = (backup: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    writeFileSync(join(dir, "d.yaml"), stringify(deployment({ backup })));
    return loadDeploymentFile(join(dir, "d.yaml")).backup;
  };

  it("defaults: continuous WAL, daily base backups (2 kept), 6-hour interval, two days of Immich dumps, no off-site target", () => {
    expect(loadDeploymentFile(join(REPO, "deployments", "homelab.yaml")).backup).toEqual({
      continuousWal: true,
      baseBackupIntervalHours: 24,
      localBaseBackups: 2,
      intervalHours: 6,
      keepLocalDumps: 8,
      retention: { hourly: 24, daily: 7, weekly: 5, monthly: 12, yearly: 3 },
    });
  });

  it("an off-site target gets the prefix immich-iac/<name> unless it names one", () => {
    expect(load({ offsite: { endpoint: "https://s3.example.com", bucket: "photos-backup", region: "eu-west-1" } }).offsite).toEqual({
      endpoint: "https://s3.example.com",
      bucket: "photos-backup",
      region: "eu-west-1",
      prefix: "immich-iac/t",
    });
    expect(load({ offsite: { endpoint: "https://s3.example.com:9000", bucket: "b-1", region: "us-east-1", prefix: "home/immich" } }).offsite?.prefix).toBe("home/immich");
  });

  it("keepLocalDumps follows the interval unless set", () => {
    expect(load({ intervalHours: 24 }).keepLocalDumps).toBe(2);
    expect(load({ intervalHours: 1 }).keepLocalDumps).toBe(14);
    expect(load({ intervalHours: 1, keepLocalDumps: 30 }).keepLocalDumps).toBe(30);
  });

  it("reports every invalid backup setting at once, each at its field", () => {
    expect(
      problems(
        deployment({
          backup: {
            intervalHours: 5,
            localBaseBackups: 0,
            retention: { hourly: 0, daily: 0, weekly: 0, monthly: 0, yearly: 0 },
            offsite: { endpoint: "http://s3.example.com", bucket: "Bad_Bucket", region: "EU West", prefix: "../x" },
          },
        }),
      ),
    ).toEqual([
      "d.yaml:10:20: spec.backup.intervalHours: expected hours that divide a day: 1, 2, 3, 4, 6, 8, 12, 24 (got 5)",
      "d.yaml:11:23: spec.backup.localBaseBackups: too small (expected ≥ 1, got 0)",
      "d.yaml:13:7: spec.backup.retention: expected at least one age to keep (all zero would delete every snapshot)",
      'd.yaml:19:17: spec.backup.offsite.endpoint: expected https:// (plain http only to a private IP address written as such: 10.x, 172.16–31.x, 192.168.x, 127.x or [fc00::/7]), got "http://s3.example.com"',
      `d.yaml:20:15: spec.backup.offsite.bucket: expected an S3 bucket name: 3–63 lowercase letters, digits, '.' and '-' (got "Bad_Bucket")`,
      'd.yaml:21:15: spec.backup.offsite.region: invalid format (expected a region name like eu-central-003 or us-east-1, got "EU West")',
      `d.yaml:22:15: spec.backup.offsite.prefix: invalid format (expected a folder path like immich-iac/home: letters, digits, '.', '_', '-' and '/' between segments, got "../x")`,
    ]);
  });

  it("refuses an endpoint with a path, credentials or a port out of range", () => {
    const at = (endpoint: string) => problems(deployment({ backup: { offsite: { endpoint, bucket: "bucket", region: "r" } } }));
    expect(at("https://key:secret@s3.example.com")[0]).toMatch(/spec\.backup\.offsite\.endpoint: expected an S3 endpoint URL like https:\/\/s3\.eu-central-003\.backblazeb2\.com \(scheme and host, optional :port, no path or credentials\), got "https:\/\/key:secret@s3\.example\.com"$/);
    expect(at("https://s3.example.com/bucket")[0]).toMatch(/expected an S3 endpoint URL/);
    expect(at("https://s3.example.com:70000")[0]).toMatch(/spec\.backup\.offsite\.endpoint: expected a port of 1–65535, got 70000$/);
    expect(at("http://192.168.1.20:9000")).toEqual([]);
  });
});

describe("spec.monitoring", () => {
  const load = (spec: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    writeFileSync(join(dir, "d.yaml"), stringify(deployment(spec)));
    return loadDeploymentFile(join(dir, "d.yaml")).monitoring;
  };

  it("is on from 64 GiB of RAM and off below, unless set; Grafana at metrics.<parent>", () => {
    expect(loadDeploymentFile(join(REPO, "deployments", "example.yaml")).monitoring).toMatchObject({ enabled: true, domain: "metrics.example.com", retentionDays: 30, alerts: { webhook: false } });
    expect(load({}).enabled).toBe(false);
    expect(load({ monitoring: { enabled: true } }).enabled).toBe(true);
  });

  it("refuses a Grafana host name that is Immich's or the portal's, or outside the cookie's parent, and e-mail alerts without SMTP", () => {
    expect(problems(deployment({ monitoring: { enabled: true, domain: "photos.example.com" } }))).toEqual([
      'd.yaml:11:13: spec.monitoring.domain: Grafana needs its own host name (expected a name other than "photos.example.com" and "auth.example.com", got "photos.example.com")',
    ]);
    expect(problems(deployment({ monitoring: { enabled: true, domain: "metrics.other.org" } }))[0]).toMatch(/^d\.yaml:11:13: spec\.monitoring\.domain: Grafana's host name cannot share the portal's session cookie: /);
    expect(problems(deployment({ monitoring: { enabled: true, alerts: { email: { to: ["ops@example.com"] } } } }))).toEqual([
      `d.yaml:13:9: spec.monitoring.alerts.email: alerts by e-mail use the auth notifier's SMTP account (expected spec.auth.notifier.mode "smtp", got "filesystem")`,
    ]);
  });

  it("maps the alert timing and the relay's CA; refuses a relative CA path and a zero group wait", () => {
    expect(load({ monitoring: { enabled: true, alerts: { webhook: true, groupWaitSeconds: 5, groupIntervalSeconds: 20, maxForSeconds: 30 } } }).alerts).toEqual({
      webhook: true,
      groupWaitSeconds: 5,
      groupIntervalSeconds: 20,
      maxForSeconds: 30,
    });
    expect(load({ monitoring: { enabled: true } }).alerts).toEqual({ webhook: false });
    expect(problems(deployment({ monitoring: { enabled: true, alerts: { groupWaitSeconds: 0 } } }))).toEqual(["d.yaml:12:25: spec.monitoring.alerts.groupWaitSeconds: too small (expected ≥ 1, got 0)"]);
    expect(problems(deployment({ monitoring: { enabled: true, alerts: { email: { to: ["ops@example.com"], caFile: "relay-ca.pem" } } } }))).toContain(
      `d.yaml:15:17: spec.monitoring.alerts.email.caFile: invalid format (expected an absolute file path on the Docker host (letters, digits, . _ @ + -, no '..'), got "relay-ca.pem")`,
    );
    expect(problems(deployment({ monitoring: { enabled: true, alerts: { email: { to: ["ops@example.com"], caFile: "/etc/shadow" } } } }))).toContain(
      "d.yaml:15:17: spec.monitoring.alerts.email.caFile: a file of the host's secrets cannot be the CA file: it is mounted into Alertmanager (expected a CA certificate like /etc/ssl/certs/private-ca.pem, got a path that is /etc/shadow)",
    );
  });
});

describe("Docker hosts: where the host scripts run, TLS for tcp:// (issue 20 item 1)", () => {
  const tcp = "tcp://10.0.0.5:2376";
  const unmanaged = { host: { manage: false } };

  it("refuses a plaintext tcp:// host: every secret travels in its API calls", () => {
    expect(problems(deployment({ dockerHost: "tcp://10.0.0.5:2375", ...unmanaged }))).toEqual([
      'd.yaml:9:15: spec.dockerHost: a tcp:// Docker host needs TLS: every secret of the stack travels in its API calls (expected spec.dockerTls with certPath or materialFromVariables: true, or ssh://user@host, got "tcp://10.0.0.5:2375")',
    ]);
  });

  it("refuses host management on a tcp:// host, whose scripts would run on the machine that runs Terraform", () => {
    expect(problems(deployment({ dockerHost: tcp, dockerTls: { materialFromVariables: true } }))).toEqual([
      'd.yaml:9:15: spec.dockerHost: host scripts run over SSH on the host they are for, and a tcp:// host has none: they would run on the machine that runs Terraform (expected ssh://user@host, or spec.host.manage: false to converge the host yourself, got "tcp://10.0.0.5:2376")',
    ]);
  });

  it("accepts tcp:// with TLS and no host management, in either form", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    const load = (dockerTls: unknown) => {
      writeFileSync(join(dir, "d.yaml"), stringify(deployment({ dockerHost: tcp, dockerTls, ...unmanaged })));
      return loadDeploymentFile(join(dir, "d.yaml"));
    };
    expect(load({ certPath: "/etc/immich-iac/docker-tls" }).dockerTls).toEqual({ certPath: "/etc/immich-iac/docker-tls" });
    expect(load({ materialFromVariables: true }).dockerTls).toEqual({ materialFromVariables: true });
  });

  it("dockerTls takes exactly one form, an absolute path, and only with tcp://", () => {
    expect(problems(deployment({ dockerHost: tcp, dockerTls: {}, ...unmanaged }))).toEqual([
      "d.yaml:10:14: spec.dockerTls: expected exactly one of certPath (a directory with ca.pem, cert.pem and key.pem on the machine that runs Terraform) or materialFromVariables: true (got neither)",
    ]);
    expect(problems(deployment({ dockerHost: tcp, dockerTls: { certPath: "/tls", materialFromVariables: true }, ...unmanaged }))[0]).toMatch(/spec\.dockerTls: expected exactly one .*\(got both\)$/);
    expect(problems(deployment({ dockerHost: tcp, dockerTls: { certPath: "tls/../x" }, ...unmanaged }))[0]).toMatch(/^d\.yaml:\d+:\d+: spec\.dockerTls\.certPath: invalid format \(expected an absolute directory path/);
    expect(problems(deployment({ dockerHost: tcp, dockerTls: { materialFromVariables: false }, ...unmanaged }))[0]).toMatch(/spec\.dockerTls\.materialFromVariables: /);
    expect(problems(deployment({ dockerHost: "ssh://deploy@photos.example.com", dockerTls: { materialFromVariables: true } }))).toEqual([
      'd.yaml:11:5: spec.dockerTls: TLS settings are for a tcp:// Docker host (expected no dockerTls with ssh://, got a dockerTls for "ssh://deploy@photos.example.com")',
    ]);
  });
});

describe("paths on pseudo file systems", () => {
  it("refuses TLS files and the Docker TLS directory under /proc, /sys or /dev", () => {
    const files = { mode: "files", certificateFile: "/sys/firmware/x", keyFile: "/etc/immich/key.pem" };
    expect(problems(deployment({ ingress: { tls: files } }))).toEqual([
      "d.yaml:12:24: spec.ingress.tls.certificateFile: expected a file, not a pseudo file system (/proc, /sys, /dev)",
    ]);
    expect(problems(deployment({ dockerHost: "tcp://10.0.0.5:2376", dockerTls: { certPath: "/proc/self/cwd" }, host: { manage: false } }))[0]).toMatch(
      /spec\.dockerTls\.certPath: expected a file, not a pseudo file system \(\/proc, \/sys, \/dev\)$/,
    );
  });
});

describe("authorized keys fit the command line that carries them (issue 20 item 2)", () => {
  it("refuses keys of more than 64 KiB together, and synthesizes the largest that fit", () => {
    const key = (i: number, size: number) => `ssh-rsa ${"A".repeat(size - 20)} k${String(i).padStart(8, "0")}`;
    const big = Array.from({ length: 5 }, (_, i) => key(i, 16000));
    expect(problems(deployment({ host: { deployUser: { authorizedKeys: big } } }))).toEqual([
      "d.yaml:12:9: spec.host.deployUser.authorizedKeys: expected keys of at most 64 KiB together (the deploy-user script carries them to the host in one command line, which Linux bounds at 128 KiB), got 79995 bytes",
    ]);
    // The most that fits: the deploy-user script's command is one argument the kernel takes (execve, not a shell).
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    writeFileSync(join(dir, "d.yaml"), stringify(deployment({ host: { deployUser: { authorizedKeys: [...big.slice(0, 4), key(9, 1500)] } } })));
    const d = loadDeploymentFile(join(dir, "d.yaml"));
    const scripts = renderHostScripts(deriveHostPlan(d, deploymentTuning(d)));
    const command = hostScriptCommand({ type: "ssh", host: "photos.example.com", user: "immich-deploy", port: 65535 }, scripts.find((x) => x.file === "10-deploy-user.sh")!.content);
    expect(Buffer.byteLength(command)).toBeGreaterThan(64 * 1024);
    expect(execFileSync("/bin/bash", ["-c", 'printf %s "${#1}"', "bash", command], { encoding: "utf8" })).toBe(String(command.length));
  });
});

describe("spec.host: the SSH port and the deploy user (issue 20 items 4 and 5)", () => {
  it("refuses a host.sshPort that contradicts the dockerHost's port, explicit or SSH's default 22, naming both fields", () => {
    const explicit = problems(deployment({ dockerHost: "ssh://deploy@h.example.com:2222", host: { sshPort: 22 } }));
    expect(explicit).toEqual([
      expect.stringMatching(
        /^d\.yaml:\d+:\d+: spec\.host\.sshPort: contradicts spec\.dockerHost, which connects on SSH port 2222: the firewall would admit only 22 and lock Terraform and you out \(expected 2222, or spec\.dockerHost ssh:\/\/deploy@h\.example\.com:22, got 22\)$/,
      ),
    ]);
    expect(problems(deployment({ dockerHost: "ssh://deploy@h.example.com", host: { sshPort: 2222 } }))).toEqual([
      expect.stringContaining("spec.host.sshPort: contradicts spec.dockerHost, which connects on SSH port 22: the firewall would admit only 2222"),
    ]);
  });

  it("accepts a host.sshPort equal to the dockerHost's port, one that follows it when unset, and any on a local socket", () => {
    expect(problems(deployment({ dockerHost: "ssh://deploy@h.example.com:2222", host: { sshPort: 2222 } }))).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    writeFileSync(join(dir, "d.yaml"), stringify(deployment({ dockerHost: "ssh://deploy@h.example.com:2222" })));
    expect(loadDeploymentFile(join(dir, "d.yaml")).host.sshPort).toBe(2222);
    expect(problems(deployment({ host: { sshPort: 2222 } }))).toEqual([]);
  });

  it.each(["www-data", "nobody", "sshd", "daemon", "bin", "sys", "systemd-network", "postgres"])("refuses the system account %s as host.deployUser.name", (name) => {
    expect(problems(deployment({ host: { deployUser: { name } } }))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^d\\.yaml:\\d+:\\d+: spec\\.host\\.deployUser\\.name: it is a system account, which must not become the deploy user: the host scripts give the deploy user the docker group, passwordless sudo \\(NOPASSWD: ALL\\) and a locked password \\(expected a machine account the stack creates, like immich-deploy, got "${name}"\\)$`,
        ),
      ),
    ]);
  });

  it("refuses a system account taken by default from ssh://user@…, at spec.dockerHost; a named deploy user lifts it", () => {
    expect(problems(deployment({ dockerHost: "ssh://www-data@h.example.com" }))).toEqual([
      expect.stringMatching(/^d\.yaml:\d+:\d+: spec\.dockerHost: the SSH user \(the deploy user by default\) is a system account, .* got "www-data"\); set spec\.host\.deployUser\.name, or connect as that account$/),
    ]);
    expect(problems(deployment({ dockerHost: "ssh://www-data@h.example.com", host: { deployUser: { name: "immich-deploy" } } }))).toEqual([]);
  });

  it("a deploy user taken from ssh://user@… is marked as such (validate's note); a named one is not", () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-dep-"));
    const load = (spec: Record<string, unknown>) => {
      writeFileSync(join(dir, "d.yaml"), stringify(deployment(spec)));
      return loadDeploymentFile(join(dir, "d.yaml")).host;
    };
    expect(load({ dockerHost: "ssh://pi@h.example.com" })).toMatchObject({ deployUser: { name: "pi" }, deployUserFromDockerHost: true });
    expect(load({ dockerHost: "ssh://pi@h.example.com", host: { deployUser: { name: "pi" } } }).deployUserFromDockerHost).toBeUndefined();
    expect(load({}).deployUserFromDockerHost).toBeUndefined();
  });
});
