/** One thing wrong with an input file, located as precisely as the input allows. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Dotted field path with list indexes, e.g. `spec.storage.pools[1].devices`. */
  readonly path: string;
  readonly message: string;
}

/** Thrown when an input file is invalid; carries every problem found, never just the first. */
export class InputError extends Error {
  public readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}

/** The contract format: `file:line:col: path: message`. */
export function formatProblem(p: Problem): string {
  return visible(`${p.file}:${p.line}:${p.col}: ${p.path}: ${p.message}`);
}

/**
 * Control characters, the line and paragraph separators (U+2028/9 end a line in editors and log viewers), and
 * the bidirectional overrides that reorder what a terminal shows, written as
 * `\u{…}`, so that a message can neither move the cursor nor fake another line in a log.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\n/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** Longest string quoted back in a message; anything longer, or on several lines, is described instead. */
export const MAX_QUOTED_CHARS = 64;

/** A found string for a message: quoted when short and on one line, else only its length (never its content). */
export function quoteShort(value: string): string {
  if (value.length > MAX_QUOTED_CHARS || /[\n\r]/.test(value)) return `a text of ${value.length} characters`;
  return JSON.stringify(value);
}

/** `["spec", "pools", 1, "devices"]` → `spec.pools[1].devices`; the empty path is the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      // A key is the author's text: long or odd ones are described, never echoed (they may be a file's content).
      const key = String(seg);
      const shown = key.length <= 40 && /^[A-Za-z0-9_.<@-]+$/.test(key) ? key : `<a key of ${key.length} characters>`;
      out += out === "" ? shown : `.${shown}`;
    }
  }
  return out === "" ? "(document)" : out;
}

/** A short, human description of a found value, for the `got …` part of a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return quoteShort(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value).slice(0, MAX_QUOTED_CHARS);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

/** `["a", "b", "c"]` → `"a", "b" or "c"`. */
export function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}
