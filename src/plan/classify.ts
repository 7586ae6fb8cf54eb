import { LABEL_COMPONENT, LABEL_DATA } from "../contract/labels.js";
import { AllowableRisk, RiskClass, type Finding } from "./upgrade-rules.js";
import type { ResourceChange } from "./plan-json.js";
import { describeValue, marked, obj, sameJson, shown, str, TooDeep, type Obj } from "./plan-values.js";
import { proxyAccessChange, wireguardPeerChange } from "./access-changes.js";

/** What a change means for the people using the photos. */
export enum ChangeKind {
  NO_OP = "no-op",
  CREATE = "create",
  UPDATE = "update-in-place",
  SERVICE_RECREATED = "service-recreated",
  SERVICE_REMOVED = "service-removed",
  NETWORK_RECREATED = "network-recreated",
  DATA_RISK = "data-risk",
  SECRET_ROTATED = "secret-rotated",
  HOST_CHANGE = "host-change",
  /** Who can reach the proxy changes: its published addresses, or WireGuard's peers (src/plan/access-changes.ts). */
  ACCESS_CHANGE = "access-change",
  OTHER_REPLACE = "replace",
  OTHER_DELETE = "delete",
}

export interface ClassifiedChange {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  readonly kind: ChangeKind;
  readonly class: RiskClass;
  /** The io.immich-iac.component label, when both sides of the change carry the same one. */
  readonly component?: string | undefined;
  /** The attributes that force a replacement (`replace_paths`), when Terraform says. */
  readonly cause?: string | undefined;
  readonly message: string;
  readonly allow?: AllowableRisk | undefined;
  /** Credentials the change replaces (`env NAME`, `file PATH` or an attribute marked sensitive), never their values. */
  readonly credentials?: readonly string[] | undefined;
}

const PGDATA = "/var/lib/postgresql/data";

/**
 * Every value a label has in a resource state, or `undefined` when the labels come in a shape the report
 * cannot read. The docker provider writes a set of `{label, value}` (a list in JSON); a map of label → value
 * is read as well. A label may appear more than once: all its values count.
 */
function labelValues(state: Obj | undefined, key: string): unknown[] | undefined {
  const labels = state?.labels;
  if (labels === undefined || labels === null) return [];
  if (Array.isArray(labels)) {
    const values: unknown[] = [];
    for (const l of labels) {
      const o = obj(l);
      if (!o || typeof o.label !== "string") return undefined;
      if (o.label === key) values.push(o.value);
    }
    return values;
  }
  const map = obj(labels);
  return map ? (Object.hasOwn(map, key) ? [map[key]] : []) : undefined;
}

/** The component label when both sides agree on one string; a relabelled or unreadable one is no component. */
function componentOf(before: Obj | undefined, after: Obj | undefined): string | undefined {
  const values = [before, after].filter((s) => s !== undefined).map((s) => labelValues(s, LABEL_COMPONENT));
  if (values.some((v) => v === undefined)) return undefined;
  const all = values.flat();
  const first = all[0];
  return typeof first === "string" && first.length > 0 && all.every((v) => v === first) ? first : undefined;
}

/** Volume names the stack gives user data (library, database, backups, archived WAL), whatever the label says. */
const USER_DATA_VOLUME_NAME = /-(library|database|backups|postgres-archive)$/;

/**
 * Why a volume's deletion is not known to be harmless, or `undefined` when it is: every side of the change
 * shows the label `io.immich-iac.data` with exactly the value "false" and a name the stack never gives user data.
 * Anything else (no state, no label, labels in another shape, another value, a user-data name) is user data.
 */
function userDataReason(before: Obj | undefined, after: Obj | undefined): string | undefined {
  const sides = [before, after].filter((s) => s !== undefined);
  if (sides.length === 0) return "the plan shows neither its old nor its new state";
  for (const side of sides) {
    const values = labelValues(side, LABEL_DATA);
    if (values === undefined) return `its labels are ${describeValue(side.labels)} the report cannot read`;
    if (values.length === 0) return `it has no ${LABEL_DATA} label`;
    if (values.some((v) => v !== "false")) return values.every((v) => v === "true") ? "" : `its ${LABEL_DATA} label is not "false"`;
    const name = side.name;
    if (name !== undefined && typeof name !== "string") return `its name is ${describeValue(name)}`;
    if (name !== undefined && USER_DATA_VOLUME_NAME.test(name)) return "its name is that of a user-data volume";
  }
  return undefined;
}

