import { Construct } from "constructs";
import type { DataVolume } from "./data-volume.js";
import type { ImmichNetwork } from "./immich-network.js";
import { withDigest } from "./images.js";
import { pinnedRef } from "../src/versions.js";
import { Component } from "./labels.js";
import { secretFile, ServiceContainer, type ConfigUpload } from "./service-container.js";

export const AUTHELIA_IMAGE = pinnedRef("authelia");

export interface AutheliaProps {
  readonly deploymentName: string;
  /** Front (the proxy reaches it; SMTP egress) and back (Redis sessions) networks. */
  readonly networks: readonly ImmichNetwork[];
  /** `configuration.yml` from `renderAutheliaConfig` (no secrets in it). */
  readonly configuration: string;
  /** `users_database.yml` from `renderAutheliaUsers` (argon2id hashes). */
  readonly usersDatabase: string;
  /** Environment from `autheliaEnv` (`*_FILE` variables, template filter). */
  readonly env: Readonly<Record<string, string>>;
  /** Secret files: path in the container and a reference to a sensitive value as content. */
  readonly secretFiles: readonly ConfigUpload[];
  /** SQLite storage (TOTP and WebAuthn registrations) and the filesystem notifier's output. */
  readonly dataVolume: DataVolume;
  /** @default 256 */
  readonly memoryMiB?: number;
  /** @default AUTHELIA_IMAGE */
  readonly image?: string;
  /** Pin the image to this digest. @default - tag only */
  readonly imageDigest?: string;
  /** Containers that must exist first (Redis). @default [] */
  readonly dependsOn?: readonly ServiceContainer[];
}

/**
 * Authelia as the OpenID Connect provider for Immich with a second factor for every login. Storage is
 * SQLite on its own volume: one instance, no extra database or user to create in PostgreSQL, and the
 * MFA registrations stay with the deployment's data.
 */
export class Authelia extends Construct {
  public readonly service: ServiceContainer;
  public readonly hostname: string;

  constructor(scope: Construct, id: string, props: AutheliaProps) {
    super(scope, id);
    for (const f of props.secretFiles) {
      if (!f.path.startsWith("/secrets/")) throw new Error(`Authelia: secret files belong under /secrets/ (got ${f.path})`);
    }
    this.service = new ServiceContainer(this, "Service", {
      deploymentName: props.deploymentName,
      component: Component.AUTH,
      image: withDigest(props.image ?? AUTHELIA_IMAGE, props.imageDigest, "Authelia"),
      env: props.env,
      networks: props.networks,
      volumes: [{ volume: props.dataVolume, containerPath: "/data" }],
      uploads: [
        { path: "/config/configuration.yml", content: props.configuration },
        { path: "/config/users_database.yml", content: props.usersDatabase },
        // Authelia runs as root (no PUID/PGID): each secret readable by root alone.
        ...props.secretFiles.map((f) => secretFile(f.path, f.content)),
      ],
      memoryMiB: props.memoryMiB ?? 256,
      destroyGraceSeconds: 10,
      healthcheck: { test: ["CMD", "/app/healthcheck.sh"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 30 },
      ...(props.dependsOn ? { dependsOn: props.dependsOn } : {}),
    });
    this.hostname = this.service.name;
  }
}
