import { describe, expect, it } from "vitest";
import { REDIS_IMAGES, RedisEngine } from "../../constructs/images.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { baseProfile, profileOf, shippedProfile } from "../util.js";
import { containerOf, synthImmich } from "./construct-util.js";

const arm = (accelerators: unknown[]) => {
  const p = baseProfile();
  p.spec.cpu = { vendor: "arm", model: "RK3588", cores: 8, threads: 8 };
  p.spec.accelerators = accelerators;
  return computeTuning(profileOf(p));
};
const x86 = (kind: string, uses = ["machine-learning", "transcoding"]) => {
  const p = baseProfile();
  p.spec.accelerators = [{ kind, model: "gpu", memoryGiB: 8, uses }];
  return computeTuning(profileOf(p));
};

describe("ImmichPostgres", () => {
  const pg = containerOf(synthImmich(), "database");
  it("runs Immich's PG 17 VectorChord image with checksums, the tuned override and shm", () => {
    expect(pg.env).toEqual(
      expect.arrayContaining(["POSTGRES_INITDB_ARGS=--data-checksums", "DB_STORAGE_TYPE=SSD", "POSTGRES_DB=immich", "POSTGRES_USER=immich"]),
    );
    expect(pg.shm_size).toBe(384);
    expect(pg.memory).toBe(2048 + 384);
    expect(pg.destroy_grace_seconds).toBe(120);
    expect(pg.upload[0].file).toBe("/etc/postgresql/postgresql.override.conf");
    expect(pg.upload[0].content).toContain("shared_buffers = '512MB'");
  });
  it("starts PostgreSQL with its own config_file: the image's configuration first, the override last, in every image generation", () => {
    // Images before base-images#315 never include /etc/postgresql/postgresql.override.conf (issue 21 defect 2).
    expect(pg.command).toEqual(["postgres", "-c", "config_file=/etc/postgresql/immich-iac.conf"]);
    const entry = pg.upload.find((u: any) => u.file === "/etc/postgresql/immich-iac.conf");
    const includes = (entry.content as string).split("\n").filter((l) => !l.startsWith("#") && l !== "");
    expect(includes).toEqual(["include '/etc/postgresql/postgresql.conf'", "include '/etc/postgresql/postgresql.override.conf'"]);
    expect(pg.healthcheck).toEqual({ test: ["CMD", "/usr/local/bin/healthcheck.sh"], interval: "30s", timeout: "10s", retries: 3, start_period: "5m0s" });
    expect(pg.volumes).toEqual([{ container_path: "/var/lib/postgresql/data", read_only: false, volume_name: expect.stringMatching(/^\$\{docker_volume\.immich_DatabaseVolume_[0-9A-F]{8}\.name\}$/) }]);
  });
  it("pins the image by tag and optional digest", () => {
    const images = Object.values(synthImmich({ postgresImageDigest: `sha256:${"a".repeat(64)}` }).docker_image).map((i: any) => i.name);
    expect(images).toContain(`ghcr.io/immich-app/postgres:17-vectorchord1.1.1-pgvector0.8.5@sha256:${"a".repeat(64)}`);
  });
  it("refuses a tag outside PostgreSQL 14–18", () => {
    expect(() => synthImmich({ postgresImageTag: "13-vectorchord0.4.3" })).toThrow(
      'ImmichPostgres: imageTag must be an Immich PostgreSQL 14–18 VectorChord tag (got "13-vectorchord0.4.3"), e.g. 17-vectorchord1.1.1-pgvector0.8.5',
    );
  });
  // [docker-library/postgres#1259]: from 18 the images default PGDATA to /var/lib/postgresql/18/docker.
  it("PostgreSQL 18 keeps PGDATA in the mounted volume; 14–17 need nothing", () => {
    const pg18 = containerOf(synthImmich({ postgresImageTag: "18-vectorchord1.1.1-pgvector0.8.5" }), "database");
    expect(pg18.env).toContain("PGDATA=/var/lib/postgresql/data");
    expect(pg18.volumes[0]).toMatchObject({ container_path: "/var/lib/postgresql/data" });
    const pg14 = containerOf(synthImmich({ postgresImageTag: "14-vectorchord0.4.3-pgvectors0.2.0" }), "database");
    expect(pg14.env.some((e: string) => e.startsWith("PGDATA="))).toBe(false);
  });
  it("takes over an existing database: its role and name, the password from a sensitive variable, no generated one", () => {
    const res = synthImmich({ existingDatabase: { username: "postgres", databaseName: "immich" } });
    const db = containerOf(res, "database");
    expect(db.env).toEqual(expect.arrayContaining(["POSTGRES_USER=postgres", "POSTGRES_DB=immich", "POSTGRES_PASSWORD_FILE=/run/secrets/postgres/password"]));
    expect(db.upload.find((u: any) => u.file === "/run/secrets/postgres/password").content).toBe("${var.existing_database_password}");
    const server = containerOf(res, "server");
    expect(server.env).toEqual(expect.arrayContaining(["DB_USERNAME=postgres", "DB_PASSWORD_FILE=/run/secrets/immich/db-password"]));
    expect(server.upload.find((u: any) => u.file === "/run/secrets/immich/db-password").content).toBe("${var.existing_database_password}");
    expect(Object.keys(res.random_password ?? {}).filter((k) => k.includes("DatabasePassword"))).toEqual([]);
  });
});

