import { z } from "zod";
import { oneOf } from "./problems.js";
import { plainText } from "./text.js";

/**
 * The `immich-iac/v1` HardwareProfile contract. Field names and enum values are used by tools outside this
 * repository: add optional fields only, never rename.
 *
 * Three layers, as in Astro's config schema: the base shape (strict objects, enums, ranges), then the
 * cross-field rules in `superRefine` with exact paths.
 */

export const CPU_VENDORS = ["amd", "intel", "arm", "other"] as const;
export const CPU_ARCHITECTURES = ["amd64", "arm64"] as const;
export const POOL_LAYOUTS = ["single", "mirror", "raidz1", "raidz2", "raidz3"] as const;
export const MEDIA = ["nvme-gen5", "nvme-gen4", "sata-ssd", "hdd"] as const;
export const FLASH_MEDIA = ["nvme-gen5", "nvme-gen4", "sata-ssd"] as const;
export const FILESYSTEMS = ["zfs", "ext4", "xfs"] as const;
export const ROLES = ["database", "ml-cache", "thumbnails", "library", "backups", "docker"] as const;
export const ACCELERATOR_KINDS = ["nvidia-gpu", "intel-gpu", "amd-gpu", "rockchip-npu", "arm-mali"] as const;
export const ACCELERATOR_USES = ["machine-learning", "transcoding"] as const;

/** Minimum number of devices a vdev layout needs. */
export const MIN_DEVICES: Readonly<Record<(typeof POOL_LAYOUTS)[number], number>> = {
  single: 1,
  mirror: 2,
  raidz1: 3,
  raidz2: 4,
  raidz3: 5,
};

/** Immich's documented RAM minimum with machine learning on [IMM docs/docs/install/requirements.md]. */
export const IMMICH_MIN_RAM_GIB = 6;

/** Which accelerator kinds an architecture's Immich images can drive [IMM hwaccel.ml.yml, hwaccel.transcoding.yml]. */
export const ACCELERATORS_BY_ARCH: Readonly<Record<(typeof CPU_ARCHITECTURES)[number], readonly string[]>> = {
  amd64: ["nvidia-gpu", "intel-gpu", "amd-gpu"],
  arm64: ["rockchip-npu", "arm-mali"],
};

/** Which uses each accelerator kind supports in Immich (ML backend / ffmpeg accel). */
export const USES_BY_KIND: Readonly<Record<(typeof ACCELERATOR_KINDS)[number], readonly string[]>> = {
  "nvidia-gpu": ["machine-learning", "transcoding"],
  "intel-gpu": ["machine-learning", "transcoding"],
  "amd-gpu": ["machine-learning", "transcoding"],
  "rockchip-npu": ["machine-learning", "transcoding"],
  "arm-mali": ["machine-learning"],
};

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ZFS_POOL_NAME = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;
/**
 * A device path: absolute, under /dev, made of the characters udev uses in /dev/disk/by-id and by-path names,
 * no `.` or `..` segment. It reaches shell scripts (quoted) and zpool; nothing in it can be read as syntax.
 */
const DEVICE_PATH = /^\/dev(\/(?!\.\.?(\/|$))[A-Za-z0-9._:+@-]+)+$/;
/**
 * The device paths a pool may name: a disk (or a partition of one), nothing else under /dev. A pool device is also
 * mapped into the SMART exporter, which holds CAP_SYS_RAWIO: a character device such as /dev/mem, /dev/kmsg or an
 * NVMe controller (/dev/nvme0) would hand it the host. Stable udev links (by-id, by-path, by-vdev: one name, no
 * subdirectory) or the kernel's names of SCSI/SATA/USB, NVMe namespaces, virtio, Xen and eMMC disks. Not
 * device-mapper or md (SMART cannot see through them: name the disks underneath) nor loop devices.
 */
// One expression, so that the JSON Schema carries it too (editors flag /dev/mem before validate does).
const BLOCK_DEVICE = /^\/dev\/(disk\/by-(id|path|vdev)\/[A-Za-z0-9._:+@-]+|nvme\d+n\d+(p\d+)?|(sd|vd|xvd)[a-z]+\d*|mmcblk\d+(p\d+)?)$/;
/** The allow-list as the refusal names it. */
export const BLOCK_DEVICE_FORMS =
  "/dev/disk/by-id/<name>, /dev/disk/by-path/<name>, /dev/disk/by-vdev/<name>, /dev/nvme<N>n<M>, /dev/sd<letters>, /dev/vd<letters>, /dev/xvd<letters> or /dev/mmcblk<N>, or a partition of one";
