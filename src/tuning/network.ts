import type { HardwareProfile } from "../profile/hardware-profile-schema.js";
import { derive, SOURCES, type Derived } from "./derived.js";

/** NIC classes with their fasterdata sysctl tables. */
export enum NicClass {
  GBE_1 = "1GbE",
  GBE_10 = "10GbE",
  GBE_40 = "40GbE",
}

export interface NetworkTuning {
  readonly nicClass: Derived<NicClass>;
  readonly sysctl: Readonly<Record<string, Derived<string>>>;
  /** MTU for the Docker networks (must not exceed any uplink's). */
  readonly dockerMtu: Derived<number>;
}

export function nicClassOf(speedGbps: number): NicClass {
  if (speedGbps >= 40) return NicClass.GBE_40;
  if (speedGbps >= 10) return NicClass.GBE_10;
  return NicClass.GBE_1;
}

export function tuneNetwork(profile: HardwareProfile): NetworkTuning {
  const nics = profile.spec.network.interfaces;
  const fastest = nics.reduce((a, b) => (b.speedGbps > a.speedGbps ? b : a));
  const cls = nicClassOf(fastest.speedGbps);
  const nicClass = derive(cls, `fastest interface ${fastest.name} at ${fastest.speedGbps} Gbps → ${cls}`, SOURCES.fasterdata);
  const s: Record<string, Derived<string>> = {};
  const fd = (k: string, v: string, f: string) => (s[k] = derive(v, f, SOURCES.fasterdata));

  if (cls !== NicClass.GBE_1) {
    const big = cls === NicClass.GBE_40;
    const table = big ? "40G (≤ 50 ms RTT) table" : "10G (≤ 100 ms RTT) table";
    fd("net.core.rmem_max", big ? "134217728" : "67108864", table);
    fd("net.core.wmem_max", big ? "134217728" : "67108864", table);
    fd("net.ipv4.tcp_rmem", big ? "4096 87380 67108864" : "4096 87380 33554432", table);
    fd("net.ipv4.tcp_wmem", big ? "4096 65536 67108864" : "4096 65536 33554432", table);
    fd("net.core.netdev_max_backlog", big ? "250000" : "30000", table);
    fd("net.core.default_qdisc", "fq", "fq pacing for bbr");
    fd("net.ipv4.tcp_congestion_control", "bbr", "bbr (needs the tcp_bbr module)");
  }
  const jumbo = nics.some((n) => n.mtu > 1500);
  if (jumbo || cls !== NicClass.GBE_1) {
    fd("net.ipv4.tcp_mtu_probing", "1", jumbo ? "jumbo frames: probe the path MTU so 1500-byte peers don't stall" : `${cls}: recommended 1`);
  }
  s["vm.overcommit_memory"] = derive("1", "Redis background saves fork; without overcommit they may fail", SOURCES.redisAdmin);

  const minMtu = Math.min(...nics.map((n) => n.mtu));
  const dockerMtu = derive(minMtu, `min(${nics.map((n) => `${n.name} ${n.mtu}`).join(", ")}): never above an uplink`, SOURCES.dockerBridge);
  return { nicClass, sysctl: s, dockerMtu };
}
