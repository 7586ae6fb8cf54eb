import { readFileSync } from "node:fs";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";
import { describeValue, formatPath, InputError, oneOf, type Problem } from "./problems.js";

/** Where a zod issue points inside the YAML text. */
interface Located {
  readonly offset: number;
}

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

export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  /** Checks that need more than the document (other files, the machine); run only when the schema passed. */
  extraChecks?: (value: z.output<S>) => readonly PathIssue[],
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);

  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const pos = at(e.pos[0]);
        return { file, line: pos.line, col: pos.col, path: "(yaml)", message: firstLine(e.message) };
      }),
    );
  }

  const data: unknown = doc.toJS();
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) {
    const extra = extraChecks?.(result.data) ?? [];
    if (extra.length === 0) return result.data;
    throw new InputError(
      extra.map((i) => {
        const pos = at(locate(doc.contents, i.path, false).offset);
        return { file, line: pos.line, col: pos.col, path: formatPath(i.path), message: i.message };
      }),
    );
  }

  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const loc = locate(doc.contents, [...issue.path, key], true);
        const pos = at(loc.offset);
        problems.push({
          file,
          line: pos.line,
          col: pos.col,
          path: formatPath([...issue.path, key]),
          message: `unknown field (expected one of the documented fields, got "${key}")`,
        });
      }
      continue;
    }
    const pos = at(locate(doc.contents, issue.path, false).offset);
    problems.push({ file, line: pos.line, col: pos.col, path: formatPath(issue.path), message: describeIssue(issue) });
  }
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  throw new InputError(problems);
}

/** Reads an input file; a missing or unreadable file is a located problem, not a stack trace. */
export function readInputFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (e as Error).message;
    throw new InputError([{ file, line: 1, col: 1, path: "(file)", message: reason }]);
  }
}

/** Reads and validates a YAML file. */
export function loadYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  extraChecks?: (value: z.output<S>) => readonly PathIssue[],
): z.output<S> {
  return parseYaml(readInputFile(file), file, schema, extraChecks);
}

/** Walks the YAML tree along a zod path; stops at the deepest node that exists (a missing key → its parent). */
function locate(root: unknown, path: readonly PropertyKey[], wantKey: boolean): Located {
  let node: unknown = root;
  let offset = rangeStart(root) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (last && wantKey) return { offset: rangeStart(pair.key) ?? offset };
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
  return { offset };
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