export function isBlockDevicePath(path: string): boolean {
  return BLOCK_DEVICE.test(path);
}

/** Bounds of real hardware, generous: beyond them a value is a typo, and the tuning would overflow what PostgreSQL and the kernel accept. */
export const LIMITS = {
  cores: 512,
  threads: 1024,
  totalGiB: 16384,
  speedGbps: 800,
  acceleratorMemoryGiB: 1024,
  devicesPerPool: 256,
  pools: 32,
  interfaces: 64,
  accelerators: 16,
} as const;

const name = (what: string) =>
  z.string().regex(DNS_LABEL, {
    error: `expected ${what}: lowercase letters, digits and '-', 1-63 characters, starting and ending with a letter or digit`,
  });

type Ctx = z.RefinementCtx;
const fail = (ctx: Ctx, path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

/**
 * A cross-field check that still runs when unrelated parts of the object are invalid, so that one typo
 * does not hide the other problems: it is skipped when the object itself or one of `needs` (its keys) has an issue.
 */
function crossCheck<T>(needs: readonly string[], fn: (value: T, ctx: Ctx) => void): z.core.$ZodCheck<T> {
  const check = z.superRefine(fn);
  // zod 4 exposes `when` on checks but not through superRefine's signature.
  (check._zod.def as { when?: (p: z.core.ParsePayload) => boolean }).when = (p) =>
    !p.issues.some((i) => (i.path?.length ?? 0) === 0 || needs.includes(String(i.path?.[0])));
  return check as unknown as z.core.$ZodCheck<T>;
}

const CpuSchema = z
  .strictObject({
    vendor: z.enum(CPU_VENDORS),
    /** Optional: derived from the vendor (amd/intel → amd64, arm → arm64, other → amd64) when absent. */
    architecture: z.enum(CPU_ARCHITECTURES).optional(),
    model: plainText(128).min(1),
    cores: z.int().min(1).max(LIMITS.cores),
    threads: z.int().min(1).max(LIMITS.threads),
  })
  .check(
    crossCheck<{ cores: number; threads: number }>(["cores", "threads"], (cpu, ctx) => {
      if (cpu.threads < cpu.cores) fail(ctx, ["threads"], `threads must be at least cores (expected ≥ ${cpu.cores}, got ${cpu.threads})`);
    }),
    crossCheck<{ vendor: string; architecture?: CpuArchitecture }>(["vendor", "architecture"], (cpu, ctx) => {
      if (cpu.vendor === "arm" && cpu.architecture === "amd64") {
        fail(ctx, ["architecture"], `an arm CPU cannot be amd64 (expected "arm64", got "amd64")`);
      }
      if ((cpu.vendor === "amd" || cpu.vendor === "intel") && cpu.architecture === "arm64") {
        fail(ctx, ["architecture"], `an ${cpu.vendor} CPU cannot be arm64 (expected "amd64", got "arm64")`);
      }
    }),
  );

const MemorySchema = z
  .strictObject({
    totalGiB: z.number().positive().max(LIMITS.totalGiB),
    ecc: z.boolean(),
  })
  .check(
    crossCheck<{ totalGiB: number }>(["totalGiB"], (m, ctx) => {
      if (m.totalGiB < IMMICH_MIN_RAM_GIB) {
        fail(ctx, ["totalGiB"], `below Immich's minimum RAM with machine learning (expected ≥ ${IMMICH_MIN_RAM_GIB}, got ${m.totalGiB})`);
      }
    }),
  );

const PoolSchema = z
  .strictObject({
    name: z.string().regex(ZFS_POOL_NAME, {
      error: "expected a ZFS pool name: a letter, then letters, digits, '_', '-', '.' or ':'",
    }),
    layout: z.enum(POOL_LAYOUTS),
    media: z.enum(MEDIA),
    devices: z
      .array(
        z
          .string()
          .max(255)
          // abort: a path that is not even well-formed gets one message, not two.
          .regex(DEVICE_PATH, { error: "expected a device path under /dev/ like /dev/disk/by-id/nvme-… (letters, digits, . _ : + @ -, no '..')", abort: true })
          .regex(BLOCK_DEVICE, { error: `expected a disk's device path: ${BLOCK_DEVICE_FORMS} (name the disk by its link in /dev/disk/by-id, see ls -l /dev/disk/by-id)` }),
      )
      .min(1)
      .max(LIMITS.devicesPerPool),
    roles: z.array(z.enum(ROLES)).max(ROLES.length),
    /** Optional: the filesystem the pool carries. Profiles describe ZFS pools; `ext4`/`xfs` skip ZFS tuning. */
    filesystem: z.enum(FILESYSTEMS).default("zfs"),
    /** Optional: the physical sector size preflight expects of every device (default: 4096 for NVMe and HDD). */
    sectorSizeBytes: z.union([z.literal(512), z.literal(4096)]).optional(),
  })
  .check(
    crossCheck<{ layout: PoolLayout; devices: string[] }>(["layout", "devices"], (pool, ctx) => {
      const min = MIN_DEVICES[pool.layout];
      if (pool.devices.length < min) {
        fail(ctx, ["devices"], `layout ${pool.layout} needs at least ${min} devices (expected ≥ ${min}, got ${pool.devices.length})`);
      }
    }),
    crossCheck<{ media: Media; roles: Role[] }>(["media", "roles"], (pool, ctx) => {
      pool.roles.forEach((role, k) => {
        if (role === "database" && !(FLASH_MEDIA as readonly string[]).includes(pool.media)) {
          fail(ctx, ["roles", k], `the database needs flash media (expected media ${oneOf(FLASH_MEDIA)}, got "${pool.media}")`);
        }
      });
    }),
  );

type Pool = z.output<typeof PoolSchema>;

function checkStorage(storage: { pools: Pool[] }, ctx: Ctx): void {
  const roleOwner = new Map<string, string>();
  const repeated = new Set<string>();
  const deviceOwner = new Map<string, string>();
  const poolNames = new Set<string>();
  storage.pools.forEach((pool, i) => {
    const at = ["pools", i];
    if (poolNames.has(pool.name)) fail(ctx, [...at, "name"], `pool names must be unique (expected a new name, got "${pool.name}" again)`);
    poolNames.add(pool.name);
    pool.devices.forEach((dev, j) => {
      const owner = deviceOwner.get(dev);
      if (owner !== undefined) {
        fail(ctx, [...at, "devices", j], `device paths must be unique across pools (expected a device no other pool uses, got "${dev}", already in pool "${owner}")`);
      } else deviceOwner.set(dev, pool.name);
    });
    pool.roles.forEach((role, k) => {
      const owner = roleOwner.get(role);
      // Each role once: a list repeating a role thousands of times is one problem, not thousands.
      if (owner !== undefined && !repeated.has(role)) {
        repeated.add(role);
        fail(ctx, [...at, "roles", k], `a role may be placed on one pool only (expected "${role}" once, got it on "${owner}" and "${pool.name}")`);
      } else if (owner === undefined) roleOwner.set(role, pool.name);
    });
  });
}

/** What a machine is for: the Immich host needs every role; an extra ML node only its model cache. */
export const PURPOSES = ["immich-host", "ml-node"] as const;
export type Purpose = (typeof PURPOSES)[number];
const ROLES_BY_PURPOSE: Readonly<Record<Purpose, readonly Role[]>> = { "immich-host": ROLES, "ml-node": ["ml-cache"] };

function checkRolesForPurpose(spec: { purpose: Purpose; storage: { pools: Pool[] } }, ctx: Ctx): void {
  const placed = new Set(spec.storage.pools.flatMap((p) => p.roles));
  const needed = ROLES_BY_PURPOSE[spec.purpose];
  for (const role of needed) {
    if (!placed.has(role)) {
      const expected = spec.purpose === "immich-host" ? `every role of ${oneOf(ROLES)} on a pool` : `"ml-cache" on a pool (an ML node keeps its models there)`;
      fail(ctx, ["storage", "pools"], `role "${role}" is not placed on any pool (expected ${expected})`);
    }
  }
}

const InterfaceSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_.:@-]{1,15}$/, { error: "expected a Linux interface name (1-15 characters)" }),
  speedGbps: z.number().positive().max(LIMITS.speedGbps),
  mtu: z.int().min(576).max(9216),
});