function pathText(paths: readonly (readonly (string | number)[])[] | undefined): string | undefined {
  if (!paths?.length) return undefined;
  return shown(paths.map((p) => p.map((s) => (typeof s === "number" ? `[${s}]` : s)).join(".").replace(/\.\[/g, "[")).join(", "));
}

/** The PGDATA mount of a container state: volume name or host path ("" when it names none). */
function pgdataSource(state: Obj | undefined): string | undefined {
  for (const key of ["volumes", "mounts"]) {
    const list = state?.[key];
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      const o = obj(m);
      if (o && (o.container_path === PGDATA || o.target === PGDATA)) return str(o.volume_name) ?? str(o.host_path) ?? str(o.source) ?? "";
    }
  }
  return undefined;
}

/** Where external libraries' folders appear in the Immich containers (src/libraries/external-libraries.ts). */
const EXTERNAL_MOUNT = /^\/mnt\/external\/([^/]+)$/;

/**
 * The external libraries' binds of a container state, container path → host folder: the `mounts` the stack
 * writes (target, source), and `volumes` host binds (container_path, host_path) in case one was made by hand.
 */
function externalMounts(state: Obj | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, target, source] of [["mounts", "target", "source"], ["volumes", "container_path", "host_path"]] as const) {
    const list = state?.[key];
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      const o = obj(m);
      const at = o ? str(o[target]) : undefined;
      if (o && at !== undefined && EXTERNAL_MOUNT.test(at)) found.set(at, str(o[source]) ?? "");
    }
  }
  return found;
}

/**
 * What a container's replacement or removal does to the external libraries it reads: a folder no longer mounted
 * (its assets go offline at Immich's next scan, until it comes back) or mounted from another host folder (what is
 * not at the same place there goes offline). Empty when no library loses or moves its folder.
 */
function librariesOffline(before: Obj | undefined, after: Obj | undefined, removed: boolean): string[] {
  const was = externalMounts(before);
  const will = removed ? new Map<string, string>() : externalMounts(after);
  const notes: string[] = [];
  for (const [target, source] of was) {
    const library = shown(EXTERNAL_MOUNT.exec(target)![1]!);
    const next = will.get(target);
    if (next === undefined) notes.push(`external library ${library} loses its folder ${shown(source)}: Immich marks its assets offline at the next scan (they come back with the folder)`);
    else if (next !== source) notes.push(`external library ${library} moves from ${shown(source)} to ${shown(next)}: assets not at the same place in the new folder go offline at the next scan`);
  }
  return notes;
}

/** Names that say a value is a credential, in an environment variable or an uploaded file's path. */
const CREDENTIAL_NAME = /pass(word|wd)?|secret|token|credential|private|(^|[_./-])key([_./-]|$)|key_id|api_?key/i;

/** An entry of a list attribute, with whether Terraform marks that very entry sensitive. */
interface Entry<T> {
  readonly value: T;
  readonly sensitive: boolean;
}

/**
 * Marks of a list's entries: a list of marks marks each entry; `true` marks the whole list (Terraform does
 * that to a set holding one sensitive value), which says nothing about any one entry.
 */
const entryMarked = (marks: unknown, i: number) => Array.isArray(marks) && marked(marks[i]);

/** `NAME=value` entries by name; undefined when the list is not one of strings. */
function envMap(v: unknown, marks: unknown): Map<string, Entry<string>> | undefined {
  if (v === undefined || v === null) return new Map();
  if (!Array.isArray(v)) return undefined;
  const m = new Map<string, Entry<string>>();
  for (const [i, e] of v.entries()) {
    if (typeof e !== "string") return undefined;
    const at = e.indexOf("=");
    m.set(at < 0 ? e : e.slice(0, at), { value: at < 0 ? "" : e.slice(at + 1), sensitive: entryMarked(marks, i) });
  }
  return m;
}