describe("ImmichRedis", () => {
  it("runs Redis 7.4 with the BullMQ config by default", () => {
    const r = containerOf(synthImmich(), "redis");
    expect(r.command).toEqual(["redis-server", "/usr/local/etc/redis/redis.conf"]);
    expect(r.upload[0].content).toContain("maxmemory-policy noeviction");
    const images = Object.values(synthImmich().docker_image).map((i: any) => i.name);
    expect(images).toContain("docker.io/library/redis:7.4.11");
  });
  it("has an ACL user for Immich and its healthcheck only, when nothing else runs; render shows no hash", () => {
    const res = synthImmich();
    const conf = containerOf(res, "redis").upload[0].content as string;
    expect(conf.split("\n").filter((l) => l.startsWith("user ")).map((l) => l.split(" ").slice(0, 4).join(" "))).toEqual([
      "user default reset off",
      "user immich reset on",
      "user healthcheck reset on",
    ]);
    expect(Object.keys(res.random_password).filter((k) => k.startsWith("immich_Redis_")).sort()).toEqual([
      "immich_Redis_HealthcheckPassword_FA9BE006",
      "immich_Redis_ImmichPassword_DAB8652B",
    ]);
    expect(containerOf(res, "redis").upload[0]).toMatchObject({ file: "/usr/local/etc/redis/redis.conf", permissions: "0400", owner: "999", group: "999" });
    const server = containerOf(res, "server");
    expect(server.env).toEqual(expect.arrayContaining(["REDIS_USERNAME=immich", "REDIS_PASSWORD_FILE=/run/secrets/immich/redis-password"]));
    expect(server.upload.find((u: any) => u.file === "/run/secrets/immich/redis-password")).toEqual({
      file: "/run/secrets/immich/redis-password",
      content: "${random_password.immich_Redis_ImmichPassword_DAB8652B.result}",
      permissions: "0400",
    });
  });

  it("runs Valkey when chosen", () => {
    const res = synthImmich({ redisEngine: RedisEngine.VALKEY });
    expect(containerOf(res, "redis").command).toEqual(["valkey-server", "/usr/local/etc/redis/redis.conf"]);
    expect(containerOf(res, "redis").healthcheck.test).toEqual([
      "CMD-SHELL",
      'REDISCLI_AUTH="$(cat /run/secrets/redis/healthcheck-password)" valkey-cli --user healthcheck ping | grep -qx PONG',
    ]);
  });
});

