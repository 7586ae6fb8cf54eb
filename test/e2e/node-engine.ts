import { execa } from "execa";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { linkNamespace } from "./netns-peers.js";

/**
 * A second Docker host on this machine for the ML-node suite: its own network namespace, reached from here
 * (and from the test engine's containers, routed by this host) through a veth pair, with its own dockerd
 * (data root, exec root, pid file, socket) started inside that namespace with nsenter — `ip netns exec`
 * would also remount /sys, hiding the cgroup hierarchy dockerd needs. Its data root is cached between runs, so
 * an image loaded once stays.
 */
export interface NodeEngine {
  /** The node's address, on the veth inside its namespace: where it publishes the ML port. */
  readonly address: string;
  /** This host's end of the veth: where the test engine's containers come from, masqueraded. */
  readonly hostAddress: string;
  /** The namespace, for `nsenter --net=/run/netns/<netns>`. */
  readonly netns: string;
  /** `unix:///run/…/docker.sock`: the node's dockerHost. */
  readonly dockerHost: string;
  docker(args: string[]): Promise<string>;
  /** Runs a command in the node's network namespace (iptables, curl). */
  inNetns(args: string[]): Promise<{ exitCode: number; all: string }>;
  /** Copies an image of the test engine into the node's engine (no registry here), unless it is there already. */
  loadImage(ref: string): Promise<void>;
  stop(): Promise<void>;
}

const CACHE = "/var/cache/immich-iac/e2e-nodes";

/** Starts node `index` (0–9): namespace `iac-e2e-node<index>`, subnet 192.168.23<index>.0/24 (.2 the node, .1 this host). */
export async function startNodeEngine(index: number): Promise<NodeEngine> {
  if (!Number.isInteger(index) || index < 0 || index > 9) throw new Error(`node index must be 0-9 (got ${index})`);
  const netns = `iac-e2e-node${index}`;
  const hostIf = `iacH${index}`;
  const nodeIf = `iacN${index}`;
  const subnet = `192.168.23${index}`;
  const run = `/run/immich-iac-e2e-node${index}`;
  const socket = `${run}/docker.sock`;
  const pidfile = `${run}/dockerd.pid`;
  const dataRoot = join(CACHE, `node${index}`, "docker");

  await teardown(netns, hostIf, pidfile);
  mkdirSync(run, { recursive: true });
  mkdirSync(dataRoot, { recursive: true });
  await linkNamespace(netns, hostIf, nodeIf, subnet);
  const log = openSync(join(run, "dockerd.log"), "a");
  const child = spawn(
    "nsenter",
    [`--net=/run/netns/${netns}`, "dockerd", "--data-root", dataRoot, "--exec-root", `${run}/exec`, "--pidfile", pidfile, "-H", `unix://${socket}`, "--bridge", "none"],
    { detached: true, stdio: ["ignore", log, log] },
  );
  child.unref();
  const docker = async (args: string[]) => (await execa("docker", ["-H", `unix://${socket}`, ...args])).stdout.trim();
  for (let i = 0; ; i++) {
    if ((await execa("docker", ["-H", `unix://${socket}`, "info"], { reject: false })).exitCode === 0) break;
    if (i >= 60) throw new Error(`the node's dockerd did not start:\n${readFileSync(join(run, "dockerd.log"), "utf8").split("\n").slice(-20).join("\n")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  // Containers of an earlier run survive in the cached data root (restart=always): this engine holds test containers only.
  const left = (await docker(["ps", "-aq"])).split("\n").filter(Boolean);
  if (left.length) await docker(["rm", "-f", ...left]);
  await docker(["network", "prune", "-f"]);
  return {
    address: `${subnet}.2`,
    hostAddress: `${subnet}.1`,
    netns,
    dockerHost: `unix://${socket}`,
    docker,
    inNetns: async (args) => {
      const r = await execa("nsenter", [`--net=/run/netns/${netns}`, ...args], { reject: false, all: true });
      return { exitCode: r.exitCode ?? 1, all: r.all ?? "" };
    },
    loadImage: async (ref) => {
      const want = (await execa("docker", ["image", "inspect", "-f", "{{.Id}}", ref])).stdout.trim();
      const have = await execa("docker", ["-H", `unix://${socket}`, "image", "inspect", "-f", "{{.Id}}", ref], { reject: false });
      if (have.exitCode === 0 && have.stdout.trim() === want) return;
      const r = await execa("bash", ["-c", `docker save "$1" | docker -H "$2" load`, "load", ref, `unix://${socket}`], { reject: false, all: true });
      if (r.exitCode !== 0) throw new Error(`loading ${ref} into the node's engine: ${r.all}`);
    },
    stop: () => teardown(netns, hostIf, pidfile, socket),
  };
}

/** Removes what a (previous) node engine left: its containers and networks, its dockerd, its namespace and veth. */
async function teardown(netns: string, hostIf: string, pidfile: string, socket?: string): Promise<void> {
  const sh = (args: string[]) => execa(args[0]!, args.slice(1), { reject: false, all: true });
  if (socket && existsSync(socket)) {
    const ids = (await sh(["docker", "-H", `unix://${socket}`, "ps", "-aq"])).all.split("\n").filter(Boolean);
    if (ids.length) await sh(["docker", "-H", `unix://${socket}`, "rm", "-f", ...ids]);
    await sh(["docker", "-H", `unix://${socket}`, "network", "prune", "-f"]);
  }
  if (existsSync(pidfile)) {
    const pid = Number(readFileSync(pidfile, "utf8").trim());
    if (pid > 0) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
      for (let i = 0; i < 30 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 1000));
    }
    rmSync(pidfile, { force: true });
  }
  await sh(["ip", "netns", "del", netns]);
  await sh(["ip", "link", "del", hostIf]);
}
