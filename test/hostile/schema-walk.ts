import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from "yaml";
import type { z } from "zod";
import { DeploymentSchema } from "../../src/deployment/deployment-schema.js";
import { HardwareProfileSchema } from "../../src/profile/hardware-profile-schema.js";
import { REPO } from "../util.js";

/**
 * Hostile inputs by construction: the zod schemas of profiles and deployments are walked field by field, and
 * each field gets the hostile values of its type (bounds, wrong types, YAML tags and aliases, control and
 * template characters, shell syntax, paths, names, enum variants), injected at its position in an otherwise valid
 * document with the yaml library's Document API. A field added to a schema is attacked without anyone writing a
 * case; a zod type the walk does not know stops it with an error naming the field.
 *
 * Each case says whether it must be refused whatever the field ("refused": a control character, a template
 * brace, a value outside the schema's own bounds, an unknown tag…) or may be accepted ("either"): then what it
 * renders is judged by the programs that read it (test/hostile/schema-walk.test.ts).
 */

/** A list element in a field pattern (`spec.storage.pools[].devices[]`). */
export const EACH = "[]";
export type PatternSeg = string;
export type Seg = string | number;

export type DocKind = "profile" | "deployment";

export interface Field {
  readonly doc: DocKind;
  /** Keys, with {@link EACH} for a list's elements. */
  readonly pattern: readonly PatternSeg[];
  readonly type: "string" | "number" | "boolean" | "enum" | "object" | "array";
  /** Neither optional nor defaulted. */
  readonly required: boolean;
  readonly int?: boolean;
  /** Bounds of a number (or of a string's or list's length). */
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  readonly patterns?: readonly RegExp[];
  /** enum, literal or a union of literals. */
  readonly values?: readonly (string | number | boolean)[];
  readonly keys?: readonly string[];
  readonly defaultValue?: unknown;
  /** Inside one option of a discriminated union: the union's path, its discriminator and this option's value. */
  readonly branch?: { readonly at: readonly PatternSeg[]; readonly discriminator: string; readonly value: string };
}

export const fieldName = (pattern: readonly PatternSeg[]) => pattern.join(".").replaceAll(`.${EACH}`, EACH) || "(document)";

type AnySchema = z.core.$ZodType;
const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Record<string, any>; bag: Record<string, any> } })._zod;

/** Every field of a schema, containers and leaves, with the constraints zod records about it. */
export function walkSchema(schema: AnySchema, doc: DocKind): Field[] {
  const out: Field[] = [];
  const visit = (s: AnySchema, pattern: PatternSeg[], optional: boolean, extra: Partial<Field>, depth: number): void => {
    if (depth > 40) throw new Error(`schema-walk: ${fieldName(pattern)} nests deeper than 40 levels (a recursive schema?)`);
    const { def, bag } = defOf(s);
    const at = (f: Partial<Field>): Field => ({ doc, pattern, required: !optional, ...extra, ...f }) as Field;
    switch (def.type) {
      case "optional":
        return visit(def.innerType, pattern, true, extra, depth + 1);
      case "default":
      case "prefault":
        return visit(def.innerType, pattern, true, { ...extra, defaultValue: typeof def.defaultValue === "function" ? def.defaultValue() : def.defaultValue }, depth + 1);
      case "nullable":
      case "readonly":
      case "catch":
        return visit(def.innerType, pattern, optional, extra, depth + 1);
      case "nonoptional":
        return visit(def.innerType, pattern, false, extra, depth + 1);
      case "pipe":
        return visit(def.in, pattern, optional, extra, depth + 1);
      case "lazy":
        return visit(def.getter(), pattern, optional, extra, depth + 1);
      case "object": {
        const keys = Object.keys(def.shape);
        out.push(at({ type: "object", keys }));
        const branch = extra.branch;
        for (const k of keys) visit(def.shape[k], [...pattern, k], false, branch ? { branch } : {}, depth + 1);
        return;
      }
      case "array":
        out.push(at({ type: "array", ...bounds(bag) }));
        return visit(def.element, [...pattern, EACH], false, extra.branch ? { branch: extra.branch } : {}, depth + 1);
      case "union": {
        const options = def.options as AnySchema[];
        if (options.every((o) => defOf(o).def.type === "literal")) {
          return void out.push(at({ type: "enum", values: options.flatMap((o) => defOf(o).def.values as (string | number)[]) }));
        }
        if (def.discriminator) {
          for (const o of options) {
            const value = defOf(defOf(o).def.shape[def.discriminator]).def.values[0] as string;
            visit(o, pattern, optional, { ...extra, branch: { at: pattern, discriminator: def.discriminator, value } }, depth + 1);
          }
          return;
        }
        for (const o of options) visit(o, pattern, optional, extra, depth + 1);
        return;
      }
      case "string":
        return void out.push(at({ type: "string", ...bounds(bag), ...(bag.patterns ? { patterns: [...bag.patterns] } : {}) }));
      case "number":
        return void out.push(at({ type: "number", int: /int/.test(String(bag.format ?? "")), ...bounds(bag) }));
      case "boolean":
        return void out.push(at({ type: "boolean" }));
      case "enum":
        return void out.push(at({ type: "enum", values: Object.values(def.entries) as string[] }));
      case "literal":
        return void out.push(at({ type: "enum", values: def.values as (string | number)[] }));
      default:
        throw new Error(`schema-walk: no hostile values for zod type "${def.type}" at ${fieldName(pattern)}: teach test/hostile/schema-walk.ts this type`);
    }
  };
  visit(schema, [], false, {}, 0);
  return out;
}