const NetworkSchema = z.strictObject({ interfaces: z.array(InterfaceSchema).min(1).max(LIMITS.interfaces) }).superRefine((net, ctx) => {
  const names = new Set<string>();
  net.interfaces.forEach((nic, i) => {
    if (names.has(nic.name)) fail(ctx, ["interfaces", i, "name"], `interface names must be unique (expected a new name, got "${nic.name}" again)`);
    names.add(nic.name);
  });
});

const AcceleratorSchema = z
  .strictObject({
    kind: z.enum(ACCELERATOR_KINDS),
    model: plainText(128).min(1),
    memoryGiB: z.number().positive().max(LIMITS.acceleratorMemoryGiB).optional(),
    uses: z.array(z.enum(ACCELERATOR_USES)).min(1).max(ACCELERATOR_USES.length),
    /** arm-mali only: the host has /lib/firmware/mali_csffw.bin, which some Mali drivers need. @default false */
    maliFirmware: z.boolean().optional(),
  })
  .check(
    crossCheck<{ kind: AcceleratorKind; maliFirmware?: boolean }>(["kind", "maliFirmware"], (acc, ctx) => {
      if (acc.maliFirmware !== undefined && acc.kind !== "arm-mali") {
        fail(ctx, ["maliFirmware"], `only an arm-mali accelerator has Mali firmware (expected no maliFirmware on a ${acc.kind}, got ${acc.maliFirmware})`);
      }
    }),
    crossCheck<{ kind: AcceleratorKind; uses: string[] }>(["kind", "uses"], (acc, ctx) => {
      acc.uses.forEach((use, k) => {
        if (!USES_BY_KIND[acc.kind].includes(use)) {
          fail(ctx, ["uses", k], `${acc.kind} cannot be used for ${use} (expected ${oneOf(USES_BY_KIND[acc.kind])}, got "${use}")`);
        }
      });
    }),
  );

