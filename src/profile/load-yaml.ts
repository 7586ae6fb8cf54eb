import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Parser, visit, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { z } from "zod";
import { describeValue, formatPath, InputError, oneOf, quoteShort, type Problem } from "./problems.js";
import { readInputFile } from "./read-input.js";

/**
 * Parses YAML text and validates it with a zod schema. Every problem — YAML syntax, shape, cross-field
 * rules — is reported at once with `file:line:col`, as an {@link InputError}; the caller never sees a
 * zod or yaml type.
 */
/** A problem found after the schema passed (cross-file checks), located by its field path. */
export interface PathIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Deepest nesting of mappings and lists a document may have; every immich-iac document needs fewer than 10. */
export const MAX_NESTING = 64;
/** Most aliases (`*name`) a document may use, and how many nodes they may expand to. */
export const MAX_ALIASES = 32;
/** Most problems reported for one file; the rest are counted in a last line. */
export const MAX_PROBLEMS = 100;
/**
 * Most characters all aliases may expand to together (each alias counts the text of its anchored node, nested
 * aliases included): the parsed value stays within a small multiple of the file's size, however aliases nest.
 */
export const MAX_ALIAS_EXPANSION_CHARS = 1024 * 1024;
/**
 * The only tags a document may carry: the YAML 1.2 core schema's scalars, which change nothing a plain value
 * would not. Every other tag makes the parser build something else — `!!omap`, `!!set` and `!!pairs` a Map or
 * Set, which the schema then reads as an empty mapping full of defaults; `!!binary` bytes; `!foo` a string
 * of whatever follows. Collection tags (`!!map`, `!!seq`) are refused too: harmless, but nobody needs them,
 * and one rule ("no tags on mappings and lists") is easier to keep than a list of exceptions.
 */
const ALLOWED_TAGS: ReadonlySet<string> = new Set(["str", "int", "float", "bool", "null"].map((t) => `tag:yaml.org,2002:${t}`));

export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  /** Checks that need more than the document (other files, the machine); run only when the schema passed. */
  extraChecks?: (value: z.output<S>) => readonly PathIssue[],
  /** The document's `kind`: another kind gets one problem naming both, not one per field. */
  expectedKind?: string,
): z.output<S> {
  const lineCounter = new LineCounter();
  const at = (offset: number) => lineCounter.linePos(offset);
  const fail = (offset: number, path: string, message: string): never => {
    const pos = at(offset);
    throw new InputError([{ file, line: pos.line, col: pos.col, path, message }]);
  };

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false });
  } catch (e) {
    if (e instanceof RangeError) return fail(0, "(yaml)", `nesting too deep (expected at most ${MAX_NESTING} levels)`);
    throw e;
  }
  if (doc.errors.length > 0) {
    throw new InputError(
      capped(
        file,
        doc.errors.map((e) => {
          const pos = at(e.pos[0]);
          return { file, line: pos.line, col: pos.col, path: "(yaml)", message: firstLine(e.message) };
        }),
      ),
    );
  }
  checkShape(doc, fail);
  const tags = tagProblems(doc, text, file, at);
  if (tags.length > 0) throw new InputError(capped(file, tags));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (e instanceof RangeError) return fail(0, "(yaml)", `nesting too deep (expected at most ${MAX_NESTING} levels)`);
    if (e instanceof ReferenceError) return fail(firstAliasOffset(doc), "(yaml)", `aliases expand to too many nodes (expected at most ${MAX_ALIASES}: write the values out)`);
    throw e;
  }
  const locator = new Locator(doc.contents);
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (expectedKind !== undefined && !looksLikeOurs(data)) {
    // Not an immich-iac document (a key, a password file, someone's notes): one problem, nothing of its content.
    fail(
      rangeStart(doc.contents) ?? 0,
      "(document)",
      `not an immich-iac document (expected apiVersion: immich-iac/v1 and kind: ${expectedKind}, got ${describeValue(data)} without them)`,
    );
  }
  if (expectedKind !== undefined && typeof kind === "string" && kind !== expectedKind && KNOWN_KINDS[kind] !== undefined) {
    fail(locator.locate(["kind"], false), "kind", `this is a ${kind}, not a ${expectedKind} (expected kind: ${expectedKind}; ${KNOWN_KINDS[kind]})`);
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) {
    const extra = extraChecks?.(result.data) ?? [];
    if (extra.length === 0) return result.data;
    throw new InputError(
      capped(
        file,
        extra.map((i) => {
          const pos = at(locator.locate(i.path, false));
          return { file, line: pos.line, col: pos.col, path: formatPath(i.path), message: i.message };
        }),
      ),
    );
  }

  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const pos = at(locator.locate([...issue.path, key], true));
        const message =
          key === "<<"
            ? "YAML merge keys are not supported (expected the fields written out, got a merge key <<)"
            : `unknown field (expected one of the documented fields, got ${quoteShort(key)})`;
        problems.push({ file, line: pos.line, col: pos.col, path: formatPath([...issue.path, key]), message });
        if (problems.length > MAX_PROBLEMS) break;
      }
      continue;
    }
    const pos = at(locator.locate(issue.path, false));
    problems.push({ file, line: pos.line, col: pos.col, path: formatPath(issue.path), message: describeIssue(issue) });
  }
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  throw new InputError(capped(file, problems, result.error.issues.length));
}

