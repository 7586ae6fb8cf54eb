/** Builders for plans in Terraform's JSON format (format_version 1.2), as `terraform show -json` writes them. */
type Actions = ("no-op" | "create" | "read" | "update" | "delete")[];

export interface RC {
  address: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  provider_name: string;
  change: { actions: Actions; before: unknown; after: unknown; after_unknown: Record<string, unknown>; replace_paths?: (string | number)[][] };
  action_reason?: string;
}

const provider = (type: string) => `registry.terraform.io/${type.startsWith("docker_") ? "kreuzwerker/docker" : type.startsWith("random_") ? "hashicorp/random" : "hashicorp/terraform"}`;

export function rc(type: string, name: string, actions: Actions, before: unknown, after: unknown, replacePaths?: (string | number)[][]): RC {
  return {
    address: `${type}.${name}`,
    mode: "managed",
    type,
    name,
    provider_name: provider(type),
    change: { actions, before, after, after_unknown: {}, ...(replacePaths ? { replace_paths: replacePaths } : {}) },
    ...(actions.includes("delete") && actions.includes("create") ? { action_reason: "replace_because_cannot_update" } : {}),
  };
}

const labels = (component: string) => [
  { label: "io.immich-iac.component", value: component },
  { label: "io.immich-iac.deployment", value: "home" },
];

export function container(component: string, actions: Actions, over: { before?: Record<string, unknown>; after?: Record<string, unknown>; replacePaths?: (string | number)[][] } = {}): RC {
  const state = { name: `immich-home-${component}`, labels: labels(component), image: "sha256:aaa", memory: 2048 };
  return rc(
    "docker_container",
    `immich_${component.replace(/-/g, "_")}`,
    actions,
    actions[0] === "create" ? null : { ...state, ...over.before },
    actions.length === 1 && actions[0] === "delete" ? null : { ...state, ...over.after },
    over.replacePaths,
  );
}

export function volume(name: string, data: boolean, actions: Actions): RC {
  const state = {
    name: `immich-home-${name}`,
    driver: "local",
    labels: [
      { label: "io.immich-iac.data", value: String(data) },
      { label: "io.immich-iac.deployment", value: "home" },
    ],
  };
  return rc("docker_volume", `immich_${name}`, actions, actions[0] === "create" ? null : state, actions.length === 1 && actions[0] === "delete" ? null : state);
}

export function image(resource: string, before: string | null, after: string | null): RC {
  const actions: Actions = before === after ? ["no-op"] : before === null ? ["create"] : after === null ? ["delete"] : ["delete", "create"];
  return rc("docker_image", resource, actions, before === null ? null : { name: before, keep_locally: true }, after === null ? null : { name: after, keep_locally: true }, before && after && before !== after ? [["name"]] : undefined);
}

export function plan(changes: RC[], drift: RC[] = []): Record<string, unknown> {
  return { format_version: "1.2", terraform_version: "1.11.4", resource_changes: changes, resource_drift: drift, planned_values: {}, configuration: {} };
}

export const SERVER = "ghcr.io/immich-app/immich-server";
export const ML = "ghcr.io/immich-app/immich-machine-learning";
export const PG = "ghcr.io/immich-app/postgres";

/** The image resources of an Immich stack moving from one release to another. */
export function immichImages(from: string, to: string, mlSuffix = "", mlTo = to): RC[] {
  return [image("immich_Server_Image", `${SERVER}:${from}`, `${SERVER}:${to}`), image("immich_ML_Image", `${ML}:${from}${mlSuffix}`, `${ML}:${mlTo}${mlSuffix}`)];
}
