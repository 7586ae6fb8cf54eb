import { describe, expect, it } from "vitest";
import { MlBackend, TranscodeAccel } from "../src/tuning/accelerators.js";
import { explainJson } from "../src/tuning/explain.js";
import { computeMemoryBudget } from "../src/tuning/memory-budget.js";
import { computeTuning } from "../src/tuning/tuning.js";
import { baseProfile, profileOf, shippedProfile } from "./util.js";

const tuned = (mutate: (p: Record<string, any>) => void) => {
  const p = baseProfile();
  mutate(p);
  return explainJson(computeTuning(profileOf(p)));
};

describe("memory budget", () => {
  it("splits the EPYC's 128 GiB as documented and sums to RAM exactly", () => {
    const j = explainJson(computeTuning(shippedProfile("epyc-4004-prosumer")));
    expect(j.memoryBudgetMiB).toEqual({
      osReserve: 6554, // ⌈5 % × 131072⌉
      postgres: 15564,
      redis: 2048,
      machineLearning: 4096,
      server: 2048,
      jobHandler: 4096, // 1024 + 256 × 6 + 512 × 3
      proxy: 256,
      auth: 256,
      backup: 1280, // WAL archiver 256 + restic 1024
      monitoring: 1856, // on from 64 GiB: Prometheus 1024 + Grafana 256 + cAdvisor 192 + 6 × 64
      zfsArc: 83716, // ⌊0.9 × 93018⌋
      headroom: 9302,
    });
    expect(Object.values(j.memoryBudgetMiB).reduce((a, b) => a + b, 0)).toBe(131072);
    expect(j.zfsArcMaxBytes).toBe(83716 * 1048576);
  });

  it("shrinks the headroom before the ARC drops under 4 GiB", () => {
    const b = computeMemoryBudget({ totalMiB: 16384, machineLearningMiB: 4096, thumbnailConcurrency: 3, videoConcurrency: 1, hasZfs: true });
    expect(b.components.zfsArc.value).toBe(1024);
    expect(b.components.headroom.value).toBe(0);
    expect(b.warnings).toEqual(["ZFS ARC gets 1024 MiB, below the 4 GiB it should have; add RAM for a faster library"]);
  });

  it("scales every service down on a host at Immich's 6 GiB floor and still fits RAM", () => {
    const b = computeMemoryBudget({ totalMiB: 6144, machineLearningMiB: 4096, thumbnailConcurrency: 3, videoConcurrency: 1, hasZfs: true });
    const sum = Object.values(b.components).reduce((a, d) => a + d.value, 0);
    expect(sum).toBeLessThanOrEqual(6144);
    expect(b.scale).toBeLessThan(1);
    expect(b.components.zfsArc.value).toBe(1024);
    expect(b.warnings[0]).toMatch(/^6144 MiB RAM is less than the services want \(\d+ MiB\): every service scaled to \d+ %$/);
  });

  it("warns when the backups share the database's pool, and not when they do not", () => {
    const shared = tuned((p) => {
      for (const pool of p.spec.storage.pools) pool.roles = pool.roles.filter((r: string) => r !== "backups");
      p.spec.storage.pools.find((pool: any) => pool.roles.includes("database")).roles.push("backups");
    });
    expect(shared.warnings).toContainEqual(expect.stringMatching(/^pool \S+ holds both the database and its backups \(WAL archive, base backups, dumps\): losing that pool loses both; only the off-site copy would remain$/));
    expect(tuned(() => {}).warnings.filter((w: string) => w.includes("holds both"))).toEqual([]);
  });

  it("gives no ARC without a ZFS pool", () => {
    const j = tuned((p) => p.spec.storage.pools.forEach((pool: any) => (pool.filesystem = "xfs")));
    expect(j.memoryBudgetMiB.zfsArc).toBe(0);
    expect(j.zfs).toEqual({});
    expect(j.postgres).not.toHaveProperty("full_page_writes");
  });
});

describe("accelerators → ML backend and ffmpeg accel", () => {
  it.each([
    ["nvidia-gpu", "amd", MlBackend.CUDA, TranscodeAccel.NVENC, "-cuda"],
    ["intel-gpu", "intel", MlBackend.OPENVINO, TranscodeAccel.QSV, "-openvino"],
    ["amd-gpu", "amd", MlBackend.ROCM, TranscodeAccel.VAAPI, "-rocm"],
    ["rockchip-npu", "arm", MlBackend.RKNN, TranscodeAccel.RKMPP, "-rknn"],
  ])("%s → %s / %s", (kind, vendor, backend, accel, suffix) => {
    const j = tuned((p) => {
      p.spec.cpu.vendor = vendor;
      p.spec.accelerators = [{ kind, model: "x", memoryGiB: 8, uses: ["machine-learning", "transcoding"] }];
    });
    expect(j.machineLearning.backend).toBe(backend);
    expect(j.machineLearning.imageSuffix).toBe(suffix);
    expect(j.immichConfig.ffmpeg).toEqual({ accel, accelDecode: true, threads: 0 });
  });

  it("arm-mali → armnn, transcoding stays in software", () => {
    const j = tuned((p) => {
      p.spec.cpu.vendor = "arm";
      p.spec.accelerators = [{ kind: "arm-mali", model: "G610", uses: ["machine-learning"] }];
    });
    expect(j.machineLearning.backend).toBe("armnn");
    expect(j.immichConfig.ffmpeg.accel).toBe("disabled");
  });

  it("no accelerator → cpu backend with request threads = half the threads", () => {
    const j = tuned(() => {});
    expect(j.machineLearning).toEqual({
      backend: "cpu",
      imageSuffix: "",
      env: { MACHINE_LEARNING_WORKERS: "1", MACHINE_LEARNING_REQUEST_THREADS: "12", MACHINE_LEARNING_MODEL_TTL: "300" },
    });
    expect(j.immichConfig.ffmpeg).toEqual({ accel: "disabled", accelDecode: false, threads: 12 });
  });

  it("OpenVINO budgets 1.5× the CPU model RAM", () => {
    const j = explainJson(computeTuning(shippedProfile("xeon-e2400-enterprise")));
    expect(j.memoryBudgetMiB.machineLearning).toBe(6144);
  });

  it("ROCm gets the longer worker timeout", () => {
    const j = tuned((p) => (p.spec.accelerators = [{ kind: "amd-gpu", model: "x", uses: ["machine-learning"] }]));
    expect(j.machineLearning.env.MACHINE_LEARNING_WORKER_TIMEOUT).toBe("900");
  });
});