function bounds(bag: Record<string, any>): Partial<Field> {
  const b: { -readonly [K in keyof Field]?: Field[K] } = {};
  if (typeof bag.minimum === "number") b.min = bag.minimum;
  if (typeof bag.exclusiveMinimum === "number") Object.assign(b, { min: bag.exclusiveMinimum, exclusiveMin: true });
  if (typeof bag.maximum === "number") b.max = bag.maximum;
  if (typeof bag.exclusiveMaximum === "number") Object.assign(b, { max: bag.exclusiveMaximum, exclusiveMax: true });
  // z.int() records the safe-integer range as its bounds: not a bound the author chose.
  if (b.min === Number.MIN_SAFE_INTEGER) delete b.min;
  if (b.max === Number.MAX_SAFE_INTEGER) delete b.max;
  return b;
}

/** Both schemas' fields. */
export function allFields(): Field[] {
  return [...walkSchema(HardwareProfileSchema, "profile"), ...walkSchema(DeploymentSchema, "deployment")];
}

// ---- base documents -------------------------------------------------------------------------------------------

export interface Base {
  readonly doc: DocKind;
  readonly name: string;
  readonly text: string;
  readonly data: unknown;
  /** How an accepted profile is rendered: as a `--profile` deployment, or as the ML node of the rich deployment. */
  readonly renderAs?: "profile" | "ml-node";
}

export const BASES_DIR = join(REPO, "test", "hostile", "schema-walk-bases");

/** The shipped profiles and deployments, and the fixtures that set every optional field. */
export function loadBases(): Base[] {
  const file = (dir: string, name: string) => readFileSync(join(dir, name), "utf8");
  const base = (doc: DocKind, name: string, text: string, renderAs?: Base["renderAs"]): Base => ({
    doc,
    name,
    text,
    data: parseDocument(text).toJS(),
    ...(renderAs ? { renderAs } : {}),
  });
  const hp = join(REPO, "hardware-profiles");
  const dp = join(REPO, "deployments");
  return [
    ...["epyc-4004-prosumer", "xeon-e2400-enterprise", "homelab-minimal"].map((n) => base("profile", n, file(hp, `${n}.yaml`), "profile")),
    base("profile", "arm-profile", file(BASES_DIR, "arm-profile.yaml"), "profile"),
    base("profile", "ml-node", file(BASES_DIR, "ml-node.yaml"), "ml-node"),
    ...["example", "homelab", "xeon-enterprise"].map((n) => base("deployment", n, file(dp, `${n}.yaml`))),
    base("deployment", "tcp-deployment", file(BASES_DIR, "tcp-deployment.yaml")),
    base("deployment", "rich-deployment", file(BASES_DIR, "rich-deployment.yaml")),
    ...["access-public", "access-lan", "access-wireguard"].map((n) => base("deployment", n, file(BASES_DIR, `${n}.yaml`))),
  ];
}

/** The pattern with every list element at index 0. */
export const concrete = (pattern: readonly PatternSeg[]): Seg[] => pattern.map((s) => (s === EACH ? 0 : s));

