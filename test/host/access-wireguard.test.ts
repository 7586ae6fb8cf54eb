import { execa, execaSync } from "execa";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostPlan, WireguardPlan } from "../../src/host/host-plan.js";
import { PUBLIC_KEY_LINE, renderWireguard } from "../../src/renderers/host/wireguard.js";
import { REPO } from "../util.js";
import { hostTestImage, results, TestHost } from "./container.js";

/**
 * Access mode wireguard's host script on a real Debian 13 system (disposable container) with Debian's
 * wireguard-tools installed by apt. This kernel has no wireguard module (`ip link add … type wireguard`:
 * "Unknown device type"), so wg-quick falls back to wireguard-go (built from the Go module proxy,
 * scripts/wireguard-go.sh): the interface, keys, handshakes and packets are WireGuard's own, in userspace.
 * A "phone" namespace inside the container runs its own WireGuard with a peer's key and dials the server:
 * a completed handshake and a TCP answer through the tunnel prove admission; a removed peer and an unknown key
 * get no handshake. What this cannot show: the kernel module's behaviour, and boot (no systemd here).
 */

// Key pairs made with wireguard-tools for this test only (devices' keys: the server's is made by the script).
const PHONE = { privateKey: "ADGCoPBVPcSgMYnHUOp0oLVQz6zsn8ZD0I/WjItgQXQ=", publicKey: "e2mrMez7Z/YQd2tFKPo5w9oyigb9xLWr93UCnc9FElw=" };
const LAPTOP = { privateKey: "4Ibz2Rws4t/z3NNdhYWwS/D5WTzopw+LHqBYS8p9MGw=", publicKey: "ztzHXd9LGHc5i3soBY7c6oqq3J7MO4N4JpL60RRcTy8=" };
const STRANGER_PRIVATE = "OOceJaEMoAqYXqq4Me1WSBf7AAhrjJn8yooUBXxfFmM=";

const WG: WireguardPlan = {
  interface: "wg-immich",
  address: "10.8.0.1/24",
  listenPort: 51820,
  peers: [
    { name: "phone", publicKey: PHONE.publicKey, address: "10.8.0.2" },
    { name: "laptop", publicKey: LAPTOP.publicKey, address: "10.8.0.3" },
  ],
};
const plan = (w: WireguardPlan) => ({ deploymentName: "t", wireguard: w }) as unknown as HostPlan;
/** wireguard-go refuses to start on Linux without this (it prefers the kernel module, which is missing here). */
const ENV = { WG_I_PREFER_BUGGY_USERSPACE_TO_POLISHED_KMOD: "1" };