describe("job concurrency", () => {
  it("EPYC with a 20 GiB NVIDIA GPU", () => {
    const c = explainJson(computeTuning(shippedProfile("epyc-4004-prosumer"))).immichConfig.job;
    expect(c.smartSearch).toEqual({ concurrency: 10 }); // min(16, max(4, ⌊20/2⌋))
    expect(c.faceDetection).toEqual({ concurrency: 10 });
    expect(c.ocr).toEqual({ concurrency: 4 });
    expect(c.thumbnailGeneration).toEqual({ concurrency: 6 }); // ⌊24/4⌋
    expect(c.videoConversion).toEqual({ concurrency: 3 }); // NVENC
    expect(c.metadataExtraction).toEqual({ concurrency: 5 }); // library on HDD: default
  });

  it("homelab on CPU keeps the upstream defaults", () => {
    const c = explainJson(computeTuning(shippedProfile("homelab-minimal"))).immichConfig.job;
    expect(c.smartSearch).toEqual({ concurrency: 2 });
    expect(c.thumbnailGeneration).toEqual({ concurrency: 3 });
    expect(c.videoConversion).toEqual({ concurrency: 1 });
    expect(c.ocr).toEqual({ concurrency: 1 });
  });

  it("raises metadata extraction when the library is on flash, capped at 12", () => {
    const j = tuned((p) => {
      p.spec.cpu.cores = 32;
      p.spec.cpu.threads = 64;
      p.spec.storage.pools[1].media = "sata-ssd";
    });
    expect(j.immichConfig.job.metadataExtraction).toEqual({ concurrency: 12 });
    expect(j.immichConfig.job.thumbnailGeneration).toEqual({ concurrency: 8 });
  });

  it("caps GPU ML concurrency at 16", () => {
    const j = tuned((p) => (p.spec.accelerators = [{ kind: "nvidia-gpu", model: "H100", memoryGiB: 80, uses: ["machine-learning"] }]));
    expect(j.immichConfig.job.smartSearch).toEqual({ concurrency: 16 });
  });
});

describe("ZFS, network, Redis", () => {
  it("gives each role its dataset with role-specific properties", () => {
    const z = explainJson(computeTuning(shippedProfile("epyc-4004-prosumer"))).zfs;
    expect(Object.keys(z)).toEqual([
      "fast/immich/database",
      "fast/immich/ml-cache",
      "fast/immich/thumbnails",
      "fast/immich/docker",
      "tank/immich/library",
      "tank/immich/backups",
    ]);
    expect(z["fast/immich/database"]).toEqual({
      compression: "lz4",
      atime: "off",
      xattr: "sa",
      recordsize: "32K",
      logbias: "latency",
      primarycache: "all",
      redundant_metadata: "most",
    });
    expect(z["tank/immich/library"]).toMatchObject({ recordsize: "1M", primarycache: "metadata", dnodesize: "auto" });
  });

  it("10GbE with jumbo frames", () => {
    const j = explainJson(computeTuning(shippedProfile("epyc-4004-prosumer")));
    expect(j.sysctl).toEqual({
      "net.core.rmem_max": "67108864",
      "net.core.wmem_max": "67108864",
      "net.ipv4.tcp_rmem": "4096 87380 33554432",
      "net.ipv4.tcp_wmem": "4096 65536 33554432",
      "net.core.netdev_max_backlog": "30000",
      "net.core.default_qdisc": "fq",
      "net.ipv4.tcp_congestion_control": "bbr",
      "net.ipv4.tcp_mtu_probing": "1",
      "vm.overcommit_memory": "1",
    });
    expect(j.dockerNetworkMtu).toBe(9000);
  });

  it("40GbE uses the larger table; the Docker MTU follows the smallest uplink", () => {
    const j = explainJson(computeTuning(shippedProfile("xeon-e2400-enterprise")));
    expect(j.sysctl).toMatchObject({ "net.core.rmem_max": "134217728", "net.core.netdev_max_backlog": "250000", "net.ipv4.tcp_rmem": "4096 87380 67108864" });
    expect(j.dockerNetworkMtu).toBe(1500);
  });

  it("1GbE at 1500 only needs the Redis overcommit setting", () => {
    expect(explainJson(computeTuning(shippedProfile("homelab-minimal"))).sysctl).toEqual({ "vm.overcommit_memory": "1" });
  });

  it("Redis is BullMQ-safe and capped at half its budget", () => {
    const r = explainJson(computeTuning(shippedProfile("homelab-minimal"))).redis;
    expect(r).toMatchObject({ "maxmemory-policy": "noeviction", maxmemory: "512mb", appendonly: "yes", appendfsync: "everysec" });
  });
});
