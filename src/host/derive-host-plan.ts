import type { Deployment } from "../deployment/load-deployment.js";
import { architectureOf } from "../profile/hardware-profile-schema.js";
import { MlBackend, TranscodeAccel } from "../tuning/accelerators.js";
import type { Tuning } from "../tuning/tuning.js";
import { roleMountpoint } from "../tuning/zfs.js";
import type { HostDirectory, HostPlan } from "./host-plan.js";
import { VOLUME_LAYOUT, volumeHostPath } from "./volume-layout.js";

/** Rotation for every container's json-file log; the same values the containers set explicitly. */
export const DOCKER_LOG_OPTS = { "max-file": "3", "max-size": "10m" } as const;

const DEVICES_BY_BACKEND: Readonly<Record<MlBackend, readonly string[]>> = {
  [MlBackend.CPU]: [],
  [MlBackend.CUDA]: [],
  [MlBackend.OPENVINO]: ["/dev/dri"],
  [MlBackend.ROCM]: ["/dev/dri", "/dev/kfd"],
  [MlBackend.RKNN]: ["/dev/dri"],
  [MlBackend.ARMNN]: ["/dev/mali0"],
};
const DEVICES_BY_TRANSCODE: Readonly<Record<TranscodeAccel, readonly string[]>> = {
  [TranscodeAccel.DISABLED]: [],
  [TranscodeAccel.NVENC]: [],
  [TranscodeAccel.QSV]: ["/dev/dri"],
  [TranscodeAccel.VAAPI]: ["/dev/dri"],
  [TranscodeAccel.RKMPP]: ["/dev/rga", "/dev/dri", "/dev/dma_heap", "/dev/mpp_service"],
};

/** The host a deployment needs, from its profile, its tuning and its settings. */
export function deriveHostPlan(d: Deployment, t: Tuning): HostPlan {
  const profile = d.profile;
  const root = d.dataRoot;
  const roleOfDataset = new Map(t.zfs.datasets.map((ds) => [ds.dataset, ds.role]));
  const datasets = t.zfs.datasets.map((ds) => ({
    dataset: ds.dataset,
    pool: ds.pool,
    mountpoint: roleMountpoint(roleOfDataset.get(ds.dataset)!, root),
    properties: Object.fromEntries(Object.entries(ds.properties).map(([k, v]) => [k, v.value])),
  }));
  const dirs = new Map<string, HostDirectory>();
  // Role mountpoints first (on ZFS the dataset creates them; elsewhere the operator mounts them here).
  for (const pool of profile.spec.storage.pools) {
    for (const role of pool.roles) dirs.set(roleMountpoint(role, root), { path: roleMountpoint(role, root), owner: "0:0", mode: "0755" });
  }
  for (const v of VOLUME_LAYOUT) {
    const path = volumeHostPath(v, root);
    dirs.set(path, { path, owner: v.owner, mode: v.mode });
  }
  const devices = [...new Set([...DEVICES_BY_BACKEND[t.machineLearning.backend.value], ...DEVICES_BY_TRANSCODE[t.transcode.value]])];
  return {
    deploymentName: d.name,
    pools: profile.spec.storage.pools.map((p) => ({
      name: p.name,
      filesystem: p.filesystem,
      devices: p.devices,
      ...(p.sectorSizeBytes !== undefined
        ? { sectorSizeBytes: p.sectorSizeBytes }
        : p.media === "sata-ssd"
          ? {}
          : { sectorSizeBytes: 4096 }),
    })),
    datasets,
    arcMaxBytes: t.zfs.arcMaxBytes.value,
    directories: [...dirs.values()],
    sysctl: Object.fromEntries(Object.entries(t.network.sysctl).map(([k, v]) => [k, v.value])),
    firewall: { sshPort: d.host.sshPort, tcp: [80, 443], udp: d.ingress.http3 ? [443] : [] },
    deployUser: d.host.deployUser,
    dockerDaemon: {
      "data-root": roleMountpoint("docker", root),
      "live-restore": true,
      "log-driver": "json-file",
      "log-opts": { ...DOCKER_LOG_OPTS },
      mtu: t.network.dockerMtu.value,
    },
    preflight: {
      minDockerVersion: "20.10",
      nvidiaRuntime: t.machineLearning.backend.value === MlBackend.CUDA || t.transcode.value === TranscodeAccel.NVENC,
      devices,
      x86_64_v2: architectureOf(profile.spec.cpu) === "amd64",
    },
  };
}