describe("ImmichMachineLearning per backend", () => {
  it("cpu: plain image, no devices", () => {
    const ml = containerOf(synthImmich(), "machine-learning");
    expect(ml.devices).toBeUndefined();
    expect(ml.gpus).toBeUndefined();
    expect(ml.device_requests).toBeUndefined();
    expect(ml.device_cgroup_rules).toBeUndefined();
    expect(ml.env).toEqual(expect.arrayContaining(["MACHINE_LEARNING_REQUEST_THREADS=4", "MACHINE_LEARNING_CACHE_FOLDER=/cache"]));
  });
  // [IMM docker/hwaccel.ml.yml @ 0567592, cuda]: one GPU reserved (count: 1), not every GPU of the host.
  it("cuda: -cuda image and one GPU, as compose reserves it", () => {
    const res = synthImmich({ tuning: x86("nvidia-gpu") });
    expect(containerOf(res, "machine-learning").gpus).toBeUndefined();
    expect(containerOf(res, "machine-learning").device_requests).toEqual([{ driver: "nvidia", count: 1, capabilities: ["gpu"] }]);
    expect(Object.values(res.docker_image).map((i: any) => i.name)).toContain("ghcr.io/immich-app/immich-machine-learning:v3.2.2-cuda");
  });
  // [IMM docker/hwaccel.ml.yml @ 0567592, openvino]: /dev/dri, /dev/bus/usb and the USB cgroup rule.
  it("openvino: /dev/dri with the video group, /dev/bus/usb and the c 189:* rmw cgroup rule", () => {
    const ml = containerOf(synthImmich({ tuning: x86("intel-gpu") }), "machine-learning");
    expect(ml.devices).toEqual([{ host_path: "/dev/dri", container_path: "/dev/dri", permissions: "rwm" }]);
    expect(ml.group_add).toEqual(["video"]);
    expect(ml.device_cgroup_rules).toEqual(["c 189:* rmw"]);
    expect(ml.volumes.filter((v: any) => v.host_path)).toEqual([{ host_path: "/dev/bus/usb", container_path: "/dev/bus/usb", read_only: true }]);
    expect(ml.device_requests).toBeUndefined();
  });
  it("rocm: /dev/dri and /dev/kfd", () => {
    const ml = containerOf(synthImmich({ tuning: x86("amd-gpu") }), "machine-learning");
    expect(ml.devices.map((d: any) => d.host_path)).toEqual(["/dev/dri", "/dev/kfd"]);
    expect(ml.env).toContain("MACHINE_LEARNING_WORKER_TIMEOUT=900");
  });
  // [IMM docker/hwaccel.ml.yml, armnn]: /dev/mali0, libmali.so and the firmware file, which is "not always
  // required depending on the driver": bound only when the profile says the host has it.
  it("armnn: /dev/mali0 and libmali.so read-only; no firmware bind unless the profile says it exists", () => {
    const ml = containerOf(synthImmich({ tuning: arm([{ kind: "arm-mali", model: "G610", uses: ["machine-learning"] }]) }), "machine-learning");
    expect(ml.devices).toEqual([{ host_path: "/dev/mali0", container_path: "/dev/mali0", permissions: "rwm" }]);
    expect(ml.volumes.filter((v: any) => v.host_path)).toEqual([{ host_path: "/usr/lib/libmali.so", container_path: "/usr/lib/libmali.so", read_only: true }]);
  });
  it("armnn with maliFirmware: true binds the firmware file too", () => {
    const ml = containerOf(synthImmich({ tuning: arm([{ kind: "arm-mali", model: "G610", uses: ["machine-learning"], maliFirmware: true }]) }), "machine-learning");
    expect(ml.volumes.filter((v: any) => v.host_path)).toEqual([
      { host_path: "/usr/lib/libmali.so", container_path: "/usr/lib/libmali.so", read_only: true },
      { host_path: "/lib/firmware/mali_csffw.bin", container_path: "/lib/firmware/mali_csffw.bin", read_only: true },
    ]);
  });
  it("rknn: /dev/dri and unconfined system paths", () => {
    const ml = containerOf(synthImmich({ tuning: arm([{ kind: "rockchip-npu", model: "npu", uses: ["machine-learning"] }]) }), "machine-learning");
    expect(ml.security_opts).toEqual(["no-new-privileges:true", "systempaths=unconfined", "apparmor=unconfined"]);
  });
});

