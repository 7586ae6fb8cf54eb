import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The kreuzwerker/docker 3.6.2 schema as carried by @cdktf/provider-docker's jsii assembly: for each struct,
 * its Terraform attribute names (from the registry anchors in the docs), their types and whether required.
 */
const require = createRequire(import.meta.url);
const assembly = JSON.parse(readFileSync(join(dirname(require.resolve("@cdktf/provider-docker/package.json")), ".jsii"), "utf8"));

type JsiiType = { primitive?: string; fqn?: string; collection?: { kind: string; elementtype: JsiiType }; union?: { types: JsiiType[] } };
interface Attr {
  readonly name: string;
  readonly required: boolean;
  readonly type: JsiiType;
}

const META = new Set(["//", "lifecycle", "depends_on", "count", "for_each", "provider", "connection", "provisioner"]);

/**
 * Attributes of provider 4.6 (the stacks require >= 4.6.0) the 3.6.2 bindings lack, each written as an
 * override: an upload's `owner` and `group` (#997), numeric ids as strings. `terraform validate` with the real
 * 4.6 provider (test/upstream/terraform-validate.test.ts) judges them; here only their type.
 */
const PROVIDER_46_ADDITIONS: Readonly<Record<string, Readonly<Record<string, Attr>>>> = {
  ContainerUpload: {
    owner: { name: "owner", required: false, type: { primitive: "string" } },
    group: { name: "group", required: false, type: { primitive: "string" } },
  },
};

function attrsOf(fqn: string): Map<string, Attr> {
  const t = assembly.types[fqn];
  if (!t) throw new Error(`no jsii type ${fqn}`);
  const out = new Map<string, Attr>();
  for (const p of t.properties ?? []) {
    const anchor = /#(\w+) /.exec(p.docs?.remarks ?? "");
    if (!anchor) continue; // meta-arguments inherited from cdktf
    out.set(anchor[1]!, { name: anchor[1]!, required: !p.optional, type: p.type });
  }
  return out;
}

export function configFqn(resourceType: string): string {
  const mod = resourceType.replace(/^docker_/, "").replace(/_/g, "-");
  const cls = mod.split("-").map((s) => s[0]!.toUpperCase() + s.slice(1)).join("");
  return `@cdktf/provider-docker.${mod}.${cls}Config`;
}

/** The struct a block attribute nests, if any. */
function blockStruct(t: JsiiType): string | undefined {
  if (t.fqn && assembly.types[t.fqn]?.kind === "interface") return t.fqn;
  if (t.collection) return blockStruct(t.collection.elementtype);
  if (t.union) for (const u of t.union.types) {
    const s = blockStruct(u);
    if (s) return s;
  }
  return undefined;
}

function primitiveOf(t: JsiiType): string | undefined {
  if (t.primitive) return t.primitive;
  if (t.union) return t.union.types.map(primitiveOf).find((p) => p !== undefined && p !== "any");
  return undefined;
}

const isToken = (v: unknown) => typeof v === "string" && /\$\{/.test(v);

/** Every problem of one synthesized docker resource against the provider schema; [] when it conforms. */
export function checkAgainstProviderSchema(resourceType: string, config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const walk = (fqn: string, value: Record<string, unknown>, path: string, top: boolean) => {
    const attrs = new Map([...attrsOf(fqn), ...Object.entries(PROVIDER_46_ADDITIONS[fqn.split(".").pop()!] ?? {})]);
    for (const [key, v] of Object.entries(value)) {
      if (top && META.has(key)) continue;
      const attr = attrs.get(key);
      if (!attr) {
        problems.push(`${path}${key}: not an attribute of ${fqn.split(".").pop()} in provider 3.6.2`);
        continue;
      }
      const struct = blockStruct(attr.type);
      if (struct) {
        const items = Array.isArray(v) ? v : [v];
        items.forEach((item, i) => {
          if (item && typeof item === "object" && !isToken(item)) walk(struct, item as Record<string, unknown>, `${path}${key}[${i}].`, false);
        });
        continue;
      }
      const prim = primitiveOf(attr.type);
      if (prim && v !== null && !isToken(v) && !attr.type.collection) {
        const ok = prim === "number" ? typeof v === "number" : prim === "string" ? typeof v === "string" : prim === "boolean" ? typeof v === "boolean" : true;
        if (!ok) problems.push(`${path}${key}: expected ${prim}, got ${JSON.stringify(v)}`);
      }
    }
    for (const attr of attrs.values()) {
      if (attr.required && !(attr.name in value)) problems.push(`${path}${attr.name}: required by provider 3.6.2 but missing`);
    }
  };
  walk(configFqn(resourceType), config, "", true);
  return problems;
}
