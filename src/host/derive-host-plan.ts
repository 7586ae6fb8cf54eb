import { sshTarget, type Deployment, type MlNodeSettings } from "../deployment/load-deployment.js";
import { ML_PORT } from "../tuning/machine-learning.js";
import type { MlNodeTuning } from "../tuning/ml-nodes.js";
import type { HardwareProfile } from "../profile/hardware-profile-schema.js";
import type { ZfsTuning } from "../tuning/zfs.js";
import { architectureOf } from "../profile/hardware-profile-schema.js";
import { MlBackend, TranscodeAccel } from "../tuning/accelerators.js";
import type { Tuning } from "../tuning/tuning.js";
import { roleMountpoint } from "../tuning/zfs.js";
import type { HostDirectory, HostPlan } from "./host-plan.js";
import { accessChain, accessFilter, accessUdpPorts, wireguardPlan } from "./access-plan.js";
import { VOLUME_LAYOUT, VOLUME_SUBDIRECTORIES, volumeHostPath, volumeSubdirectoryPath } from "./volume-layout.js";
import { IMMICH_CONTAINER_UID } from "../libraries/external-libraries.js";

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

/** Lowest Docker Engine the containers' settings work with. */
const MIN_DOCKER_VERSION = "20.10";

/** daemon.json: Docker's data on the docker role's dataset (when the profile places one), rotated logs, the tuned MTU. */
function dockerDaemon(dataRoot: string | undefined, mtu: number): HostPlan["dockerDaemon"] {
  return {
    ...(dataRoot ? { "data-root": dataRoot } : {}),
    "live-restore": true,
    "log-driver": "json-file",
    "log-opts": { ...DOCKER_LOG_OPTS },
    mtu,
  };
}

/** The profile's pools as preflight checks them: a stated sector size, else 4096 for NVMe and HDD. */
function hostPools(profile: HardwareProfile): HostPlan["pools"] {
  return profile.spec.storage.pools.map((p) => ({
    name: p.name,
    filesystem: p.filesystem,
    devices: p.devices,
    ...(p.sectorSizeBytes !== undefined ? { sectorSizeBytes: p.sectorSizeBytes } : p.media === "sata-ssd" ? {} : { sectorSizeBytes: 4096 }),
  }));
}

/** The tuned datasets, mounted at their roles' mountpoints under the data root. */
function hostDatasets(zfs: ZfsTuning, root: string): HostPlan["datasets"] {
  return zfs.datasets.map((ds) => ({
    dataset: ds.dataset,
    pool: ds.pool,
    mountpoint: roleMountpoint(ds.role, root),
    properties: Object.fromEntries(Object.entries(ds.properties).map(([k, v]) => [k, v.value])),
  }));
}

/** Role mountpoints first (on ZFS the dataset creates them; elsewhere the operator mounts them here). */
function roleDirectories(profile: HardwareProfile, root: string): Map<string, HostDirectory> {
  const dirs = new Map<string, HostDirectory>();
  for (const pool of profile.spec.storage.pools) {
    for (const role of pool.roles) dirs.set(roleMountpoint(role, root), { path: roleMountpoint(role, root), owner: "0:0", mode: "0755" });
  }
  return dirs;
}

/** `192.168.10.20` → `192.168.10.0/24`: who may call a node when the deployment does not name the Immich host. */
export function slash24(address: string): string {
  return `${address.split(".").slice(0, 3).join(".")}.0/24`;
}

/**
 * The host an extra ML node needs: its pools' datasets (model cache, Docker), the model-cache directory, kernel
 * network settings, the deploy user, a firewall that admits SSH and lets only the Immich host (or the node's
 * /24) reach the ML port, Docker's daemon.json, and a preflight for its accelerator.
 */