type Accelerator = z.output<typeof AcceleratorSchema>;

const AcceleratorsSchema = z
  .array(AcceleratorSchema)
  .max(LIMITS.accelerators)
  .default([])
  .superRefine((accs, ctx) => {
    const useOwner = new Map<string, number>();
    const repeated = new Set<string>();
    accs.forEach((acc, i) => {
      acc.uses.forEach((use, k) => {
        const owner = useOwner.get(use);
        if (owner !== undefined && !repeated.has(use)) {
          repeated.add(use);
          fail(ctx, [i, "uses", k], `one accelerator per use (expected "${use}" on one accelerator, got it on accelerators[${owner}] and accelerators[${i}])`);
        } else if (owner === undefined) useOwner.set(use, i);
      });
    });
  });

type Cpu = z.output<typeof CpuSchema>;

function checkAcceleratorsForCpu(spec: { cpu: Cpu; accelerators: Accelerator[] }, ctx: Ctx): void {
  const arch = architectureOf(spec.cpu);
  const allowed = ACCELERATORS_BY_ARCH[arch];
  spec.accelerators.forEach((acc, i) => {
    if (!allowed.includes(acc.kind)) {
      fail(
        ctx,
        ["accelerators", i, "kind"],
        `Immich has no ${arch} images for this accelerator (expected ${oneOf(allowed)} with an ${spec.cpu.vendor} CPU, got "${acc.kind}")`,
      );
    }
  });
}

export const HardwareProfileBaseSchema = z.strictObject({
  apiVersion: z.literal("immich-iac/v1"),
  kind: z.literal("HardwareProfile"),
  metadata: z.strictObject({
    name: name("a profile name"),
    description: plainText(500).default(""),
  }),
  spec: z
    .strictObject({
      /** `ml-node`: an extra machine-learning node (only the ml-cache role is needed). */
      purpose: z.enum(PURPOSES).default("immich-host"),
      cpu: CpuSchema,
      memory: MemorySchema,
      storage: z.strictObject({ pools: z.array(PoolSchema).min(1).max(LIMITS.pools) }).superRefine(checkStorage),
      network: NetworkSchema,
      accelerators: AcceleratorsSchema,
    })
    .check(crossCheck(["cpu", "accelerators"], checkAcceleratorsForCpu))
    .check(crossCheck(["purpose", "storage"], checkRolesForPurpose)),
});

type BaseProfile = z.output<typeof HardwareProfileBaseSchema>;

export function architectureOf(cpu: { vendor: BaseProfile["spec"]["cpu"]["vendor"]; architecture?: CpuArchitecture | undefined }): CpuArchitecture {
  if (cpu.architecture) return cpu.architecture;
  return cpu.vendor === "arm" ? "arm64" : "amd64";
}

/** Every rule lives in the base schema; the name is kept for the loaders. */
export const HardwareProfileSchema = HardwareProfileBaseSchema;

/** A validated hardware profile: plain data, free of zod types. */
export type HardwareProfile = z.output<typeof HardwareProfileSchema>;
export type PoolLayout = (typeof POOL_LAYOUTS)[number];
export type Media = (typeof MEDIA)[number];
export type Filesystem = (typeof FILESYSTEMS)[number];
export type Role = (typeof ROLES)[number];
export type AcceleratorKind = (typeof ACCELERATOR_KINDS)[number];
export type CpuArchitecture = (typeof CPU_ARCHITECTURES)[number];