function getIn(data: unknown, path: readonly Seg[]): unknown {
  let node: unknown = data;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The bases in which a field can be attacked in place: its parent exists and the union option matches. */
export function contextsOf(field: Field, bases: readonly Base[]): { base: Base; present: boolean }[] {
  const path = concrete(field.pattern);
  const parentPath = path.slice(0, -1);
  const found: { base: Base; present: boolean }[] = [];
  for (const base of bases) {
    if (base.doc !== field.doc) continue;
    if (field.branch) {
      const u = getIn(base.data, concrete(field.branch.at));
      if (!isObject(u) || u[field.branch.discriminator] !== field.branch.value) continue;
    }
    const parent = path.length === 0 ? undefined : getIn(base.data, parentPath);
    const parentOk = path.length === 0 || (path[path.length - 1] === 0 ? Array.isArray(parent) : isObject(parent));
    if (!parentOk) continue;
    found.push({ base, present: getIn(base.data, path) !== undefined });
  }
  return found;
}

// ---- hostile values -------------------------------------------------------------------------------------------

/**
 * What a case must come to. "refused": whatever the field, the value must be refused (by the schema's own
 * bounds or by a rule every field keeps: no control characters, no template braces, no unknown tag…).
 * "either": accepted or refused; if accepted, what it renders must satisfy its consumers.
 */
export type Expect = "refused" | "either";

export interface Hostile {
  readonly kind: string;
  readonly expect: Expect;
  /** Changes the document at `path` (the field's position; its parent exists or is created). */
  readonly apply: (doc: Document, path: readonly Seg[]) => void;
}

/** Characters no field may hold: control characters, line breaks, bidi overrides (as src/profile/text.ts). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Terraform's template openings: every value reaches the Terraform JSON, where they would be evaluated. (Go
 * template and Jinja braces matter only in the files that are templates: the consumers judge those.)
 */
const TEMPLATE = /\$\{|%\{/;
/** A `.` or `..` segment. */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;
/** Pseudo file systems and raw memory: never a file or device a deployment may name. */
const PSEUDO = /^(unix:\/\/)?\/(proc|sys)(\/|$)|^\/dev\/(mem|kmem|port|zero|null|random|urandom|tty\w*|console)$/;

/** Whether a string must be refused in this field whatever the field means. */
export function stringMustBeRefused(field: Field, value: string, pathShaped: boolean): boolean {
  if (CONTROL.test(value) || TEMPLATE.test(value) || value.includes("\0")) return true;
  if (field.max !== undefined && value.length > field.max) return true;
  if (field.min !== undefined && value.length < field.min) return true;
  if (field.patterns?.some((p) => !new RegExp(p.source, p.flags).test(value))) return true;
  if (field.max === undefined && value.length > 10_000) return true;
  if (pathShaped && (DOT_SEGMENT.test(value.replace(/^unix:\/\//, "")) || PSEUDO.test(value))) return true;
  return false;
}

function numberMustBeRefused(field: Field, value: number): boolean {
  if (!Number.isFinite(value)) return true;
  if (field.int && !Number.isSafeInteger(value)) return true;
  if (field.min !== undefined && (field.exclusiveMin ? value <= field.min : value < field.min)) return true;
  if (field.max !== undefined && (field.exclusiveMax ? value >= field.max : value > field.max)) return true;
  return false;
}

const set = (value: unknown) => (doc: Document, path: readonly Seg[]) => setAt(doc, path, value instanceof Scalar || isMap(value) || isSeq(value) ? value : doc.createNode(value));
const scalar = (value: unknown, opts: { tag?: string; type?: Scalar.Type } = {}) => {
  const s = new Scalar(value);
  if (opts.tag) s.tag = opts.tag;
  if (opts.type) s.type = opts.type;
  return s;
};
const h = (kind: string, expect: Expect, apply: Hostile["apply"]): Hostile => ({ kind, expect, apply });

const CYRILLIC: Record<string, string> = { a: "а", e: "е", o: "о", p: "р", c: "с", x: "х", i: "і" };

/** Values of the wrong type for any field. */
function wrongTypes(field: Field): Hostile[] {
  const all: [string, unknown][] = [
    ["type-map", { a: 1 }],
    ["type-list", [1, "x"]],
    ["type-empty-map", {}],
    ["type-empty-list", []],
    ["type-null", null],
    ["type-true", true],
    ["type-int", 42],
    ["type-float", 1.5],
    ["type-string", "x"],
  ];
  const kept = all.filter(([kind]) => {
    if (field.type === "object") return !["type-map", "type-empty-map"].includes(kind);
    if (field.type === "array") return !["type-list", "type-empty-list"].includes(kind);
    if (field.type === "string") return kind !== "type-string";
    if (field.type === "number") return !["type-int", "type-float"].includes(kind);
    if (field.type === "boolean") return kind !== "type-true";
    return true;
  });
  return kept.map(([kind, v]) => {
    // An enum of numbers takes 42 or 1.5 only if listed; a string enum never takes a number.
    const expect: Expect = field.type === "enum" && field.values?.includes(v as string) ? "either" : "refused";
    return h(kind, expect, set(v));
  });
}

/** YAML-level attacks on a node: tags, aliases, anchors. */
function yamlLevel(field: Field): Hostile[] {
  const out: Hostile[] = [
    // A custom tag: the core schema resolves none, and an unresolved tag must not pass as the plain value.
    h("tag-custom", "refused", (doc, path) => retag(doc, path, "!custom")),
    h("tag-verbatim", "refused", (doc, path) => retag(doc, path, "tag:example.com,2000:app/x")),
    h("tag-binary", "refused", (doc, path) => setAt(doc, path, scalar("aGVsbG8=", { tag: "tag:yaml.org,2002:binary" }))),
    h("tag-timestamp", "refused", (doc, path) => setAt(doc, path, scalar("2001-12-14t21:59:43.10-05:00", { tag: "tag:yaml.org,2002:timestamp" }))),
    // The value replaced by an alias of the document's first value (a string): either right or refused.
    h("alias-to-apiVersion", "either", (doc, path) => {
      const first = (doc.contents as YAMLMap).items[0] as Pair<Scalar, Node>;
      if (first.value && path.length > 0 && path[0] !== first.key.value) {
        first.value.anchor = "first";
        setAt(doc, path, doc.createAlias(first.value as Scalar, "first"));
      }
    }),
    h("alias-to-metadata", "refused", (doc, path) => {
      const meta = doc.get("metadata", true) as Node | undefined;
      const order = (doc.contents as YAMLMap).items.map((p) => String((p.key as Scalar).value));
      if (meta && isMap(meta) && path.length > 0 && order.indexOf(String(path[0])) > order.indexOf("metadata")) {
        meta.anchor = "meta";
        setAt(doc, path, doc.createAlias(meta as YAMLMap, "meta"));
      } else setAt(doc, path, doc.createNode({ a: 1 }));
    }),
  ];
  if (field.type === "object") {
    out.push(
      h("tag-omap", "refused", (doc, path) => asCollectionTag(doc, path, "tag:yaml.org,2002:omap")),
      h("tag-pairs", "refused", (doc, path) => asCollectionTag(doc, path, "tag:yaml.org,2002:pairs")),
      h("tag-set", "refused", (doc, path) => {
        const node = getAt(doc, path);
        const m = new YAMLMap();
        m.tag = "tag:yaml.org,2002:set";
        if (isMap(node)) for (const p of node.items) m.items.push(new Pair(p.key, null));
        setAt(doc, path, m);
      }),
      h("tag-map-explicit", "either", (doc, path) => retag(doc, path, "tag:yaml.org,2002:map")),
      // A mapping that holds itself (`&m {…, extra: *m}`): a loop, never a crash.
      h("alias-self", "refused", (doc, path) => {
        const node = getAt(doc, path);
        if (isMap(node)) {
          node.anchor = "self";
          node.set("extra", doc.createAlias(node, "self"));
        } else setAt(doc, path, doc.createNode({ extra: 1 }));
      }),
      h("merge-key", "refused", (doc, path) => {
        const node = getAt(doc, path);
        const meta = doc.get("metadata", true) as Node | undefined;
        if (isMap(node) && meta && isMap(meta) && node !== meta) {
          meta.anchor = "base";
          node.items.push(new Pair(new Scalar("<<"), doc.createAlias(meta as YAMLMap, "base")));
        } else setAt(doc, path, doc.createNode({ "<<": 1 }));
      }),
    );
    for (const key of ["x-extra", "__proto__", "constructor", "toString", "hasOwnProperty", "", "k".repeat(5000), "a\u0000b", "a\nb", "$(id)"]) {
      out.push(
        h(`extra-key-${kindOfText(key)}`, "refused", (doc, path) => {
          const node = getAt(doc, path);
          if (isMap(node)) node.items.push(new Pair(new Scalar(key), new Scalar(1)));
          else setAt(doc, path, doc.createNode({ [key]: 1 }));
        }),
      );
    }
    out.push(
      h("duplicate-key", "refused", (doc, path) => {
        const node = getAt(doc, path);
        if (isMap(node) && node.items.length > 0) {
          const p = node.items[0] as Pair;
          node.items.push(new Pair(new Scalar((p.key as Scalar).value), p.value instanceof Scalar ? new Scalar(p.value.value) : doc.createNode(null)));
        } else setAt(doc, path, doc.createNode({ a: 1 }));
      }),
    );
    for (const key of field.keys ?? []) {
      out.push(h(`missing-${key}`, "either", (doc, path) => void doc.deleteIn([...path, key])));
    }
  }
  if (field.type === "array") {
    out.push(
      h("tag-set-for-list", "refused", (doc, path) => {
        const node = getAt(doc, path);
        const m = new YAMLMap();
        m.tag = "tag:yaml.org,2002:set";
        if (isSeq(node)) for (const item of node.items) m.items.push(new Pair(item instanceof Scalar ? new Scalar(item.value) : new Scalar("x"), null));
        setAt(doc, path, m);
      }),
      h("tag-omap-for-list", "refused", (doc, path) => retag(doc, path, "tag:yaml.org,2002:omap")),
      h("list-null-element", "refused", (doc, path) => {
        const node = getAt(doc, path);
        if (isSeq(node)) node.items.push(new Scalar(null));
        else setAt(doc, path, doc.createNode([null]));
      }),
      h("list-nested", "refused", (doc, path) => {
        const node = getAt(doc, path);
        setAt(doc, path, doc.createNode([isSeq(node) ? node.toJSON() : []]));
      }),
      h("list-empty", field.min !== undefined && field.min > 0 ? "refused" : "either", set([])),
      h("list-duplicate-first", "either", (doc, path) => {
        const node = getAt(doc, path);
        if (isSeq(node) && node.items.length > 0) node.items.push(doc.createNode((node.items[0] as Node).toJSON()));
      }),
      h("list-one-more-than-max", field.max !== undefined ? "refused" : "either", (doc, path) => {
        const node = getAt(doc, path);
        const first = isSeq(node) && node.items.length > 0 ? (node.items[0] as Node).toJSON() : "x";
        setAt(doc, path, doc.createNode(Array.from({ length: Math.min((field.max ?? 2000) + 1, 5000) }, () => first)));
      }),
    );
  }
  if (field.pattern.at(-1) === EACH) out.push(h("list-first-removed", "either", (doc, path) => void doc.deleteIn(path)));
  else if (!field.required) out.push(h("absent", "either", (doc, path) => void doc.deleteIn(path)));
  else if (field.pattern.length > 0) out.push(h("missing-required", "refused", (doc, path) => void doc.deleteIn(path)));
  return out;
}

function retag(doc: Document, path: readonly Seg[], tag: string): void {
  const node = getAt(doc, path) as Node | undefined;
  if (node && (node instanceof Scalar || isMap(node) || isSeq(node))) node.tag = tag;
  else setAt(doc, path, scalar("x", { tag }));
}

/** A mapping rewritten as an ordered map or pairs: `!!omap [{k: v}, …]`. */
function asCollectionTag(doc: Document, path: readonly Seg[], tag: string): void {
  const node = getAt(doc, path);
  const seq = new YAMLSeq();
  seq.tag = tag;
  if (isMap(node)) {
    for (const p of node.items) {
      const m = new YAMLMap();
      m.items.push(p as Pair);
      seq.items.push(m);
    }
  }
  setAt(doc, path, seq);
}

function kindOfText(key: string): string {
  if (key === "") return "empty";
  if (key.length > 100) return `long-${key.length}`;
  if (/^[A-Za-z_-]+$/.test(key)) return key;
  return key.includes("\0") ? "nul" : key.includes("\n") ? "newline" : "shell";
}

/** Hostile numbers around a field's bounds. */
function numbers(field: Field, base: number | undefined): Hostile[] {
  const vals: [string, number][] = [
    ["zero", 0],
    ["minus-one", -1],
    ["minus-zero", -0],
    ["half", 0.5],
    ["2^31", 2 ** 31],
    ["2^53", 2 ** 53],
    ["2^53+2", 2 ** 53 + 2],
    ["1e300", 1e300],
    ["-1e300", -1e300],
    ["tiny", 1e-300],
    ["max-value", Number.MAX_VALUE],
  ];
  if (field.min !== undefined) vals.push(["min", field.min], ["min-1", field.min - 1], ["min+1", field.min + 1], ["min-0.001", field.min - 0.001], ["min+0.5", field.min + 0.5]);
  if (field.max !== undefined) vals.push(["max", field.max], ["max+1", field.max + 1], ["max-1", field.max - 1], ["max+0.001", field.max + 0.001], ["max-0.5", field.max - 0.5]);
  if (base !== undefined) vals.push(["base*1000", base * 1000], ["base/1000", base / 1000], ["base+0.5", base + 0.5], ["-base", -base]);
  const out = vals.map(([kind, v]) => h(`number-${kind}`, numberMustBeRefused(field, v) ? "refused" : "either", set(v)));
  // YAML spellings: .nan/.inf are floats; 1e309 overflows to Infinity; 0x10 and 0o17 are YAML 1.2 integers.
  for (const [kind, src, value] of [
    ["nan", ".nan", Number.NaN],
    ["inf", ".inf", Number.POSITIVE_INFINITY],
    ["-inf", "-.inf", Number.NEGATIVE_INFINITY],
    ["1e309", "1e309", Number.POSITIVE_INFINITY],
    ["hex", "0x10", 16],
    ["octal", "0o17", 15],
    ["exponent", "1e2", 100],
  ] as const) {
    out.push(h(`number-yaml-${kind}`, numberMustBeRefused(field, value) ? "refused" : "either", (doc, path) => setAt(doc, path, parseDocument(`${src}\n`).contents)));
  }
  // Numbers as text: never a number.
  for (const [kind, v] of [["string-nan", "NaN"], ["string-number", String(base ?? 1)], ["string-unit", `${base ?? 1}GiB`], ["string-underscore", "1_000"], ["string-empty", ""]] as const) {
    out.push(h(`number-${kind}`, "refused", (doc, path) => setAt(doc, path, scalar(v, { type: "QUOTE_DOUBLE" }))));
  }
  return out;
}

function booleans(): Hostile[] {
  return [
    h("bool-string-true", "refused", (doc, path) => setAt(doc, path, scalar("true", { type: "QUOTE_DOUBLE" }))),
    h("bool-yes", "refused", set("yes")),
    h("bool-on", "refused", set("on")),
    h("bool-one", "refused", set(1)),
    h("bool-zero", "refused", set(0)),
    h("bool-capital-true", "either", (doc, path) => setAt(doc, path, parseDocument("True\n").contents)),
    h("bool-false", "either", set(false)),
    h("bool-true", "either", set(true)),
  ];
}

function enums(field: Field): Hostile[] {
  const values = field.values ?? [];
  const out: Hostile[] = values.map((v, i) => h(`enum-value-${i}`, "either", set(v)));
  const variants = new Map<string, unknown>();
  for (const v of values) {
    if (typeof v === "string") {
      variants.set(`upper-${v}`, v.toUpperCase());
      variants.set(`capital-${v}`, v.charAt(0).toUpperCase() + v.slice(1));
      variants.set(`trailing-space-${v}`, `${v} `);
      variants.set(`shorter-${v}`, v.slice(0, -1));
      variants.set(`longer-${v}`, `${v}x`);
      variants.set(`nul-${v}`, `${v}\u0000`);
      variants.set(`confusable-${v}`, confusable(v));
      const m = /^(.*?)(\d+)$/.exec(v);
      if (m) variants.set(`next-${v}`, `${m[1]}${Number(m[2]) + 1}`);
    } else if (typeof v === "number") {
      variants.set(`plus-one-${v}`, v + 1);
      variants.set(`as-string-${v}`, String(v));
      variants.set(`half-${v}`, v + 0.5);
    }
  }
  variants.set("empty", "");
  for (const [kind, v] of variants) {
    if (values.includes(v as string)) continue;
    out.push(h(`enum-${kind}`, "refused", typeof v === "string" && /^\d/.test(v) ? (doc, path) => setAt(doc, path, scalar(v, { type: "QUOTE_DOUBLE" })) : set(v)));
  }
  return out;
}

function confusable(text: string): string {
  const i = [...text].findIndex((c) => CYRILLIC[c] !== undefined);
  return i < 0 ? `${text}\u200b` : text.slice(0, i) + CYRILLIC[text[i]!]! + text.slice(i + 1);
}

/** Hostile strings for a field whose valid value looks like `base`. */
function strings(field: Field, base: string): Hostile[] {
  const pathShaped = base.startsWith("/") || base.startsWith("unix://");
  const urlShaped = /^[a-z]+:\/\/[^/]/.test(base);
  const vals: [string, string][] = [
    ["empty", ""],
    ["space", " "],
    ["base", base],
    ["trailing-space", `${base} `],
    ["leading-space", ` ${base}`],
    ["upper", base.toUpperCase()],
    ["confusable", confusable(base)],
    ["zero-width", `${base}\u200b`],
    ["bom", `\ufeff${base}`],
    ["soft-hyphen", `${base}\u00ad`],
    ["long-1e5", "a".repeat(100_000)],
    // Control characters and line breaks.
    ["nul", `${base}\u0000`],
    ["newline-command", `${base}\nrm -rf /`],
    ["crlf", `${base}\r\n`],
    ["cr", `${base}\rX`],
    ["tab", `${base}\tx`],
    ["escape", `\u001b[2J${base}`],
    ["del", `${base}\u007f`],
    ["nel", `${base}\u0085`],
    ["line-separator", `${base}\u2028x`],
    ["bidi-override", `${base}\u202ex`],
    ["bidi-isolate", `${base}\u2066x`],
    ["rtl-mark", `${base}\u200f`],
    // Templates of the programs our files feed.
    ["terraform-interpolation", `${base}\${file("/etc/shadow")}`],
    ["terraform-escaped", `${base}$\${x}`],
    ["terraform-directive", `${base}%{ if true }x%{ endif }`],
    ["go-template", `${base}{{ .Secret }}`],
    ["go-template-open", `{{${base}`],
    ["jinja", `${base}{% raw %}`],
    // Shell syntax.
    ["command-substitution", `${base}$(touch PWNED)`],
    ["command-substitution-only", "$(touch PWNED)"],
    ["backticks", `${base}\`touch PWNED\``],
    ["single-quote", `${base}'`],
    ["double-quote", `${base}"`],
    ["backslash", `${base}\\`],
    ["semicolon", `${base};id`],
    ["pipe", `${base}|id`],
    ["ampersand", `${base}&&id`],
    ["glob", `${base}*`],
    ["hash", `${base} #x`],
    ["dollar-var", `${base}$HOME`],
    ["ifs", `${base}\${IFS}x`],
    ["leading-dash", `-${base}`],
    ["option", "-oProxyCommand=touch PWNED"],
    ["double-dash", "--help"],
    // Paths.
    ["dotdot-relative", "../../etc/passwd"],
    ["dotdot-suffix", `${base}/../../etc/shadow`],
    ["dot-segment", `${base}/./x`],
    ["double-slash", `${base}//x`],
    ["trailing-slash", `${base}/`],
    ["proc-self", "/proc/self/environ"],
    ["proc-fd", "/proc/self/fd/0"],
    ["sys", "/sys/kernel/debug"],
    ["dev-mem", "/dev/mem"],
    ["dev-zero", "/dev/zero"],
    ["etc-shadow", "/etc/shadow"],
    ["root-key", "/root/.ssh/id_ed25519"],
    ["tmp", "/tmp/x"],
    ["var-tmp", "/var/tmp/x"],
    ["home-tilde", "~/.ssh/id_rsa"],
    // Names and YAML-ish words as strings.
    ["root", "root"],
    ["nobody", "nobody"],
    ["localhost", "localhost"],
    ["ip-loopback", "127.0.0.1"],
    ["ip-metadata", "169.254.169.254"],
    ["ip-invalid", "999.999.999.999"],
    ["punycode", "xn--80ak6aa92e.com"],
    ["label-63", "a".repeat(63)],
    ["label-64", "a".repeat(64)],
    ["word-null", "null"],
    ["word-true", "true"],
    ["word-nan", "NaN"],
    ["word-number", "1e9"],
    ["unicode", `${base}é📷`],
  ];
  if (pathShaped) {
    const prefix = base.startsWith("unix://") ? "unix://" : "";
    vals.push(
      ["path-proc", `${prefix}/proc/self/root/etc/shadow`],
      ["path-sys", `${prefix}/sys/firmware/x`],
      ["path-dev-mem", `${prefix}/dev/mem`],
      ["path-dotdot-inside", `${base.replace(/\/[^/]*$/, "")}/../../../etc/shadow`],
      ["path-etc", `${prefix}/etc/sudoers`],
      ["path-snap", `${prefix}/snap/x`],
      ["path-run-docker", `${prefix}/run/docker.sock`],
      ["path-space", `${base} x`],
    );
  }
  if (urlShaped) {
    const m = /^([a-z]+):\/\/(?:([^@/]*)@)?([^:/]+)(?::(\d+))?(.*)$/.exec(base);
    if (m) {
      const [, scheme, user, host, , rest] = m;
      const u = user ? `${user}@` : "";
      vals.push(
        ["url-port-0", `${scheme}://${u}${host}:0${rest}`],
        ["url-port-65536", `${scheme}://${u}${host}:65536${rest}`],
        ["url-port-default", `${scheme}://${u}${host}:22${rest}`],
        ["url-host-upper", `${scheme}://${u}${host!.toUpperCase()}${rest}`],
        ["url-userinfo", `${scheme}://user:secret@${host}${rest}`],
        ["url-at-evil", `${scheme}://${u}${host}@evil.example.com${rest}`],
        ["url-prefix-host", `${scheme}://${u}${host}.evil.example.com${rest}`],
        ["url-fragment", `${base}#x`],
        ["url-query", `${base}?x=1`],
        ["url-tcp", "tcp://10.0.0.5:2375"],
        ["url-http-private-name", "http://10.evil.example.com"],
        ["url-unix", "unix:///run/docker.sock"],
        ["url-file", "file:///etc/shadow"],
        ["url-root", `${scheme}://root@${host}`],
        ["url-system-user", `${scheme}://www-data@${host}`],
        ["url-option-host", `${scheme}://${u}-oProxyCommand=x`],
      );
    }
  }
  if (field.max !== undefined) vals.push(["length-max", base.length > 0 ? base.repeat(Math.ceil(field.max / base.length)).slice(0, field.max) : "a".repeat(field.max)], ["length-max+1", "a".repeat(field.max + 1)]);
  const seen = new Set<string>();
  const out: Hostile[] = [];
  for (const [kind, v] of vals) {
    if (seen.has(v)) continue;
    seen.add(v);
    const expect: Expect = stringMustBeRefused(field, v, pathShaped) ? "refused" : "either";
    // Quoted, so that `true` or `1e9` stay strings: the value under test is the string.
    out.push(h(`string-${kind}`, expect, (doc, path) => setAt(doc, path, scalar(v, { type: /[\u0000-\u001f\u007f-\u009f]/.test(v) ? "QUOTE_DOUBLE" : undefined }))));
  }
  return out;
}

/** A plausible valid value for a field the base lacks. */
function typicalValue(field: Field, present: unknown): unknown {
  if (present !== undefined) return present;
  if (field.defaultValue !== undefined) return field.defaultValue;
  if (field.values) return field.values[0];
  if (field.type === "number") return field.min ?? 1;
  if (field.type === "boolean") return true;
  return "x";
}

/** Every hostile value of a field's type. */
export function hostilesFor(field: Field, present: unknown): Hostile[] {
  const typical = typicalValue(field, present);
  const byType: Hostile[] =
    field.type === "string"
      ? strings(field, typeof typical === "string" ? typical : "x")
      : field.type === "number"
        ? numbers(field, typeof typical === "number" ? typical : undefined)
        : field.type === "boolean"
          ? booleans()
          : field.type === "enum"
            ? enums(field)
            : [];
  return [...byType, ...wrongTypes(field), ...yamlLevel(field)];
}

// ---- cases ----------------------------------------------------------------------------------------------------

export interface WalkCase {
  /** `<doc>/<base>/<field path>/<hostile kind>`: names what was attacked and how. */
  readonly id: string;
  readonly doc: DocKind;
  readonly base: Base;
  readonly field: string;
  readonly kind: string;
  readonly path: readonly Seg[];
  readonly expect: Expect;
  /** The document, as YAML text. */
  readonly text: () => string;
}

/** Every case of every field, in a fixed order. */
export function allCases(fields: readonly Field[] = allFields(), bases: readonly Base[] = loadBases()): WalkCase[] {
  const cases: WalkCase[] = [];
  for (const field of fields) {
    const contexts = contextsOf(field, bases);
    const path = concrete(field.pattern);
    // A field no base reaches is attacked in the richest base of its kind, its parents created.
    const where = contexts.length > 0 ? contexts : [{ base: bases.filter((b) => b.doc === field.doc).at(-1)!, present: false }];
    // Fields present in some base are attacked there; the others (defaulted, optional) in every base that has their parent.
    const chosen = where.some((c) => c.present) ? where.filter((c) => c.present) : where;
    for (const { base } of chosen) {
      const present = getIn(base.data, path);
      for (const hostile of hostilesFor(field, present)) {
        const name = fieldName(field.pattern);
        cases.push({
          id: `${field.doc}/${base.name}/${name}${field.branch ? `(${field.branch.discriminator}=${field.branch.value})` : ""}/${hostile.kind}`,
          doc: field.doc,
          base,
          field: name,
          kind: hostile.kind,
          path,
          expect: hostile.expect,
          text: () => inject(base, field, path, hostile),
        });
      }
    }
  }
  return cases;
}

const parsed = new Map<string, Document>();

function inject(base: Base, field: Field, path: readonly Seg[], hostile: Hostile): string {
  let original = parsed.get(base.text);
  if (!original) {
    original = parseDocument(base.text);
    parsed.set(base.text, original);
  }
  const doc = original.clone();
  if (field.branch) {
    const at = concrete(field.branch.at);
    const union = doc.getIn(at, true);
    if (!isMap(union) || (union.get(field.branch.discriminator) as unknown) !== field.branch.value) {
      doc.setIn(at, doc.createNode({ [field.branch.discriminator]: field.branch.value }));
    }
  }
  hostile.apply(doc, path);
  return doc.toString({ lineWidth: 0 });
}

// ---- deterministic sampling -----------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so that a case list is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` cases: every field keeps a share (round robin over fields, seeded order within each), so a smaller run
 * still attacks every field. Beyond the enumerated cases, pairs of hostile values at two fields of one document.
 */
export function selectCases(all: readonly WalkCase[], n: number, seed: number): WalkCase[] {
  const random = seeded(seed);
  const byField = new Map<string, WalkCase[]>();
  for (const c of all) {
    const key = `${c.doc}/${c.field}`;
    if (!byField.has(key)) byField.set(key, []);
    byField.get(key)!.push(c);
  }
  const queues = [...byField.values()].map((cs) => shuffle([...cs], random));
  const out: WalkCase[] = [];
  for (let round = 0; out.length < n && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (round < q.length && out.length < n) out.push(q[round]!);
  }
  // More than the enumeration: two hostile values in one document (a pair of fields of the same base).
  for (let i = 0; out.length < n; i++) {
    const a = all[Math.floor(random() * all.length)]!;
    const b = all[Math.floor(random() * all.length)]!;
    if (a.base !== b.base || isPrefix(a.path, b.path) || isPrefix(b.path, a.path)) continue;
    out.push(pair(a, b, i));
  }
  return out;
}

function pair(a: WalkCase, b: WalkCase, i: number): WalkCase {
  return {
    id: `${a.id}+${b.field}/${b.kind}#${i}`,
    doc: a.doc,
    base: a.base,
    field: `${a.field}+${b.field}`,
    kind: `${a.kind}+${b.kind}`,
    path: a.path,
    // b's value is carried over as plain data (its tags and aliases are not): only a's verdict is certain.
    expect: a.expect,
    text: () => combine(a.text(), b),
  };
}

/** b's hostile value (as plain data) written into the document a produced. */
function combine(text: string, b: WalkCase): string {
  const doc = parseDocument(text);
  const node = getAt(parseDocument(b.text()), b.path);
  try {
    if (node === undefined) doc.deleteIn(b.path);
    else setAt(doc, b.path, doc.createNode((node as Node).toJSON()));
  } catch {
    // a's change made b's parent a scalar: a alone stands.
  }
  return doc.toString({ lineWidth: 0 });
}

const isPrefix = (p: readonly Seg[], q: readonly Seg[]) => p.length <= q.length && p.every((s, i) => s === q[i]);

function setAt(doc: Document, path: readonly Seg[], value: unknown): void {
  if (path.length === 0) doc.contents = (value instanceof Scalar || isMap(value) || isSeq(value) ? value : doc.createNode(value)) as Document["contents"];
  else doc.setIn(path, value);
}

function getAt(doc: Document, path: readonly Seg[]): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
