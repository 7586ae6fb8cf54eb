import { readFileSync } from "node:fs";

/**
 * The schema of the providers we run, as `terraform providers schema -json` reports it for the binaries
 * scripts/tf-toolchain.sh builds (providers/schema.json, which the bindings are generated from and which
 * test/upstream/provider-bindings.test.ts compares with the built providers). A synthesized resource is walked
 * against it: escape-hatch overrides (addOverride) bypass the bindings' types, and this catches them.
 */
interface Attribute {
  readonly type?: unknown;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
}
interface Block {
  readonly attributes?: Readonly<Record<string, Attribute>>;
  readonly block_types?: Readonly<Record<string, { readonly nesting_mode: string; readonly block: Block; readonly min_items?: number }>>;
}
interface ProviderSchemas {
  readonly provider_schemas: Readonly<Record<string, { readonly resource_schemas: Readonly<Record<string, { readonly block: Block }>> }>>;
  readonly provider_versions: Readonly<Record<string, string>>;
}

export const PROVIDER_SCHEMAS: ProviderSchemas = JSON.parse(readFileSync(new URL("../providers/schema.json", import.meta.url), "utf8"));

const META = new Set(["//", "lifecycle", "depends_on", "count", "for_each", "provider", "connection", "provisioner"]);

/** Whether one of the providers we run defines the resource type (terraform_data is Terraform's own). */
export function isProviderResource(resourceType: string): boolean {
  return Object.values(PROVIDER_SCHEMAS.provider_schemas).some((p) => resourceType in p.resource_schemas);
}

/** The provider that defines a resource type, by its registry address; the version Terraform selected. */
function providerOf(resourceType: string): { fqpn: string; version: string; block: Block } {
  for (const [fqpn, provider] of Object.entries(PROVIDER_SCHEMAS.provider_schemas)) {
    const resource = provider.resource_schemas[resourceType];
    if (resource) return { fqpn, version: PROVIDER_SCHEMAS.provider_versions[fqpn]!, block: resource.block };
  }
  throw new Error(`no provider in providers/schema.json defines ${resourceType}`);
}

const isToken = (v: unknown) => typeof v === "string" && /\$\{/.test(v);

function typeProblem(type: unknown, v: unknown): string | undefined {
  if (v === null || isToken(v)) return undefined;
  if (type === "number") return typeof v === "number" ? undefined : "number";
  if (type === "string") return typeof v === "string" ? undefined : "string";
  if (type === "bool") return typeof v === "boolean" ? undefined : "bool";
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set")) {
    if (!Array.isArray(v)) return `${type[0]} of ${JSON.stringify(type[1])}`;
    for (const item of v) if (typeProblem(type[1], item)) return `${type[0]} of ${JSON.stringify(type[1])}`;
    return undefined;
  }
  if (Array.isArray(type) && type[0] === "map") {
    if (typeof v !== "object" || Array.isArray(v)) return `map of ${JSON.stringify(type[1])}`;
    for (const item of Object.values(v as object)) if (typeProblem(type[1], item)) return `map of ${JSON.stringify(type[1])}`;
    return undefined;
  }
  return undefined; // object and dynamic types: Terraform's validate judges them (test/upstream/terraform-validate.test.ts)
}

/** Every problem of one synthesized resource against the schema of the provider we run; [] when it conforms. */
export function checkAgainstProviderSchema(resourceType: string, config: Record<string, unknown>): string[] {
  const { fqpn, version, block } = providerOf(resourceType);
  const where = `${fqpn.replace(/^registry\.terraform\.io\//, "")} ${version}`;
  const problems: string[] = [];
  const walk = (b: Block, value: Record<string, unknown>, path: string, top: boolean) => {
    for (const [key, v] of Object.entries(value)) {
      if (top && META.has(key)) continue;
      const attr = b.attributes?.[key];
      const nested = b.block_types?.[key];
      if (attr) {
        if (attr.computed && !attr.optional && !attr.required) problems.push(`${path}${key}: computed by ${where}, cannot be set`);
        const expected = typeProblem(attr.type, v);
        if (expected) problems.push(`${path}${key}: expected ${expected}, got ${JSON.stringify(v)}`);
      } else if (nested) {
        const items = Array.isArray(v) ? v : [v];
        items.forEach((item, i) => {
          if (item && typeof item === "object" && !isToken(item)) walk(nested.block, item as Record<string, unknown>, `${path}${key}[${i}].`, false);
        });
      } else {
        problems.push(`${path}${key}: not an attribute of ${resourceType} in ${where}`);
      }
    }
    for (const [name, attr] of Object.entries(b.attributes ?? {})) {
      if (attr.required && !(name in value)) problems.push(`${path}${name}: required by ${where} but missing`);
    }
    for (const [name, nested] of Object.entries(b.block_types ?? {})) {
      if ((nested.min_items ?? 0) > 0 && !(name in value)) problems.push(`${path}${name}: required by ${where} but missing`);
    }
  };
  walk(block, config, "", true);
  return problems;
}