describe("ImmichServer and ImmichJobHandler", () => {
  it("split the workers and share the config file", () => {
    const res = synthImmich();
    const server = containerOf(res, "server");
    const jobs = containerOf(res, "job-handler");
    expect(server.env).toContain("IMMICH_WORKERS_INCLUDE=api");
    expect(jobs.env).toContain("IMMICH_WORKERS_EXCLUDE=api");
    for (const c of [server, jobs]) {
      expect(c.env).toContain("IMMICH_CONFIG_FILE=/config/immich.json");
      expect(c.upload[0].file).toBe("/config/immich.json");
      expect(c.volumes.map((v: any) => v.container_path)).toEqual(["/data", "/data/thumbs", "/data/encoded-video", "/data/backups", "/etc/localtime"]);
      // [IMM docker/docker-compose.yml, immich-server]: /etc/localtime:/etc/localtime:ro
      expect(c.volumes.at(-1)).toEqual({ host_path: "/etc/localtime", container_path: "/etc/localtime", read_only: true });
      // Machine learning is configured by the file only (machineLearning.enabled/urls), as upstream documents.
      expect(c.env.some((e: string) => e.startsWith("IMMICH_MACHINE_LEARNING_"))).toBe(false);
    }
    expect(server.upload[0].content).toBe(jobs.upload[0].content);
    expect(JSON.parse(server.upload[0].content).server).toEqual({ externalDomain: "https://photos.example.com" });
  });

  it("hostLocaltime: false binds nothing of the host", () => {
    const server = containerOf(synthImmich({ hostLocaltime: false }), "server");
    expect(server.volumes.some((v: any) => v.host_path)).toBe(false);
  });

  it("a config change changes the uploaded content, which replaces both containers", () => {
    const a = containerOf(synthImmich(), "server").upload[0].content;
    const b = containerOf(synthImmich({ domain: "other.example.com" }), "server").upload[0].content;
    expect(a).not.toBe(b);
  });

  it.each([
    ["nvidia-gpu", { gpus: "all" }, "NVIDIA_DRIVER_CAPABILITIES=compute,video,utility"],
    ["intel-gpu", { devices: [{ host_path: "/dev/dri", container_path: "/dev/dri", permissions: "rwm" }], group_add: ["video"] }, undefined],
    ["amd-gpu", { devices: [{ host_path: "/dev/dri", container_path: "/dev/dri", permissions: "rwm" }] }, undefined],
  ])("transcoding on %s maps the devices into the job handler", (kind, expected, env) => {
    const jobs = containerOf(synthImmich({ tuning: x86(kind, ["transcoding"]) }), "job-handler");
    expect(jobs).toMatchObject(expected);
    if (env) expect(jobs.env).toContain(env);
  });

  it("rkmpp maps the Rockchip media devices", () => {
    const jobs = containerOf(synthImmich({ tuning: arm([{ kind: "rockchip-npu", model: "npu", uses: ["transcoding"] }]) }), "job-handler");
    expect(jobs.devices.map((d: any) => d.host_path)).toEqual(["/dev/rga", "/dev/dri", "/dev/dma_heap", "/dev/mpp_service"]);
  });

  it("adds replicas without renaming the first", () => {
    const res = synthImmich({ jobHandlerReplicas: 3 });
    const names = Object.values(res.docker_container).map((c: any) => c.name).filter((n: string) => n.includes("job-handler")).sort();
    expect(names).toEqual(["immich-t-job-handler", "immich-t-job-handler-2", "immich-t-job-handler-3"]);
    const one = Object.keys(synthImmich().docker_container).filter((k) => k.includes("JobHandler"));
    expect(Object.keys(res.docker_container)).toEqual(expect.arrayContaining(one));
  });

  it("publishes nothing when serverLoopbackPort is false", () => {
    expect(containerOf(synthImmich({ serverLoopbackPort: false }), "server").ports).toBeUndefined();
  });
});

