/**
 * Reading values out of a plan without trusting their shape: a plan file is input like any other. Nothing
 * here calls a method of a value from the plan (a label value `{"toString": 1}` must not throw), recursion
 * is bounded by depth, and long text is described by its length instead of copied into the report.
 */
export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Longest plan-supplied text (a name, a tag, an attribute) shown in a report line. */
export const MAX_SHOWN_CHARS = 200;

/** Plan-supplied text for a report line: as it is when short, else its start and its length. */
export function shown(text: string): string {
  return text.length <= MAX_SHOWN_CHARS ? text : `${text.slice(0, 40)}… (${text.length} characters)`;
}

/** What a value is, for a message that must not quote it. */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return `a text of ${v.length} characters`;
  if (Array.isArray(v)) return `a list of ${v.length} items`;
  if (v === null || v === undefined) return "nothing";
  return typeof v === "object" ? "a mapping" : `a ${typeof v}`;
}

/** Deeper than any attribute of a real plan (a container's nested blocks are a handful of levels). */
export const MAX_COMPARED_DEPTH = 100;

/** Thrown by the walkers below when a value nests deeper than {@link MAX_COMPARED_DEPTH}. */
export class TooDeep extends Error {
  constructor() {
    super(`nested deeper than ${MAX_COMPARED_DEPTH} levels`);
  }
}

/** Deep equality of JSON values, depth-bounded ({@link TooDeep}); strings are compared, never copied. */
export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_COMPARED_DEPTH) throw new TooDeep();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], depth + 1)) return false;
    return true;
  }
  const oa = obj(a);
  const ob = obj(b);
  if (!oa || !ob) return false;
  const ka = Object.keys(oa);
  if (ka.length !== Object.keys(ob).length) return false;
  for (const k of ka) if (!Object.hasOwn(ob, k) || !sameJson(oa[k], ob[k], depth + 1)) return false;
  return true;
}

/**
 * Whether a `before_sensitive` / `after_sensitive` / `after_unknown` mirror marks anything below it `true`.
 * A mirror nested too deep to read counts as marked: the report assumes the worst.
 */
export function marked(mirror: unknown, depth = 0): boolean {
  if (mirror === true) return true;
  if (mirror === null || typeof mirror !== "object") return false;
  if (depth > MAX_COMPARED_DEPTH) return true;
  for (const v of Array.isArray(mirror) ? mirror : Object.values(mirror)) if (marked(v, depth + 1)) return true;
  return false;
}
