import { Construct } from "constructs";
import type { DataVolume } from "./data-volume.js";
import type { ImmichNetwork } from "./immich-network.js";
import { withDigest } from "./images.js";
import { pinnedRef } from "../src/versions.js";
import { Component } from "./labels.js";
import { ServiceContainer, type HostBind, type PublishedPort } from "./service-container.js";

/** Where Caddy keeps its internal CA's root certificate, inside the data volume (`/data`). */
export const CADDY_INTERNAL_ROOT = "caddy/pki/authorities/local/root.crt";

/** Caddy 2.latest (IMAGE_PINS.caddy); the tests validate and run the generated Caddyfile with this release (scripts/upstream-root.sh builds it). */
export const CADDY_IMAGE = pinnedRef("caddy");
export const CADDY_TLS_DIR = "/etc/caddy/tls";

export interface CaddyProxyProps {
  readonly deploymentName: string;
  /** The front network, shared with the Immich server and Authelia. */
  readonly network: ImmichNetwork;
  /** Caddyfile text from `renderCaddyfile`. */
  readonly caddyfile: string;
  /** Certificates, ACME account and the internal CA (`/data`). */
  readonly dataVolume: DataVolume;
  /** Host names the proxy answers for on the front network, so containers reach the public URLs through it. */
  readonly aliases: readonly string[];
  /** Publish 443/udp for HTTP/3. @default true */
  readonly http3?: boolean;
  /** Certificate and key files on the Docker host (TLS mode `files`), mounted read-only. @default - none */
  readonly tlsFiles?: { readonly certificateFile: string; readonly keyFile: string };
  /**
   * Host addresses the ports are published on (access mode `lan`: the server's address on the home network).
   * @default ["0.0.0.0"] - every IPv4 address of the host
   */
  readonly listenAddresses?: readonly string[];
  /** @default 256 */
  readonly memoryMiB?: number;
  /** @default CADDY_IMAGE */
  readonly image?: string;
  /** Pin the image to this digest. @default - tag only */
  readonly imageDigest?: string;
  /**
   * TLS from Caddy's internal CA: healthy only once the CA root exists, and Terraform waits for that, so a
   * container that must trust the CA (the Immich server reads NODE_EXTRA_CA_CERTS once, at start) can
   * depend on the proxy. @default false
   */
  readonly internalCa?: boolean;
}

/**
 * The only container that publishes ports: 80 (redirect to HTTPS, ACME), 443 and, with HTTP/3, 443/udp, on
 * every listen address. Ports bind 0.0.0.0 explicitly by default: an implicit dual-stack binding replaces the container on every apply
 * with provider 3.6.2 (#909).
 */
export class CaddyProxy extends Construct {
  public readonly service: ServiceContainer;
  /** Container paths of the certificate and key in TLS mode `files`. */
  public static readonly TLS_FILES = { certificate: `${CADDY_TLS_DIR}/certificate.pem`, key: `${CADDY_TLS_DIR}/key.pem` };

  constructor(scope: Construct, id: string, props: CaddyProxyProps) {
    super(scope, id);
    const ports: PublishedPort[] = (props.listenAddresses ?? ["0.0.0.0"]).flatMap((hostIp) => [
      { containerPort: 80, hostPort: 80, hostIp },
      { containerPort: 443, hostPort: 443, hostIp },
      ...((props.http3 ?? true) ? [{ containerPort: 443, hostPort: 443, hostIp, protocol: "udp" as const }] : []),
    ]);
    const binds: HostBind[] = props.tlsFiles
      ? [
          { hostPath: props.tlsFiles.certificateFile, containerPath: CaddyProxy.TLS_FILES.certificate },
          { hostPath: props.tlsFiles.keyFile, containerPath: CaddyProxy.TLS_FILES.key },
        ]
      : [];
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.PROXY,
      image: withDigest(props.image ?? CADDY_IMAGE, props.imageDigest, "CaddyProxy"),
      networks: [props.network],
      aliases: props.aliases,
      ports,
      volumes: [{ volume: props.dataVolume, containerPath: "/data" }],
      binds,
      uploads: [{ path: "/etc/caddy/Caddyfile", content: props.caddyfile }],
      memoryMiB: props.memoryMiB ?? 256,
      // Lets in-flight uploads finish on a replace.
      destroyGraceSeconds: 30,
      // The admin API listens on localhost inside the container only; with the internal CA, its root must exist too.
      healthcheck: props.internalCa
        ? {
            test: ["CMD-SHELL", `wget -q -O /dev/null http://127.0.0.1:2019/config/ && test -s /data/${CADDY_INTERNAL_ROOT}`],
            // Checked every 10 s rather than 30 s: the first check is what the server's start waits for
            // (start_interval would be better, but Docker Engines before 25 do not keep it).
            intervalSeconds: 10,
            timeoutSeconds: 5,
            retries: 3,
            startPeriodSeconds: 30,
          }
        : { test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:2019/config/"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 30 },
      ...(props.internalCa ? { waitHealthySeconds: 120 } : {}),
    });
  }
}