/** Uploaded files by path; undefined when the list is not one of mappings with a string `file`. */
function uploadMap(v: unknown, marks: unknown): Map<string, Entry<Obj>> | undefined {
  if (v === undefined || v === null) return new Map();
  if (!Array.isArray(v)) return undefined;
  const m = new Map<string, Entry<Obj>>();
  for (const [i, u] of v.entries()) {
    const o = obj(u);
    if (!o || typeof o.file !== "string") return undefined;
    m.set(o.file, { value: o, sensitive: entryMarked(marks, i) });
  }
  return m;
}

/**
 * The credentials a change replaces, named by variable, file or attribute, never by value: environment
 * variables and uploaded files that change and that Terraform marks sensitive one by one or whose name says
 * credential, and any other changed attribute marked sensitive. When Terraform marks a whole list (a set with
 * one sensitive entry is marked whole), names decide: else every retuned variable would read as a credential.
 * A value too deep to compare, or known only at apply, counts as changed.
 */
function credentialChanges(rc: ResourceChange, before: Obj | undefined, after: Obj | undefined): string[] {
  const change = rc.change as Obj;
  const bs = change.before_sensitive;
  const as = change.after_sensitive;
  const unknown = change.after_unknown;
  const sensitive = (k: string) => bs === true || as === true || marked(obj(bs)?.[k]) || marked(obj(as)?.[k]);
  const differs = (x: unknown, y: unknown) => {
    try {
      return !sameJson(x, y);
    } catch (e) {
      if (e instanceof TooDeep) return true;
      throw e;
    }
  };
  const names: string[] = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {}), ...Object.keys(obj(unknown) ?? {})]);
  for (const k of keys) {
    const willBeKnown = unknown !== true && !marked(obj(unknown)?.[k]);
    const changed = !willBeKnown || differs(before?.[k], after?.[k]);
    if (!changed) continue;
    const secret = sensitive(k);
    if (k === "env") {
      const b = envMap(before?.env, obj(bs)?.env);
      const a = envMap(after?.env, obj(as)?.env);
      if (b && a && willBeKnown) {
        const moved = [...new Set([...b.keys(), ...a.keys()])].filter(
          (n) => b.get(n)?.value !== a.get(n)?.value && (CREDENTIAL_NAME.test(n) || b.get(n)?.sensitive || a.get(n)?.sensitive),
        );
        names.push(...moved.map((n) => `env ${n}`));
        continue;
      }
    }
    if (k === "upload") {
      const b = uploadMap(before?.upload, obj(bs)?.upload);
      const a = uploadMap(after?.upload, obj(as)?.upload);
      if (b && a && willBeKnown) {
        const moved = [...new Set([...b.keys(), ...a.keys()])].filter(
          (f) => differs(b.get(f)?.value, a.get(f)?.value) && (CREDENTIAL_NAME.test(f) || b.get(f)?.sensitive || a.get(f)?.sensitive),
        );
        names.push(...moved.map((f) => `file ${f}`));
        continue;
      }
    }
    if (secret) names.push(k);
  }
  const MAX = 8;
  const list = names.slice(0, MAX).map(shown);
  return names.length > MAX ? [...list, `${names.length - MAX} more`] : list;
}

const SECRET_TYPES = new Set(["random_password", "random_string", "random_bytes", "tls_private_key"]);
const DATASET_TYPE = /zfs_(dataset|pool|filesystem|volume)|zfs/;

type Verdict = Pick<ClassifiedChange, "kind" | "class" | "message" | "allow">;

/** One resource change, classified. Pure; no knowledge of versions (see upgrade-rules). */
export function classifyChange(rc: ResourceChange): ClassifiedChange {
  const before = obj(rc.change.before);
  const after = obj(rc.change.after);
  const component = componentOf(before, after);
  const cause = pathText(rc.change.replace_paths);
  const v = verdict(rc, before, after, component, cause);
  const changes = rc.change.actions.some((a) => a !== "no-op" && a !== "read");
  const credentials = changes && v.class !== RiskClass.NONE ? credentialChanges(rc, before, after) : [];
  // A credential that changes is news to the operator whatever else the change means: never below maintenance.
  const credentialNote = credentials.length
    ? `; credentials change (${credentials.join(", ")}): ${component === "backup" ? "the backup must still open its repository and bucket with them (check: immich-iac backup run, then backup status)" : "whatever still holds the old ones stops working"}`
    : "";
  // One object shape for every change: a million of them stay small.
  return {
    address: rc.address,
    type: rc.type,
    actions: rc.change.actions,
    kind: v.kind,
    class: credentials.length && v.class < RiskClass.MAINTENANCE ? RiskClass.MAINTENANCE : v.class,
    component: component === undefined ? undefined : shown(component),
    cause,
    message: `${v.message}${credentialNote}`,
    allow: v.allow,
    credentials: credentials.length ? credentials : undefined,
  };
}

