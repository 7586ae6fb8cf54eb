// Generates Terraform JSON plans of N resources shaped like immich-iac stacks (containers, volumes, images,
// networks, secrets, with labels, env and upload bodies of realistic size).
export function generatePlan(n: number): Record<string, unknown> {
  const kinds = ["docker_container", "docker_volume", "docker_image", "docker_network", "random_password", "terraform_data"] as const;
  const actions = [["no-op"], ["update"], ["delete", "create"], ["create"], ["no-op"], ["no-op"]];
  const resource_changes = [];
  for (let i = 0; i < n; i++) {
    const type = kinds[i % kinds.length]!;
    const a = actions[(i * 7) % actions.length]!;
    const state = {
      name: `immich-d${i % 50}-svc${i}`,
      labels: [
        { label: "io.immich-iac.component", value: ["server", "job-handler", "database", "redis", "proxy"][i % 5] },
        { label: "io.immich-iac.deployment", value: `d${i % 50}` },
        ...(type === "docker_volume" ? [{ label: "io.immich-iac.data", value: "false" }] : []),
      ],
      env: Array.from({ length: 12 }, (_, k) => `VAR_${k}=value-${i}-${k}`),
      upload: [{ file: "/config/immich.json", content: "x".repeat(1500) }],
      memory: 2048,
    };
    resource_changes.push({
      address: `${type}.r${i}`,
      mode: "managed",
      type,
      name: `r${i}`,
      provider_name: "registry.terraform.io/kreuzwerker/docker",
      change: { actions: a, before: a[0] === "create" ? null : state, after: { ...state, memory: a[0] === "update" ? 4096 : 2048 }, after_unknown: {}, ...(a.length === 2 ? { replace_paths: [["env"]] } : {}) },
    });
  }
  return { format_version: "1.2", terraform_version: "1.11.4", resource_changes, resource_drift: [] };
}