/** At most {@link MAX_PROBLEMS}, then one line counting the rest. */
function capped(file: string, problems: Problem[], atLeast = problems.length): Problem[] {
  const total = Math.max(problems.length, atLeast);
  if (total <= MAX_PROBLEMS) return problems;
  const shown = problems.slice(0, MAX_PROBLEMS);
  const last = shown[shown.length - 1]!;
  return [...shown, { file, line: last.line, col: last.col, path: "(document)", message: `and more problems not shown (fix these ${MAX_PROBLEMS} first)` }];
}

/** Refuses nesting deeper than {@link MAX_NESTING}, unresolved aliases and too many aliases, before `toJS`. */
function checkShape(doc: Document.Parsed, fail: (offset: number, path: string, message: string) => never): void {
  const stack: Array<[unknown, number]> = [[doc.contents, 1]];
  const aliases: Array<{ offset: number; target: [number, number] }> = [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isAlias(node)) {
      const offset = rangeStart(node) ?? 0;
      if (aliases.length >= MAX_ALIASES) fail(offset, "(yaml)", `too many aliases (expected at most ${MAX_ALIASES})`);
      const target = node.resolve(doc);
      if (target === undefined) fail(offset, "(yaml)", `unresolved alias (expected an anchor &${node.source} before it)`);
      const [start, end] = target!.range ?? [0, 0];
      if (offset >= start && offset < end) {
        fail(offset, "(yaml)", `an alias inside its own anchor (expected *${node.source} after the value &${node.source} names, got a value that contains itself without end)`);
      }
      aliases.push({ offset, target: [start, end] });
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) fail(rangeStart(node) ?? 0, "(yaml)", `nesting too deep (expected at most ${MAX_NESTING} levels)`);
    // Duplicate keys are checked here with a set: the parser's own check compares every pair with every other.
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) fail(rangeStart(pair.key) ?? 0, "(yaml)", `duplicate key (expected each field once, got ${quoteShort(key)} again)`);
        seen.add(key);
      }
    }
    for (const item of node.items) {
      if (isPair(item) && item.key !== null && !isScalar(item.key)) {
        fail(rangeStart(item.key) ?? 0, "(yaml)", "a complex key (expected a plain field name, got a mapping or list as a key)");
      }
      if (isPair(item)) {
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  checkAliasExpansion(aliases, fail);
}

/**
 * Refuses aliases that together expand to more than {@link MAX_ALIAS_EXPANSION_CHARS}: each counts the text of
 * its anchored value plus what the aliases inside that value expand to (an anchor precedes its aliases, so in
 * offset order every inner alias is already counted). Few aliases, so the quadratic walk is cheap.
 */
function checkAliasExpansion(aliases: Array<{ offset: number; target: [number, number] }>, fail: (offset: number, path: string, message: string) => never): void {
  const sorted = [...aliases].sort((a, b) => a.offset - b.offset);
  const expanded: number[] = [];
  let total = 0;
  sorted.forEach((a, i) => {
    let size = a.target[1] - a.target[0];
    for (let j = 0; j < i; j++) if (sorted[j]!.offset >= a.target[0] && sorted[j]!.offset < a.target[1]) size += expanded[j]!;
    expanded.push(size);
    total += size;
    if (total > MAX_ALIAS_EXPANSION_CHARS) {
      fail(a.offset, "(yaml)", `aliases expand to too much text (expected at most ${MAX_ALIAS_EXPANSION_CHARS / (1024 * 1024)} MiB in all, got more at this alias: write the values out)`);
    }
  });
}

/**
 * Every node with a tag outside {@link ALLOWED_TAGS}, located at the tag itself. The composed node says what the
 * tag means (after any `%TAG` directive); the CST says where it was written: the last tag before the node.
 */
function tagProblems(doc: Document.Parsed, text: string, file: string, at: (offset: number) => { line: number; col: number }): Problem[] {
  const bad: Array<{ offset: number; tag: string }> = [];
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) bad.push({ offset: rangeStart(node) ?? 0, tag: node.tag });
    },
  });
  if (bad.length === 0) return [];
  const tagOffsets = cstTagOffsets(text);
  return bad.map(({ offset, tag }) => {
    const tagAt = lastBefore(tagOffsets, offset) ?? offset;
    const pos = at(tagAt);
    const written = quoteShort(text.slice(tagAt, tagAt + 64).split(/[\s,\[\]{}]/)[0] || shortTag(tag));
    return {
      file,
      line: pos.line,
      col: pos.col,
      path: "(yaml)",
      message: `a YAML tag is not allowed here (expected a plain value, or one of !!str, !!int, !!float, !!bool, !!null on a scalar; got ${written}, which makes the value something else than it reads)`,
    };
  });
}

