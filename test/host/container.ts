import { execa } from "execa";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { HostPlan } from "../../src/host/host-plan.js";
import { REPO } from "../util.js";

/** The disposable Debian 13 test host: built locally (scripts/host-test-image.sh), never pulled. */
export function hostTestImage(): string {
  return execFileSync("bash", [join(REPO, "scripts", "host-test-image.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}

/** `docker run --privileged` fails on these machines; this set of capabilities is what works (host-testing.md). */
export const CONTAINER_FLAGS = ["--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE", "--security-opt", "systempaths=unconfined", "--security-opt", "apparmor=unconfined", "--device", "/dev/fuse"];

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export class TestHost {
  private constructor(public readonly name: string) {}

  static async start(image: string, extraFlags: string[] = []): Promise<TestHost> {
    const name = `immich-iac-host-test-${process.pid}-${Date.now()}`;
    await execa("docker", ["run", "-d", "--name", name, ...CONTAINER_FLAGS, ...extraFlags, image, "sleep", "infinity"]);
    return new TestHost(name);
  }

  async exec(script: string, env: Record<string, string> = {}): Promise<RunResult> {
    const envFlags = Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
    const r = await execa("docker", ["exec", "-i", ...envFlags, this.name, "bash", "-s"], { input: script, reject: false });
    return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  async sh(command: string): Promise<string> {
    const r = await this.exec(command);
    if (r.exitCode !== 0) throw new Error(`${command}: exit ${r.exitCode}\n${r.stderr}`);
    return r.stdout;
  }

  async remove(): Promise<void> {
    await execa("docker", ["rm", "-f", this.name], { reject: false });
  }
}

/** Parses the scripts' `immich-iac-result` lines into `item → status`. */
export function results(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const [tag, script, item, status] = line.split("\t");
    if (tag === "immich-iac-result") out.set(`${script}: ${item}`, status!);
  }
  return out;
}

/** The operator's part of a first deploy (README): zfs-fuse running and the pools created on sparse files. */
export const CREATE_TEST_POOLS = [
  "zfs-fuse --no-daemon >/var/log/zfs-fuse.log 2>&1 &",
  "for i in $(seq 1 50); do zpool list >/dev/null 2>&1 && break; sleep 0.2; done",
  "for i in 1 2 3 4 5 6; do truncate -s 256M /var/tmp/disk$i; done",
  "zpool create fast mirror /var/tmp/disk1 /var/tmp/disk2",
  "zpool create tank raidz2 /var/tmp/disk3 /var/tmp/disk4 /var/tmp/disk5 /var/tmp/disk6",
].join("\n");

/** The deploy user's key in the host tests. */
export const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvLd8n6Bd9L0n0hF0ZxYyq0dQ1s8m0p4x3cQ8Hh0kPq ci@immich-iac";

/** A real, read-only block device of this machine for preflight, and its physical sector size. */
export function aBlockDevice(): { path: string; sectorSize: 512 | 4096 } {
  const name = readdirSync("/sys/block").find((d) => !/^(loop|ram|zram|sr|nbd)/.test(d));
  if (!name) throw new Error("no block device on this machine for the preflight test");
  const size = Number(readFileSync(`/sys/block/${name}/queue/physical_block_size`, "utf8"));
  return { path: `/dev/${name}`, sectorSize: size === 4096 ? 4096 : 512 };
}

/**
 * zfs-fuse (pool version 23) cannot hold some values OpenZFS takes: no lz4, no xattr=sa, recordsize at most
 * 128K, no dnodesize or redundant_metadata. The test maps them to what it can hold; the product is unchanged.
 */
const ZFS_FUSE_VALUES: Record<string, (v: string) => string | undefined> = {
  compression: (v) => (v === "lz4" ? "lzjb" : v),
  xattr: (v) => (v === "sa" ? "on" : v),
  recordsize: (v) => (v === "1M" ? "128K" : v),
  dnodesize: () => undefined,
  redundant_metadata: () => undefined,
};

export function zfsFusePlan(plan: HostPlan, device: { path: string; sectorSize: number }): HostPlan {
  return {
    ...plan,
    pools: plan.pools.map((p) => ({ ...p, devices: [device.path], sectorSizeBytes: device.sectorSize })),
    datasets: plan.datasets.map((d) => ({
      ...d,
      properties: Object.fromEntries(
        Object.entries(d.properties)
          .map(([k, v]) => [k, ZFS_FUSE_VALUES[k] ? ZFS_FUSE_VALUES[k]!(v) : v] as const)
          .filter((kv): kv is readonly [string, string] => kv[1] !== undefined),
      ),
    })),
    deployUser: { name: "immich-deploy", authorizedKeys: [KEY] },
    // This machine has no GPU: the CUDA check is exercised in the refusal test below.
    preflight: { ...plan.preflight, nvidiaRuntime: false },
  };
}