describe("access mode wireguard: the host script on a real Debian 13 system, wireguard-go standing in for the kernel module", () => {
  let host: TestHost;
  let first: Awaited<ReturnType<TestHost["exec"]>>;
  let second: Awaited<ReturnType<TestHost["exec"]>>;
  let serverPublic = "";

  /**
   * A device in namespace `phone` (veth 192.168.77.2, the server 192.168.77.1) with `privateKey` and the tunnel
   * address `address`: brings its interface up, sends one TCP connection to the server's tunnel address (which
   * starts the handshake), and says whether a handshake completed and what the connection got.
   */
  const dial = async (privateKey: string, address: string) => {
    const r = await host.exec(
      [
        "set -e",
        "ip netns del phone 2>/dev/null || true; ip link del vphone 2>/dev/null || true",
        "ip netns add phone",
        "ip link add vphone type veth peer name vphone-in",
        "ip link set vphone-in netns phone",
        "ip addr add 192.168.77.1/24 dev vphone && ip link set vphone up",
        "nsenter --net=/run/netns/phone ip addr add 192.168.77.2/24 dev vphone-in",
        "nsenter --net=/run/netns/phone ip link set vphone-in up",
        "nsenter --net=/run/netns/phone ip link set lo up",
        "nsenter --net=/run/netns/phone wireguard-go wg-phone >/dev/null 2>&1",
        "umask 077; printf '%s\\n' \"$KEY\" >/tmp/phone.key",
        `nsenter --net=/run/netns/phone wg set wg-phone private-key /tmp/phone.key peer ${serverPublic} endpoint 192.168.77.1:51820 allowed-ips 10.8.0.1/32`,
        `nsenter --net=/run/netns/phone ip addr add ${address}/32 dev wg-phone`,
        "nsenter --net=/run/netns/phone ip link set wg-phone up",
        "nsenter --net=/run/netns/phone ip route add 10.8.0.1/32 dev wg-phone",
        "got=$(nsenter --net=/run/netns/phone timeout 6 bash -c 'exec 3<>/dev/tcp/10.8.0.1/8443 && head -c 5 <&3' 2>/dev/null || echo none)",
        "hs=$(nsenter --net=/run/netns/phone wg show wg-phone latest-handshakes | awk '{print $2}')",
        'echo "handshake=$hs got=$got"',
        "nsenter --net=/run/netns/phone ip link del wg-phone || true",
        "ip netns del phone; ip link del vphone 2>/dev/null || true",
      ].join("\n"),
      { KEY: privateKey, ...ENV },
    );
    if (r.exitCode !== 0) throw new Error(`dial: ${r.stderr}`);
    const m = /handshake=(\d+) got=(\S+)/.exec(r.stdout)!;
    return { handshake: m[1] !== "0", got: m[2] };
  };

  beforeAll(async () => {
    const wireguardGo = execaSync("bash", [join(REPO, "scripts", "wireguard-go.sh")]).stdout.trim();
    host = await TestHost.start(hostTestImage(), ["--device", "/dev/net/tun"]);
    await host.sh("apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wireguard-tools netcat-openbsd >/dev/null");
    await execa("docker", ["cp", wireguardGo, `${host.name}:/usr/local/bin/wireguard-go`]);
    first = await host.exec(renderWireguard(plan(WG), "deployment t"), ENV);
    second = await host.exec(renderWireguard(plan(WG), "deployment t"), ENV);
    serverPublic = /immich-iac-wireguard-public-key\twg-immich\t(\S+)/.exec(first.stdout)?.[1] ?? "";
    // Plays the proxy on the tunnel address: answers "hello" to one connection at a time, for the dials below.
    await host.sh("nohup bash -c 'while true; do printf hello | nc -l -N 10.8.0.1 8443 >/dev/null 2>&1 || sleep 0.2; done' </dev/null >/dev/null 2>&1 &");
  }, 900_000);

  afterAll(async () => host?.remove());

  it("runs twice: the first run makes the key, the configuration and the interface; the second changes nothing", () => {
    expect(first.exitCode, first.stderr).toBe(0);
    expect(second.exitCode, second.stderr).toBe(0);
    const a = results(first.stdout);
    expect(a.get("wireguard: private key /etc/wireguard/wg-immich.key")).toBe("changed");
    expect(a.get("wireguard: file /etc/wireguard/wg-immich.conf")).toBe("changed");
    expect(a.get("wireguard: interface wg-immich")).toBe("changed");
    expect(a.get("wireguard: wg-quick@wg-immich enabled")).toBe("skipped");
    for (const [item, status] of results(second.stdout)) expect(`${item} ${status}`).not.toMatch(/ changed$/);
    // The summary counts what the result lines say (a pipe into ensure_file would lose its count in a subshell).
    expect(first.stdout).toContain("immich-iac-summary\twireguard\tchanged=3\tunchanged=0\tskipped=1\tfailed=0");
    expect(second.stdout).toContain("immich-iac-summary\twireguard\tchanged=0\tunchanged=3\tskipped=1\tfailed=0");
  });

  it("prints the public key of the key it made, never the private key; the key file is root's, 0600", async () => {
    expect(serverPublic).toBe((await host.sh("wg pubkey </etc/wireguard/wg-immich.key")).trim());
    expect(serverPublic).toBe((await host.sh("wg show wg-immich public-key")).trim());
    const privateKey = (await host.sh("cat /etc/wireguard/wg-immich.key")).trim();
    for (const out of [first.stdout, first.stderr, second.stdout, second.stderr]) expect(out).not.toContain(privateKey);
    expect(first.stdout).toContain(`${PUBLIC_KEY_LINE}\twg-immich\t${serverPublic}`);
    expect((await host.sh("stat -c '%U %a' /etc/wireguard/wg-immich.key /etc/wireguard/wg-immich.conf")).trim().split("\n")).toEqual(["root 600", "root 600"]);
    expect(await host.sh("cat /etc/wireguard/wg-immich.conf")).not.toContain(privateKey);
  });

  it("the interface holds the tunnel address, the port and each peer for its own /32", async () => {
    expect((await host.sh("ip -4 -o addr show dev wg-immich | awk '{print $4}'")).trim()).toBe("10.8.0.1/24");
    expect((await host.sh("wg show wg-immich listen-port")).trim()).toBe("51820");
    expect((await host.sh("wg show wg-immich allowed-ips | sort")).trim().split("\n")).toEqual(
      [`${PHONE.publicKey}\t10.8.0.2/32`, `${LAPTOP.publicKey}\t10.8.0.3/32`].sort(),
    );
  });

  it("a declared peer completes a handshake and reaches the server's tunnel address; an unknown key does not", async () => {
    expect(await dial(PHONE.privateKey, "10.8.0.2")).toEqual({ handshake: true, got: "hello" });
    expect(await dial(STRANGER_PRIVATE, "10.8.0.9")).toEqual({ handshake: false, got: "none" });
  }, 120_000);

  it("a peer removed from the deployment is revoked by the next run: its key gets no handshake, the other peer still does", async () => {
    expect(await dial(LAPTOP.privateKey, "10.8.0.3")).toEqual({ handshake: true, got: "hello" });
    const removed = await host.exec(renderWireguard(plan({ ...WG, peers: [WG.peers[0]!] }), "deployment t"), ENV);
    expect(removed.exitCode, removed.stderr).toBe(0);
    expect(results(removed.stdout).get("wireguard: interface wg-immich")).toBe("changed");
    expect((await host.sh("wg show wg-immich peers")).trim()).toBe(PHONE.publicKey);
    expect(await dial(LAPTOP.privateKey, "10.8.0.3")).toEqual({ handshake: false, got: "none" });
    expect(await dial(PHONE.privateKey, "10.8.0.2")).toEqual({ handshake: true, got: "hello" });
    expect(results(removed.stdout).get("wireguard: private key /etc/wireguard/wg-immich.key")).toBe("unchanged");
  }, 180_000);
});