function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

/** Offsets of every tag token in the text, ascending. An explicit stack: the CST may nest as deep as the text. */
function cstTagOffsets(text: string): number[] {
  const offsets: number[] = [];
  const stack: unknown[] = [...new Parser().parse(text)];
  while (stack.length > 0) {
    const t = stack.pop();
    if (Array.isArray(t)) {
      stack.push(...t);
    } else if (t !== null && typeof t === "object") {
      const token = t as { type?: unknown; offset?: unknown };
      if (token.type === "tag" && typeof token.offset === "number") offsets.push(token.offset);
      else for (const v of Object.values(t)) if (v !== null && typeof v === "object") stack.push(v);
    }
  }
  return offsets.sort((a, b) => a - b);
}

/** The largest value in an ascending list that is at most `limit`. */
function lastBefore(sorted: readonly number[], limit: number): number | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= limit) {
      found = sorted[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = rangeStart(node) ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Reads and validates a YAML file. */
export function loadYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  extraChecks?: (value: z.output<S>) => readonly PathIssue[],
  expectedKind?: string,
): z.output<S> {
  return parseYaml(readInputFile(file), file, schema, extraChecks, expectedKind);
}

/** A mapping that names our apiVersion or one of our kinds: worth a field-by-field report. */
function looksLikeOurs(data: unknown): boolean {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const d = data as { apiVersion?: unknown; kind?: unknown };
  return d.apiVersion === "immich-iac/v1" || (typeof d.kind === "string" && KNOWN_KINDS[d.kind] !== undefined);
}

/** What to do with a document of each kind when another was asked for. */
const KNOWN_KINDS: Readonly<Record<string, string>> = {
  HardwareProfile: "pass it as --profile, or name it in a deployment's spec.hardwareProfile",
  Deployment: "pass it as --deployment; its hardware profile is the file named in spec.hardwareProfile",
};

/**
 * Finds where a zod path points in the YAML tree; stops at the deepest node that exists (a missing key → its
 * parent). Each mapping's keys are indexed once, so locating n unknown keys stays linear.
 */
class Locator {
  private readonly index = new Map<unknown, Map<string, Pair>>();

  constructor(private readonly root: unknown) {}

  locate(path: readonly PropertyKey[], wantKey: boolean): number {
    let node: unknown = this.root;
    let offset = rangeStart(this.root) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = this.keysOf(node).get(String(seg));
        if (!pair) break;
        if (last && wantKey) return rangeStart(pair.key) ?? offset;
        // A key with no value (`name:`) points at the key itself.
        node = pair.value ?? pair.key;
        offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(item) ?? offset;
      } else break;
    }
    return offset;
  }

  private keysOf(map: YAMLMap): Map<string, Pair> {
    let keys = this.index.get(map);
    if (!keys) {
      keys = new Map();
      for (const p of map.items) {
        if (isPair(p) && isScalar(p.key) && !keys.has(String(p.key.value))) keys.set(String(p.key.value), p as Pair);
      }
      this.index.set(map, keys);
    }
    return keys;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

type ZodIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

/** `what is wrong (expected …, got …)` for each zod issue kind. */
export function describeIssue(issue: ZodIssue): string {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `required field is missing (expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got nothing)`;
      return `wrong type (expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${got})`;
    case "invalid_value":
      if (issue.values.length === 1) return `wrong value (expected ${oneOf(issue.values)}, got ${got})`;
      return `not an allowed value (expected ${oneOf(issue.values)}, got ${got})`;
    case "too_small": {
      const op = issue.inclusive === false ? ">" : "≥";
      if (issue.origin === "array") return `too few entries (expected at least ${String(issue.minimum)}, got ${got})`;
      if (issue.origin === "string") return `too short (expected at least ${String(issue.minimum)} characters, got ${got})`;
      return `too small (expected ${op} ${String(issue.minimum)}, got ${got})`;
    }
    case "too_big": {
      const op = issue.inclusive === false ? "<" : "≤";
      if (issue.origin === "array") return `too many entries (expected at most ${String(issue.maximum)}, got ${got})`;
      if (issue.origin === "string") return `too long (expected at most ${String(issue.maximum)} characters, got ${got})`;
      return `too big (expected ${op} ${String(issue.maximum)}, got ${got})`;
    }
    case "invalid_format":
      return `invalid format (${issue.message.startsWith("expected") ? issue.message : `expected ${issue.format}`}, got ${got})`;
    case "custom":
      return issue.message;
    default:
      return `${issue.message} (got ${got})`;
  }
}