describe("ImmichStack validation", () => {
  const tuning = computeTuning(shippedProfile("homelab-minimal"));
  it.each([
    [{ deploymentName: "Bad_Name" }, 'ImmichStack: deploymentName must be lowercase letters, digits and \'-\', at most 27 characters (got "Bad_Name")'],
    [{ domain: "localhost" }, 'ImmichStack: domain must be a lowercase DNS name like photos.example.com (got "localhost")'],
    [{ immichVersion: "release" }, 'ImmichStack: immichVersion must pin a v3 release like v3.2.2 (got "release")'],
    [{ jobHandlerReplicas: 0 }, "ImmichJobHandler: replicas must be an integer from 1 to 8 (got 0)"],
  ])("rejects %j", (over, message) => {
    expect(() => synthImmich({ tuning, ...over })).toThrow(message);
  });

  it("uses the tuned MTU on both networks and makes only the back one internal", () => {
    const nets = Object.values(synthImmich({}, "epyc-4004-prosumer").docker_network) as any[];
    expect(nets.map((n) => [n.name, n.internal, n.options])).toEqual([
      ["immich-t-back", true, { "com.docker.network.driver.mtu": "9000" }],
      ["immich-t-front", false, { "com.docker.network.driver.mtu": "9000" }],
    ]);
  });
});

describe("the Redis we pin", () => {
  // Fixed releases: 7.4.6 for CVE-2025-49844 [redis.io security advisory], 7.4.9 for the May 2026 CVEs
  // [redis/docs#3292 release notes]. The pin must stay on 7.4 and at or above both.
  it("is Redis 7.4 at a patch release with every published security fix", () => {
    const [, minor, patch] = /^docker\.io\/library\/redis:7\.(\d+)\.(\d+)$/.exec(REDIS_IMAGES[RedisEngine.REDIS])!.map(Number);
    expect(minor).toBe(4);
    expect(patch).toBeGreaterThanOrEqual(9);
  });
});

describe("image digests", () => {
  const digest = (c: string) => `sha256:${c.repeat(64)}`;
  const images = (res: any) => Object.values(res.docker_image).map((i: any) => i.name as string);

  it("pins every service to the digest the deployment gives, tags kept", () => {
    const res = synthImmich({ imageDigests: { server: digest("1"), machineLearning: digest("2"), redis: digest("3") } });
    expect(images(res)).toEqual(
      expect.arrayContaining([
        `ghcr.io/immich-app/immich-server:v3.2.2@${digest("1")}`,
        `ghcr.io/immich-app/immich-machine-learning:v3.2.2@${digest("2")}`,
        `docker.io/library/redis:7.4.11@${digest("3")}`,
      ]),
    );
  });

  it("refuses a digest that is not one", () => {
    expect(() => synthImmich({ imageDigests: { server: "sha256:abc" } })).toThrow('ImmichServer: imageDigest must be sha256:<64 lowercase hex digits> (got "sha256:abc")');
  });

  // [IMM docker/docker-compose.yml @ 4cff61e]: ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0@sha256:bcf63357…
  it("uses the digest upstream's compose pins for its PostgreSQL tag, and never invents one for other tags", () => {
    expect(images(synthImmich({ postgresImageTag: "14-vectorchord0.4.3-pgvectors0.2.0" }))).toContain(
      "ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0@sha256:bcf63357191b76a916ae5eb93464d65c07511da41e3bf7a8416db519b40b1c23",
    );
    expect(images(synthImmich())).toContain("ghcr.io/immich-app/postgres:17-vectorchord1.1.1-pgvector0.8.5");
    expect(images(synthImmich({ postgresImageTag: "14-vectorchord0.4.3-pgvectors0.2.0", postgresImageDigest: digest("4") }))).toContain(
      `ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0@${digest("4")}`,
    );
  });
});
