import { Construct } from "constructs";
import type { DataVolume } from "./data-volume.js";
import { IMMICH_SERVER_IMAGE, withDigest } from "./images.js";
import type { ImmichNetwork } from "./immich-network.js";
import { externalLibraryFolders, immichSecretUploads, immichServerEnv, mediaMounts, serverBinds, type ImmichBackends, type ImmichMediaVolumes } from "./immich-server-env.js";
import { Component } from "./labels.js";
import { ServiceContainer } from "./service-container.js";

export const IMMICH_PORT = 2283;

export interface ImmichServerProps extends ImmichBackends {
  readonly deploymentName: string;
  /** Immich release, e.g. `v3.1.0`. */
  readonly immichVersion: string;
  /** Front (proxy, ML) and back (database, Redis) networks. */
  readonly networks: readonly ImmichNetwork[];
  readonly media: ImmichMediaVolumes;
  readonly memoryMiB: number;
  /** @default "UTC" */
  readonly timezone?: string;
  /**
   * Publish the API on this host port on 127.0.0.1 (for an SSH tunnel or a host proxy).
   * @default - not published; the proxy reaches it on the front network
   */
  readonly loopbackPort?: number;
  /**
   * A private CA the server must trust for outgoing HTTPS (the OIDC issuer behind Caddy's internal CA):
   * the volume holding it, mounted read-only, and the certificate's path inside that volume.
   * @default - only the public CAs
   */
  readonly trustedCa?: { readonly volume: DataVolume; readonly certificatePath: string };
  /**
   * A private CA's PEM file on the Docker host the server must trust (TLS mode `files` with a private CA),
   * bound read-only. Not together with `trustedCa`. @default - only the public CAs
   */
  readonly trustedCaFile?: string;
  /**
   * Keep Immich's first-run admin sign-up (`POST /api/auth/admin-sign-up`) open. With an identity provider in
   * front, it would let the first visitor create an admin with a password, past OIDC and MFA: admins come from
   * the provider's `immich_role` claim instead.
   * @default false - sign-up closed (`IMMICH_ALLOW_SETUP=false`)
   */
  readonly allowAdminSignUp?: boolean;
  /**
   * Bind the Docker host's /etc/localtime read-only, as Immich's compose does; TZ is set either way.
   * @default false - TZ alone
   */
  readonly hostLocaltime?: boolean;
  /** Pin the image to this digest. @default - tag only */
  readonly imageDigest?: string;
}

/** Where a host CA file is bound in the server container. */
export const TRUSTED_CA_FILE = "/etc/immich-iac/trusted-ca.pem";

/** The API worker only (`IMMICH_WORKERS_INCLUDE=api`); background jobs run in {@link ImmichJobHandler}. */
export class ImmichServer extends Construct {
  public readonly service: ServiceContainer;
  /** URL the proxy forwards to. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: ImmichServerProps) {
    super(scope, id);
    if (props.trustedCa && props.trustedCaFile) {
      throw new Error("ImmichServer: give trustedCa (a volume) or trustedCaFile (a host file), not both: NODE_EXTRA_CA_CERTS names one file");
    }
    const caFile = props.trustedCa ? `/trusted-ca/${props.trustedCa.certificatePath}` : props.trustedCaFile ? TRUSTED_CA_FILE : undefined;
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.SERVER,
      image: withDigest(`${IMMICH_SERVER_IMAGE}:${props.immichVersion}`, props.imageDigest, "ImmichServer"),
      env: {
        ...immichServerEnv(props, props.timezone ?? "UTC"),
        IMMICH_WORKERS_INCLUDE: "api",
        IMMICH_ALLOW_SETUP: props.allowAdminSignUp === true ? "true" : "false",
        ...(caFile ? { NODE_EXTRA_CA_CERTS: caFile } : {}),
      },
      networks: props.networks,
      volumes: [
        ...mediaMounts(props.media),
        ...(props.trustedCa ? [{ volume: props.trustedCa.volume, containerPath: "/trusted-ca", readOnly: true }] : []),
      ],
      uploads: [props.configFile.upload(), ...immichSecretUploads(props)],
      binds: [...serverBinds(props.hostLocaltime), ...(props.trustedCaFile ? [{ hostPath: props.trustedCaFile, containerPath: TRUSTED_CA_FILE }] : [])],
      hostFolders: externalLibraryFolders(props),
      memoryMiB: props.memoryMiB,
      destroyGraceSeconds: 30,
      ...(props.loopbackPort !== undefined ? { ports: [{ containerPort: IMMICH_PORT, hostPort: props.loopbackPort, hostIp: "127.0.0.1" }] } : {}),
      healthcheck: { test: ["CMD", "immich-healthcheck"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 120 },
      dependsOn: [props.database.service, props.redis.service],
    });
    this.url = `http://${this.service.name}:${IMMICH_PORT}`;
  }
}
