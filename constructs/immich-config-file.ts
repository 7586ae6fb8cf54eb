import { Construct } from "constructs";
import { renderImmichConfig, type ImmichConfig } from "../src/renderers/immich-config-file.js";
import { secretFile, type ConfigUpload } from "./service-container.js";

/** Where the file lives inside every server container. */
export const IMMICH_CONFIG_PATH = "/config/immich.json";

export interface ImmichConfigFileProps {
  /** The config, typed by `AdminConfigDto` (partial: Immich merges it over its defaults). */
  readonly config: ImmichConfig;
}

/**
 * Immich's config file. Containers that read it get it as an upload plus `IMMICH_CONFIG_FILE`; any change of
 * its content replaces them (the file is read once at start). While the file is set, the admin UI's
 * settings are read-only.
 */
export class ImmichConfigFile extends Construct {
  public readonly config: ImmichConfig;
  public readonly content: string;
  public readonly path = IMMICH_CONFIG_PATH;

  constructor(scope: Construct, id: string, props: ImmichConfigFileProps) {
    super(scope, id);
    this.config = props.config;
    this.content = renderImmichConfig(props.config);
  }

  /** The upload that puts the file into a container: a secret file (it holds the OIDC client secret), read by root. */
  public upload(): ConfigUpload {
    return secretFile(this.path, this.content);
  }

  /** The environment that points Immich at it. */
  public env(): Record<string, string> {
    return { IMMICH_CONFIG_FILE: this.path };
  }
}