function verdict(rc: ResourceChange, before: Obj | undefined, after: Obj | undefined, component: string | undefined, cause: string | undefined): Verdict {
  const actions = rc.change.actions;
  const isDelete = actions.includes("delete");
  const isReplace = isDelete && actions.includes("create");
  const because = cause ? ` (forced by ${cause})` : "";
  const nameOf = (s: Obj | undefined) => (typeof s?.name === "string" ? shown(s.name) : undefined);
  const name = nameOf(before) ?? nameOf(after);

  // A data source is read, never changed; a plan that says otherwise is classified as if it were managed.
  if (actions.every((a) => a === "no-op" || a === "read")) return { kind: ChangeKind.NO_OP, class: RiskClass.NONE, message: "no change" };
  if (!isDelete) {
    if (actions.includes("forget")) return { kind: ChangeKind.OTHER_DELETE, class: RiskClass.MAINTENANCE, message: "removed from state, left running" };
    if (actions.includes("create")) return { kind: ChangeKind.CREATE, class: RiskClass.SAFE, message: "created" };
    return { kind: ChangeKind.UPDATE, class: RiskClass.SAFE, message: "updated in place, no restart" };
  }

  if (rc.type === "docker_volume") {
    const what = `volume ${name ?? rc.address}`;
    const gone = isReplace ? "recreated empty" : "deleted";
    const why = userDataReason(before, after);
    if (why !== undefined) {
      const unsure = why ? ` (treated as user data: ${why})` : "";
      return { kind: ChangeKind.DATA_RISK, class: RiskClass.BLOCKED, allow: AllowableRisk.DATA_LOSS, message: `${what} holds user data and would be ${gone}${unsure}${because}` };
    }
    return { kind: ChangeKind.DATA_RISK, class: RiskClass.MAINTENANCE, message: `${what} would be ${gone}; its content is regenerable${because}` };
  }
  if (DATASET_TYPE.test(rc.type)) {
    return { kind: ChangeKind.DATA_RISK, class: RiskClass.BLOCKED, allow: AllowableRisk.DATA_LOSS, message: `ZFS resource would be ${isReplace ? "recreated" : "destroyed"}${because}` };
  }
  if (rc.type === "docker_container" && isReplace && component === "proxy") {
    const access = proxyAccessChange(before, after);
    if (access) return { ...access, kind: ChangeKind.ACCESS_CHANGE };
  }
  if (rc.type === "docker_container") {
    const service = component ?? name ?? rc.address;
    const [pgBefore, pgAfter] = [pgdataSource(before), pgdataSource(after)];
    // Only PostgreSQL mounts PGDATA: checked whatever the container's labels say.
    if (isReplace && (pgBefore !== undefined || pgAfter !== undefined) && pgBefore !== pgAfter) {
      return {
        kind: ChangeKind.DATA_RISK,
        class: RiskClass.BLOCKED,
        allow: AllowableRisk.DATA_LOSS,
        message: `the database's data mount changes (${pgBefore === undefined ? "none" : shown(pgBefore)} → ${pgAfter === undefined ? "none" : shown(pgAfter)}): PostgreSQL would start on another, possibly empty, data directory`,
      };
    }
    // A library's folder unmounted or moved: its assets go offline in Immich, a change to plan for.
    const offline = librariesOffline(before, after, !isReplace);
    if (offline.length > 0) {
      return {
        kind: isReplace ? ChangeKind.SERVICE_RECREATED : ChangeKind.SERVICE_REMOVED,
        class: RiskClass.MAINTENANCE,
        message: `${service} ${isReplace ? "recreated: downtime while it restarts" : "removed"}; ${offline.join("; ")}${because}`,
      };
    }
    // Backups serve no user: a restart costs no downtime (WAL waits in the replication slot, the schedule resumes).
    if (isReplace && component === "backup") {
      return { kind: ChangeKind.OTHER_REPLACE, class: RiskClass.SAFE, message: `${name ?? service} recreated: no downtime; WAL waits in the replication slot meanwhile${because}` };
    }
    // An extra ML node: Immich's next URL (another node or the local container) serves while it is away.
    const nodeName = component === "machine-learning" && name ? /-machine-learning-([a-z0-9-]+)$/.exec(name)?.[1] : undefined;
    if (nodeName && isReplace) {
      return { kind: ChangeKind.SERVICE_RECREATED, class: RiskClass.MAINTENANCE, message: `${name} recreated: ML node ${nodeName} is down while it restarts; the next URL in machineLearning.urls serves meanwhile${because}` };
    }
    if (nodeName) return { kind: ChangeKind.SERVICE_REMOVED, class: RiskClass.MAINTENANCE, message: `${name} removed: ML requests go to the next URL in machineLearning.urls` };
    // Monitoring serves no user either: a restart leaves a gap in the metrics, nothing else.
    if (isReplace && component === "monitoring") {
      return { kind: ChangeKind.OTHER_REPLACE, class: RiskClass.SAFE, message: `${name ?? service} recreated: a gap in metrics and alerts while it restarts, no downtime${because}` };
    }
    if (isReplace) return { kind: ChangeKind.SERVICE_RECREATED, class: RiskClass.MAINTENANCE, message: `${service} recreated: downtime while it restarts${because}` };
    if (component === "backup") return { kind: ChangeKind.SERVICE_REMOVED, class: RiskClass.MAINTENANCE, message: `${name ?? service} removed: no new backups from it` };
    if (component === "monitoring") return { kind: ChangeKind.SERVICE_REMOVED, class: RiskClass.MAINTENANCE, message: `${name ?? service} removed: what it watched goes unwatched` };
    return { kind: ChangeKind.SERVICE_REMOVED, class: RiskClass.MAINTENANCE, message: `${service} removed` };
  }
  if (rc.type === "docker_network") {
    return { kind: ChangeKind.NETWORK_RECREATED, class: RiskClass.MAINTENANCE, message: `network ${name ?? rc.address} ${isReplace ? "recreated" : "removed"}: every container on it is recreated, the whole stack is down${because}` };
  }
  if (SECRET_TYPES.has(rc.type)) {
    if (/DatabasePassword/.test(rc.address)) {
      return {
        kind: ChangeKind.SECRET_ROTATED,
        class: RiskClass.BLOCKED,
        allow: AllowableRisk.SECRET_ROTATION,
        message: "the database password would change, but PostgreSQL keeps the one set at initdb: Immich would lose its database",
      };
    }
    return { kind: ChangeKind.SECRET_ROTATED, class: RiskClass.MAINTENANCE, message: `secret ${isReplace ? "rotated" : "deleted"}: sessions or tokens signed with it stop working` };
  }
  if (rc.type === "terraform_data" && /host_/.test(rc.address)) {
    const access = wireguardPeerChange(rc.address, before, after);
    if (access) return { ...access, kind: ChangeKind.ACCESS_CHANGE };
    const restarts = /docker-daemon/.test(rc.address);
    return {
      kind: ChangeKind.HOST_CHANGE,
      class: restarts ? RiskClass.MAINTENANCE : RiskClass.SAFE,
      message: restarts ? "Docker daemon settings re-applied: may restart dockerd (containers survive with live-restore)" : "host script runs again",
    };
  }
  if (rc.type === "docker_image" || rc.type === "terraform_data") {
    return { kind: ChangeKind.OTHER_REPLACE, class: RiskClass.SAFE, message: isReplace ? "replaced" : "deleted" };
  }
  return { kind: isReplace ? ChangeKind.OTHER_REPLACE : ChangeKind.OTHER_DELETE, class: RiskClass.MAINTENANCE, message: `${isReplace ? "replaced" : "deleted"}${because}` };
}

export type { Finding };
