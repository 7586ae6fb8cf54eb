/**
 * Docker endpoints as the machines and engines they reach. Two spellings of one machine (`ssh://deploy@host:22`
 * and `ssh://deploy@host`, `HOST` and `host`, another user on it, `127.0.0.1` and `unix://`) must compare equal:
 * each machine with host management has one host plan, and two plans on one machine fight over the same host
 * files (sudoers, sysctl, the ARC size, daemon.json) on every apply.
 *
 * Values reaching this module have passed `dockerHostProblem` (deployment-schema.ts); the parser stays total
 * anyway and returns undefined for anything else.
 */

export type DockerEndpoint =
  | { readonly kind: "unix"; readonly path: string }
  | { readonly kind: "ssh"; readonly user: string; readonly host: string; readonly port: number }
  | { readonly kind: "tcp"; readonly host: string; readonly port: number };

/** The SSH port when `ssh://` names none: ssh's own default. */
export const DEFAULT_SSH_PORT = 22;

/** The machine key of the machine that runs Terraform (a `unix://` socket, or a loopback address). */
export const LOCAL_MACHINE = "local";

export function parseDockerEndpoint(value: string): DockerEndpoint | undefined {
  const unix = /^unix:\/\/(\/.*)$/.exec(value);
  if (unix) return { kind: "unix", path: unix[1]! };
  const ssh = /^ssh:\/\/([^@/]+)@(\[[^\]/]+\]|[^:/]+)(?::(\d{1,5}))?$/.exec(value);
  if (ssh) return { kind: "ssh", user: ssh[1]!, host: ssh[2]!, port: ssh[3] === undefined ? DEFAULT_SSH_PORT : Number(ssh[3]) };
  const tcp = /^tcp:\/\/(\[[^\]/]+\]|[^:/]+):(\d{1,5})$/.exec(value);
  if (tcp) return { kind: "tcp", host: tcp[1]!, port: Number(tcp[2]) };
  return undefined;
}

/**
 * A host name or address as one spelling: lower case (DNS is case-insensitive), without IPv6 brackets or a
 * final dot, IPv4 octets without leading zeros (`010.0.0.5` is `10.0.0.5`), and every loopback name the local machine.
 */
export function canonicalHost(host: string): string {
  let h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) h = v4.slice(1).map((o) => String(Number(o))).join(".");
  if (h === "localhost" || h.endsWith(".localhost") || /^127\./.test(h) || h === "::1" || h === "0:0:0:0:0:0:0:1") return LOCAL_MACHINE;
  return h;
}

/**
 * The machine an endpoint runs on: `local` for a socket or a loopback address, otherwise the canonical host —
 * with the SSH port when it is not 22, since a forwarded port on one address may lead to another machine.
 * The SSH user does not count: two users on one host are one machine.
 */
export function machineOf(e: DockerEndpoint): string {
  if (e.kind === "unix") return LOCAL_MACHINE;
  const host = canonicalHost(e.host);
  if (host === LOCAL_MACHINE) return LOCAL_MACHINE;
  return e.kind === "ssh" && e.port !== DEFAULT_SSH_PORT ? `${host}:${e.port}` : host;
}

/**
 * Whether two endpoints reach the same machine. Two different `unix://` sockets are two Docker engines on
 * the local machine (a test engine beside the system's): that is allowed where no host plan runs (`host.manage:
 * false`; with host management an ML node must be on `ssh://` anyway), so only here do sockets differ.
 */
export function sameMachine(a: DockerEndpoint, b: DockerEndpoint, hostPlans: boolean): boolean {
  if (!hostPlans && a.kind === "unix" && b.kind === "unix") return a.path === b.path;
  return machineOf(a) === machineOf(b);
}

/** The endpoint as one spelling, for messages: `ssh://host:22`, `tcp://host:2376`, `unix:///path`. */
export function describeMachine(e: DockerEndpoint): string {
  const m = machineOf(e);
  return m === LOCAL_MACHINE ? "the machine that runs Terraform" : `machine ${m}`;
}