export function deriveNodeHostPlan(d: Deployment, node: MlNodeSettings, t: MlNodeTuning): HostPlan {
  const root = d.dataRoot;
  const profile = node.profile;
  const dirs = roleDirectories(profile, root);
  const cache = VOLUME_LAYOUT.find((v) => v.key === "modelCache")!;
  dirs.set(volumeHostPath(cache, root), { path: volumeHostPath(cache, root), owner: cache.owner, mode: cache.mode });
  const ssh = sshTarget(node.dockerHost);
  const backend = t.machineLearning.backend.value;
  const hasDockerRole = profile.spec.storage.pools.some((p) => p.roles.includes("docker"));
  return {
    deploymentName: `${d.name} (ML node ${node.name})`,
    pools: hostPools(profile),
    datasets: hostDatasets(t.zfs, root),
    arcMaxBytes: t.zfs.arcMaxBytes.value,
    directories: [...dirs.values()],
    sysctl: Object.fromEntries(Object.entries(t.network.sysctl).map(([k, v]) => [k, v.value])),
    firewall: {
      sshPort: ssh?.port ?? 22,
      tcp: [],
      udp: [],
      publishedOnlyFrom: [{ address: node.address, port: ML_PORT, from: d.immichHostAddress ?? slash24(node.address) }],
    },
    deployUser: { name: ssh?.user ?? d.host.deployUser.name, authorizedKeys: d.host.deployUser.authorizedKeys },
    dockerDaemon: dockerDaemon(hasDockerRole ? roleMountpoint("docker", root) : undefined, t.network.dockerMtu.value),
    preflight: {
      minDockerVersion: MIN_DOCKER_VERSION,
      nvidiaRuntime: backend === MlBackend.CUDA,
      devices: DEVICES_BY_BACKEND[backend],
      x86_64_v2: t.architecture === "amd64",
    },
  };
}

/** The host a deployment needs, from its profile, its tuning and its settings. */
export function deriveHostPlan(d: Deployment, t: Tuning): HostPlan {
  const profile = d.profile;
  const root = d.dataRoot;
  const datasets = hostDatasets(t.zfs, root);
  const dirs = roleDirectories(profile, root);
  for (const v of VOLUME_LAYOUT) {
    const path = volumeHostPath(v, root);
    dirs.set(path, { path, owner: v.owner, mode: v.mode });
  }
  for (const s of VOLUME_SUBDIRECTORIES) {
    const path = volumeSubdirectoryPath(s, root);
    dirs.set(path, { path, owner: s.owner, mode: s.mode });
  }
  const devices = [...new Set([...DEVICES_BY_BACKEND[t.machineLearning.backend.value], ...DEVICES_BY_TRANSCODE[t.transcode.value]])];
  return {
    deploymentName: d.name,
    pools: hostPools(profile),
    datasets,
    arcMaxBytes: t.zfs.arcMaxBytes.value,
    directories: [...dirs.values()],
    sysctl: Object.fromEntries(Object.entries(t.network.sysctl).map(([k, v]) => [k, v.value])),
    firewall: proxyFirewall(d),
    deployUser: d.host.deployUser,
    ...(wireguardPlan(d) ? { wireguard: wireguardPlan(d)! } : {}),
    dockerDaemon: dockerDaemon(roleMountpoint("docker", root), t.network.dockerMtu.value),
    preflight: {
      minDockerVersion: MIN_DOCKER_VERSION,
      nvidiaRuntime: t.machineLearning.backend.value === MlBackend.CUDA || t.transcode.value === TranscodeAccel.NVENC,
      devices,
      x86_64_v2: architectureOf(profile.spec.cpu) === "amd64",
      ...(d.libraries.external.length > 0
        ? { externalFolders: d.libraries.external.map((l) => ({ library: l.name, path: l.hostPath, importPaths: l.importPaths, uid: IMMICH_CONTAINER_UID })) }
        : {}),
    },
  };
}

/**
 * The Immich host's firewall: SSH, and the proxy's ports open to anyone (`public`), or — in `lan` mode — none
 * opened in UFW (Docker's NAT bypasses its input rules anyway) and a DOCKER-USER chain that admits only the
 * listed networks to the listed addresses.
 */
function proxyFirewall(d: Deployment): HostPlan["firewall"] {
  const filter = accessFilter(d);
  if (!filter) return { sshPort: d.host.sshPort, tcp: [80, 443], udp: d.ingress.http3 ? [443] : [], retiredAccessChain: accessChain(d.name) };
  return { sshPort: d.host.sshPort, tcp: [], udp: accessUdpPorts(d), access: filter };
}
