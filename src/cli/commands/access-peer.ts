import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import qrcode from "qrcode-generator";
import { loadDeploymentFile } from "../../deployment/load-deployment.js";
import { DEFAULT_WIREGUARD_PORT } from "../../deployment/access-schema.js";
import { EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from "../io.js";

export interface AccessPeerOptions {
  readonly deployment: string;
  /** The server's public key, as the wireguard host script printed it (`wg show wg-immich public-key` on the host). */
  readonly serverPublicKey: string;
  /** A file with the device's private key (`wg genkey`), to put it in the configuration and the QR code. @default - a placeholder line, no QR code */
  readonly peerPrivateKeyFile?: string;
  readonly qr?: boolean;
}

const WG_KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/** The Curve25519 public key of a WireGuard private key (both base64 of 32 bytes), with Node's X25519. */
export function wireguardPublicKey(privateKey: string): string {
  const d = Buffer.from(privateKey, "base64").toString("base64url");
  const key = createPrivateKey({ key: { kty: "OKP", crv: "X25519", d, x: "" }, format: "jwk" });
  const x = createPublicKey(key).export({ format: "jwk" }).x!;
  return Buffer.from(x, "base64url").toString("base64");
}

/**
 * A peer's client configuration, for the WireGuard app or wg-quick. It routes only the server's tunnel address
 * through the tunnel (AllowedIPs), which is where the proxy publishes; it never holds a key of the server's but
 * its public one, which the server's script printed.
 */
export function peerConfig(opts: { deploymentName: string; peerName: string; peerAddress: string; serverAddress: string; serverPublicKey: string; endpoint: string; privateKey?: string }): string {
  const endpoint = /:\d+$/.test(opts.endpoint) ? opts.endpoint : `${opts.endpoint}:${DEFAULT_WIREGUARD_PORT}`;
  return [
    `# immich-iac: deployment ${opts.deploymentName}, peer ${opts.peerName}`,
    "[Interface]",
    opts.privateKey ? `PrivateKey = ${opts.privateKey}` : "# PrivateKey = <this device's private key: the one whose public key the deployment lists>",
    `Address = ${opts.peerAddress}/32`,
    "",
    "[Peer]",
    `PublicKey = ${opts.serverPublicKey}`,
    `Endpoint = ${endpoint}`,
    `AllowedIPs = ${opts.serverAddress}/32`,
    "PersistentKeepalive = 25",
    "",
  ].join("\n");
}

/** The configuration as a QR code of half-block characters, which the WireGuard app scans from a terminal. */
export function terminalQr(text: string): string {
  const qr = qrcode(0, "L");
  qr.addData(text, "Byte");
  qr.make();
  return `${qr.createASCII(1, 2)}\n`;
}

export function accessPeerCommand(name: string, opts: AccessPeerOptions, io: CliIo): number {
  const d = loadDeploymentFile(opts.deployment);
  if (d.access.mode !== "wireguard") {
    io.err(`immich-iac access peer: deployment ${d.name} has access mode ${d.access.mode}, not wireguard: it has no peers\n`);
    return EXIT_INVALID_INPUT;
  }
  const peer = d.access.peers.find((p) => p.name === name);
  if (!peer) {
    const known = d.access.peers.map((p) => p.name).join(", ") || "none";
    io.err(`immich-iac access peer: no peer ${JSON.stringify(name.slice(0, 64))} in spec.access.peers (expected one of: ${known})\n`);
    return EXIT_INVALID_INPUT;
  }
  if (!WG_KEY.test(opts.serverPublicKey)) {
    io.err("immich-iac access peer: --server-public-key is not a WireGuard public key (expected 44 characters of base64 ending in '=', as the host's wireguard script printed it)\n");
    return EXIT_INVALID_INPUT;
  }
  let privateKey: string | undefined;
  if (opts.peerPrivateKeyFile !== undefined) {
    privateKey = readFileSync(opts.peerPrivateKeyFile, "utf8").trim();
    // The key itself is never quoted in an error: it is a secret.
    if (!WG_KEY.test(privateKey)) {
      io.err(`immich-iac access peer: ${opts.peerPrivateKeyFile} does not hold a WireGuard private key (expected one line of 44 base64 characters, as wg genkey writes it)\n`);
      return EXIT_INVALID_INPUT;
    }
    if (wireguardPublicKey(privateKey) !== peer.publicKey) {
      io.err(`immich-iac access peer: the private key in ${opts.peerPrivateKeyFile} is not the one of peer ${name} (its public key differs from spec.access.peers' ${peer.publicKey})\n`);
      return EXIT_INVALID_INPUT;
    }
  }
  const config = peerConfig({
    deploymentName: d.name,
    peerName: peer.name,
    peerAddress: peer.address,
    serverAddress: d.access.address.split("/")[0]!,
    serverPublicKey: opts.serverPublicKey,
    endpoint: d.access.endpoint,
    ...(privateKey ? { privateKey } : {}),
  });
  io.out(config);
  if (opts.qr) {
    if (privateKey) io.out(`\n${terminalQr(config)}`);
    else io.err("immich-iac access peer: no QR code without --peer-private-key-file: the app needs the device's private key in it\n");
  }
  return EXIT_OK;
}
