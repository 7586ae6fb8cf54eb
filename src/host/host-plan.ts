/**
 * What the host under the containers must look like, as plain data: derived from the deployment and the
 * tuning, rendered into convergent scripts (src/renderers/host), applied by HostResources.
 */
export interface HostDataset {
  readonly dataset: string;
  readonly pool: string;
  readonly mountpoint: string;
  /** ZFS property → value, exactly as `zfs get -H -o value` prints it. */
  readonly properties: Readonly<Record<string, string>>;
}

export interface HostPool {
  readonly name: string;
  readonly filesystem: "zfs" | "ext4" | "xfs";
  readonly devices: readonly string[];
  /** Expected physical sector size of every device; undefined = not checked. */
  readonly sectorSizeBytes?: number;
}

export interface HostDirectory {
  readonly path: string;
  /** `uid:gid` */
  readonly owner: string;
  /** Octal, e.g. `0750`. */
  readonly mode: string;
}

/** A port Docker publishes on `address`, reachable only from `from` (an address or a CIDR block). */
export interface PublishedFrom {
  readonly address: string;
  readonly port: number;
  readonly from: string;
}

/**
 * A folder an external library reads: preflight checks it is there and readable by the containers' uid, with
 * its import paths; nothing ever creates, chowns or writes it.
 */
export interface ExternalFolder {
  /** The library's name, for messages. */
  readonly library: string;
  readonly path: string;
  /** Folders below `path` Immich imports (relative). */
  readonly importPaths: readonly string[];
  /** The uid the containers read it as. */
  readonly uid: number;
}

/**
 * The proxy's ports, published on `addresses` only, admitted only from `allowFrom` (access mode `lan`): a chain of
 * DOCKER-USER rules, since Docker's NAT bypasses UFW's input rules (src/renderers/host/access-filter.ts).
 */
export interface AccessFilter {
  /** iptables chain name, at most 28 characters; one per deployment. */
  readonly chain: string;
  readonly addresses: readonly string[];
  readonly ports: readonly { readonly port: number; readonly protocol: "tcp" | "udp" }[];
  /** Networks in CIDR notation with their host bits zero (as iptables prints them). */
  readonly allowFrom: readonly string[];
}

/** The host's WireGuard interface (access mode `wireguard`); its private key is generated on the host. */
export interface WireguardPlan {
  readonly interface: string;
  /** Server tunnel address with prefix, `10.8.0.1/24`. */
  readonly address: string;
  readonly listenPort: number;
  readonly peers: readonly { readonly name: string; readonly publicKey: string; readonly address: string }[];
}

export interface HostPlan {
  readonly deploymentName: string;
  readonly pools: readonly HostPool[];
  readonly datasets: readonly HostDataset[];
  /** 0 = leave the ARC alone (no ZFS pool). */
  readonly arcMaxBytes: number;
  readonly directories: readonly HostDirectory[];
  readonly sysctl: Readonly<Record<string, string>>;
  readonly firewall: {
    readonly sshPort: number;
    readonly tcp: readonly number[];
    readonly udp: readonly number[];
    /**
     * Ports Docker publishes on one address, admitted only from one source (an ML node's port, from the Immich
     * host). Docker's NAT bypasses UFW's input rules, so these are DOCKER-USER rules. @default []
     */
    readonly publishedOnlyFrom?: readonly PublishedFrom[];
    /** The proxy's ports limited to some networks (access mode `lan`). @default - none: open to anyone */
    readonly access?: AccessFilter;
    /**
     * In mode `public`: the access chain an earlier `lan` or `wireguard` deploy of this deployment may have left
     * (its name, from the deployment's), removed with its jump, its after.rules block and the UFW rules it tagged.
     * @default - none (hosts that never have an access chain: ML nodes)
     */
    readonly retiredAccessChain?: string;
  };
  readonly deployUser: { readonly name: string; readonly authorizedKeys: readonly string[] };
  /** A WireGuard interface for access mode `wireguard`. @default - none */
  readonly wireguard?: WireguardPlan;
  /** /etc/docker/daemon.json as an object (rendered with sorted keys). */
  readonly dockerDaemon: Readonly<Record<string, unknown>>;
  readonly preflight: {
    /** Lowest Docker Engine the containers' settings work with. */
    readonly minDockerVersion: string;
    readonly nvidiaRuntime: boolean;
    /** Device nodes the accelerators need. */
    readonly devices: readonly string[];
    /** The amd64 ML image needs x86-64-v2 since Immich v3. */
    readonly x86_64_v2: boolean;
    /** External libraries' folders, checked and never changed. @default [] */
    readonly externalFolders?: readonly ExternalFolder[];
  };
}
