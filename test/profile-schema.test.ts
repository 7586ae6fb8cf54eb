import { describe, expect, it } from "vitest";
import { baseProfile, messagesOf, SHIPPED_PROFILES, shippedProfileText, problemsOfText } from "./util.js";

describe("hardware profile schema", () => {
  it.each(SHIPPED_PROFILES)("accepts the shipped profile %s", (name) => {
    expect(problemsOfText(shippedProfileText(name), `${name}.yaml`)).toEqual([]);
  });

  it("accepts the small base profile used by these tests", () => {
    expect(messagesOf(baseProfile())).toEqual([]);
  });

  it("rejects unknown keys (strict)", () => {
    const p = baseProfile();
    p.spec.cpu.sockets = 2;
    expect(messagesOf(p)).toEqual(['spec.cpu.sockets: unknown field (expected one of the documented fields, got "sockets")']);
  });

  it("rejects a wrong apiVersion", () => {
    const p = baseProfile();
    p.apiVersion = "immich-iac/v2";
    expect(messagesOf(p)).toEqual(['apiVersion: wrong value (expected "immich-iac/v1", got "immich-iac/v2")']);
  });

  it("rejects an unknown enum value and names the allowed ones", () => {
    const p = baseProfile();
    p.spec.storage.pools[1].layout = "raid6";
    expect(messagesOf(p)).toEqual([
      'spec.storage.pools[1].layout: not an allowed value (expected "single", "mirror", "raidz1", "raidz2" or "raidz3", got "raid6")',
    ]);
  });

  it("reports a missing required field", () => {
    const p = baseProfile();
    delete p.spec.memory.ecc;
    expect(messagesOf(p)).toEqual(["spec.memory.ecc: required field is missing (expected true or false, got nothing)"]);
  });

  it.each([
    ["mirror", 1, 2],
    ["raidz1", 2, 3],
    ["raidz2", 3, 4],
    ["raidz3", 4, 5],
  ])("rejects %s with %i devices (needs %i)", (layout, have, need) => {
    const p = baseProfile();
    p.spec.storage.pools[1].layout = layout;
    p.spec.storage.pools[1].devices = ["/dev/sda", "/dev/sdb", "/dev/sdc", "/dev/sdd", "/dev/sde"].slice(0, have);
    expect(messagesOf(p)).toEqual([
      `spec.storage.pools[1].devices: layout ${layout} needs at least ${need} devices (expected ≥ ${need}, got ${have})`,
    ]);
  });

  it("accepts each layout at exactly its minimum", () => {
    for (const [layout, n] of [["single", 1], ["mirror", 2], ["raidz1", 3], ["raidz2", 4], ["raidz3", 5]] as const) {
      const p = baseProfile();
      p.spec.storage.pools[1].layout = layout;
      p.spec.storage.pools[1].devices = ["/dev/sda", "/dev/sdb", "/dev/sdc", "/dev/sdd", "/dev/sde"].slice(0, n);
      expect(messagesOf(p)).toEqual([]);
    }
  });

  it("rejects a role placed on two pools", () => {
    const p = baseProfile();
    p.spec.storage.pools[1].roles.push("thumbnails");
    expect(messagesOf(p)).toEqual([
      'spec.storage.pools[1].roles[2]: a role may be placed on one pool only (expected "thumbnails" once, got it on "fast" and "tank")',
    ]);
  });

  it("rejects a role that is placed nowhere", () => {
    const p = baseProfile();
    p.spec.storage.pools[1].roles = ["library"];
    expect(messagesOf(p)).toEqual([
      'spec.storage.pools: role "backups" is not placed on any pool (expected every role of "database", "ml-cache", "thumbnails", "library", "backups" or "docker" on a pool)',
    ]);
  });

  it("rejects the database on HDD", () => {
    const p = baseProfile();
    p.spec.storage.pools[0].roles = ["ml-cache", "thumbnails", "docker"];
    p.spec.storage.pools[1].roles = ["database", "library", "backups"];
    expect(messagesOf(p)).toEqual([
      'spec.storage.pools[1].roles[0]: the database needs flash media (expected media "nvme-gen5", "nvme-gen4" or "sata-ssd", got "hdd")',
    ]);
  });

  it("rejects a device used by two pools", () => {
    const p = baseProfile();
    p.spec.storage.pools[1].devices[2] = "/dev/nvme1n1";
    expect(messagesOf(p)).toEqual([
      'spec.storage.pools[1].devices[2]: device paths must be unique across pools (expected a device no other pool uses, got "/dev/nvme1n1", already in pool "fast")',
    ]);
  });

  it("rejects a device path outside /dev", () => {
    const p = baseProfile();
    p.spec.storage.pools[0].devices[0] = "sda";
    expect(messagesOf(p)).toEqual(["spec.storage.pools[0].devices[0]: invalid format (expected a device path under /dev/ like /dev/disk/by-id/nvme-… (letters, digits, . _ : + @ -, no '..'), got \"sda\")"]);
  });

  // Each form of the allow-list, and what it must not let through (a SMART exporter with CAP_SYS_RAWIO maps it).
  it.each([
    "/dev/disk/by-id/nvme-Samsung_SSD_990_PRO_2TB_S7KHNJ0X123456",
    "/dev/disk/by-id/ata-WDC_WD120EFBX-68B0EN0_5QG1ABCD-part1",
    "/dev/disk/by-path/pci-0000:00:1f.2-ata-1",
    "/dev/disk/by-vdev/A1",
    "/dev/nvme0n1",
    "/dev/nvme12n3p4",
    "/dev/sdz",
    "/dev/sdab2",
    "/dev/vdb",
    "/dev/xvdf1",
    "/dev/mmcblk0",
    "/dev/mmcblk1p2",
  ])("accepts the block device path %s", (dev) => {
    const p = baseProfile();
    p.spec.storage.pools[0].devices[0] = dev;
    expect(messagesOf(p)).toEqual([]);
  });

  const notADisk = (dev: string) =>
    `spec.storage.pools[0].devices[0]: invalid format (expected a disk's device path: /dev/disk/by-id/<name>, /dev/disk/by-path/<name>, /dev/disk/by-vdev/<name>, /dev/nvme<N>n<M>, /dev/sd<letters>, /dev/vd<letters>, /dev/xvd<letters> or /dev/mmcblk<N>, or a partition of one (name the disk by its link in /dev/disk/by-id, see ls -l /dev/disk/by-id), got "${dev}")`;
  it.each([
    ["/dev/mem", "physical memory"],
    ["/dev/kmsg", "the kernel log"],
    ["/dev/nvme0", "an NVMe controller (character device)"],
    ["/dev/nvme0n1/x", "below a namespace"],
    ["/dev/disk/by-id", "the directory itself"],
    ["/dev/disk/by-id/sub/x", "a subdirectory of by-id"],
    ["/dev/disk/by-uuid/1234", "a filesystem's UUID link"],
    ["/dev/mapper/crypt-a", "device-mapper"],
    ["/dev/dm-0", "device-mapper by kernel name"],
    ["/dev/md0", "md RAID"],
    ["/dev/loop0", "a loop device"],
    ["/dev/sd0", "sd without letters"],
    ["/dev/SDA", "upper case"],
    ["/dev/sda1x", "trailing garbage"],
    ["/dev/mmcblk0boot0", "eMMC boot partition"],
  ])("refuses %s (%s), naming the allow-list and the fix", (dev) => {
    const p = baseProfile();
    p.spec.storage.pools[0].devices[0] = dev;
    expect(messagesOf(p)).toEqual([notADisk(dev)]);
  });

  it("gives a malformed device path one message, not also the allow-list's", () => {
    const p = baseProfile();
    p.spec.storage.pools[0].devices[0] = "/dev/$(id)";
    expect(messagesOf(p)).toEqual([
      "spec.storage.pools[0].devices[0]: invalid format (expected a device path under /dev/ like /dev/disk/by-id/nvme-… (letters, digits, . _ : + @ -, no '..'), got \"/dev/$(id)\")",
    ]);
  });

  it("rejects duplicate pool names", () => {
    const p = baseProfile();
    p.spec.storage.pools[1].name = "fast";
    expect(messagesOf(p)).toEqual(['spec.storage.pools[1].name: pool names must be unique (expected a new name, got "fast" again)']);
  });

  it("rejects fewer threads than cores", () => {
    const p = baseProfile();
    p.spec.cpu.threads = 8;
    expect(messagesOf(p)).toEqual(["spec.cpu.threads: threads must be at least cores (expected ≥ 12, got 8)"]);
  });

  it("rejects RAM below Immich's floor and accepts exactly the floor", () => {
    const p = baseProfile();
    p.spec.memory.totalGiB = 4;
    expect(messagesOf(p)).toEqual(["spec.memory.totalGiB: below Immich's minimum RAM with machine learning (expected ≥ 6, got 4)"]);
    p.spec.memory.totalGiB = 6;
    expect(messagesOf(p)).toEqual([]);
  });

  it.each(["rockchip-npu", "arm-mali"])("rejects %s on an x86 CPU", (kind) => {
    const p = baseProfile();
    p.spec.accelerators = [{ kind, model: "x", uses: ["machine-learning"] }];
    expect(messagesOf(p)).toEqual([
      `spec.accelerators[0].kind: Immich has no amd64 images for this accelerator (expected "nvidia-gpu", "intel-gpu" or "amd-gpu" with an amd CPU, got "${kind}")`,
    ]);
  });

  it("rejects an NVIDIA GPU on an arm CPU and accepts an NPU there", () => {
    const p = baseProfile();
    p.spec.cpu = { vendor: "arm", model: "RK3588", cores: 8, threads: 8 };
    p.spec.accelerators = [{ kind: "nvidia-gpu", model: "x", uses: ["machine-learning"] }];
    expect(messagesOf(p)).toEqual([
      'spec.accelerators[0].kind: Immich has no arm64 images for this accelerator (expected "rockchip-npu" or "arm-mali" with an arm CPU, got "nvidia-gpu")',
    ]);
    p.spec.accelerators = [{ kind: "rockchip-npu", model: "RK3588 NPU", uses: ["machine-learning", "transcoding"] }];
    expect(messagesOf(p)).toEqual([]);
  });

  it("rejects an architecture that contradicts the vendor", () => {
    const p = baseProfile();
    p.spec.cpu.architecture = "arm64";
    expect(messagesOf(p)).toEqual(['spec.cpu.architecture: an amd CPU cannot be arm64 (expected "amd64", got "arm64")']);
  });

  it("rejects a Mali GPU for transcoding", () => {
    const p = baseProfile();
    p.spec.cpu = { vendor: "arm", model: "x", cores: 8, threads: 8 };
    p.spec.accelerators = [{ kind: "arm-mali", model: "G610", uses: ["transcoding"] }];
    expect(messagesOf(p)).toEqual(['spec.accelerators[0].uses[0]: arm-mali cannot be used for transcoding (expected "machine-learning", got "transcoding")']);
  });

  it("accepts maliFirmware on an arm-mali accelerator only", () => {
    const p = baseProfile();
    p.spec.cpu = { vendor: "arm", model: "x", cores: 8, threads: 8 };
    p.spec.accelerators = [{ kind: "arm-mali", model: "G610", uses: ["machine-learning"], maliFirmware: true }];
    expect(messagesOf(p)).toEqual([]);
    p.spec.accelerators = [{ kind: "rockchip-npu", model: "RK3588", uses: ["machine-learning"], maliFirmware: true }];
    expect(messagesOf(p)).toEqual(["spec.accelerators[0].maliFirmware: only an arm-mali accelerator has Mali firmware (expected no maliFirmware on a rockchip-npu, got true)"]);
  });

  it("rejects two accelerators for the same use", () => {
    const p = baseProfile();
    p.spec.accelerators = [
      { kind: "nvidia-gpu", model: "a", uses: ["machine-learning"] },
      { kind: "intel-gpu", model: "b", uses: ["machine-learning", "transcoding"] },
    ];
    expect(messagesOf(p)).toEqual([
      'spec.accelerators[1].uses[0]: one accelerator per use (expected "machine-learning" on one accelerator, got it on accelerators[0] and accelerators[1])',
    ]);
  });

  it.each([
    ["speedGbps", 0, "spec.network.interfaces[0].speedGbps: too small (expected > 0, got 0)"],
    ["speedGbps", -1, "spec.network.interfaces[0].speedGbps: too small (expected > 0, got -1)"],
    ["mtu", 0, "spec.network.interfaces[0].mtu: too small (expected ≥ 576, got 0)"],
    ["mtu", 9600, "spec.network.interfaces[0].mtu: too big (expected ≤ 9216, got 9600)"],
    ["mtu", 1500.5, "spec.network.interfaces[0].mtu: wrong type (expected an integer, got 1500.5)"],
  ])("rejects interface %s = %s", (field, value, message) => {
    const p = baseProfile();
    p.spec.network.interfaces[0][field] = value;
    expect(messagesOf(p)).toEqual([message]);
  });

  it("rejects duplicate interface names", () => {
    const p = baseProfile();
    p.spec.network.interfaces.push({ name: "eth0", speedGbps: 1, mtu: 1500 });
    expect(messagesOf(p)).toEqual(['spec.network.interfaces[1].name: interface names must be unique (expected a new name, got "eth0" again)']);
  });

  it("reports every problem at once, including cross-field ones next to shape errors", () => {
    const p = baseProfile();
    p.metadata.name = "Bad_Name";
    p.spec.cpu.threads = 4; // cross-field
    p.spec.memory.ecc = "yes"; // shape
    p.spec.storage.pools[1].layout = "raidz3"; // cross-field: 4 devices < 5
    expect(messagesOf(p)).toEqual([
      "metadata.name: invalid format (expected a profile name: lowercase letters, digits and '-', 1-63 characters, starting and ending with a letter or digit, got \"Bad_Name\")",
      "spec.cpu.threads: threads must be at least cores (expected ≥ 12, got 4)",
      'spec.memory.ecc: wrong type (expected true or false, got "yes")',
      "spec.storage.pools[1].devices: layout raidz3 needs at least 5 devices (expected ≥ 5, got 4)",
    ]);
  });
});
