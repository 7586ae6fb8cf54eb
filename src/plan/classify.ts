import { LABEL_COMPONENT, LABEL_DATA } from "../contract/labels.js";
import { AllowableRisk, RiskClass, type Finding } from "./upgrade-rules.js";
import type { ResourceChange } from "./plan-json.js";

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
  OTHER_REPLACE = "replace",
  OTHER_DELETE = "delete",
}

export interface ClassifiedChange {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  readonly kind: ChangeKind;
  readonly class: RiskClass;
  /** The io.immich-iac.component label, when the resource has one. */
  readonly component?: string;
  /** The attributes that force a replacement (`replace_paths`), when Terraform says. */
  readonly cause?: string;
  readonly message: string;
  readonly allow?: AllowableRisk;
}

const PGDATA = "/var/lib/postgresql/data";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);

/** Labels as the docker provider stores them: a list of {label, value}. */
function label(state: Obj | undefined, key: string): string | undefined {
  const labels = state?.labels;
  if (!Array.isArray(labels)) return undefined;
  const hit = labels.find((l) => obj(l)?.label === key);
  return hit ? String(obj(hit)!.value) : undefined;
}

function pathText(paths: readonly (readonly (string | number)[])[] | undefined): string | undefined {
  if (!paths?.length) return undefined;
  return paths.map((p) => p.map((s) => (typeof s === "number" ? `[${s}]` : s)).join(".").replace(/\.\[/g, "[")).join(", ");
}

/** The PGDATA mount of a database container state: volume name or host path. */
function pgdataSource(state: Obj | undefined): string | undefined {
  for (const key of ["volumes", "mounts"]) {
    const list = state?.[key];
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      const o = obj(m);
      if (o && (o.container_path === PGDATA || o.target === PGDATA)) return String(o.volume_name ?? o.host_path ?? o.source ?? "");
    }
  }
  return undefined;
}

const SECRET_TYPES = new Set(["random_password", "random_string", "random_bytes", "tls_private_key"]);
const DATASET_TYPE = /zfs_(dataset|pool|filesystem|volume)|zfs/;

/** One resource change, classified. Pure; no knowledge of versions (see upgrade-rules). */
export function classifyChange(rc: ResourceChange): ClassifiedChange {
  const actions = rc.change.actions;
  const before = obj(rc.change.before);
  const after = obj(rc.change.after);
  const component = label(before, LABEL_COMPONENT) ?? label(after, LABEL_COMPONENT);
  const cause = pathText(rc.change.replace_paths);
  const isDelete = actions.includes("delete");
  const isReplace = isDelete && actions.includes("create");
  const base = { address: rc.address, type: rc.type, actions, ...(component ? { component } : {}), ...(cause ? { cause } : {}) };
  const because = cause ? ` (forced by ${cause})` : "";

  if (rc.mode === "data" || actions.every((a) => a === "no-op" || a === "read")) {
    return { ...base, kind: ChangeKind.NO_OP, class: RiskClass.NONE, message: "no change" };
  }
  if (actions.includes("forget")) return { ...base, kind: ChangeKind.OTHER_DELETE, class: RiskClass.MAINTENANCE, message: "removed from state, left running" };
  if (!isDelete) {
    if (actions.includes("create")) return { ...base, kind: ChangeKind.CREATE, class: RiskClass.SAFE, message: "created" };
    return { ...base, kind: ChangeKind.UPDATE, class: RiskClass.SAFE, message: "updated in place, no restart" };
  }

  if (rc.type === "docker_volume") {
    const isData = (label(before, LABEL_DATA) ?? label(after, LABEL_DATA)) === "true";
    const what = `volume ${String(before?.name ?? rc.address)}`;
    if (isData) {
      return { ...base, kind: ChangeKind.DATA_RISK, class: RiskClass.BLOCKED, allow: AllowableRisk.DATA_LOSS, message: `${what} holds user data and would be ${isReplace ? "recreated empty" : "deleted"}${because}` };
    }
    return { ...base, kind: ChangeKind.DATA_RISK, class: RiskClass.MAINTENANCE, message: `${what} would be ${isReplace ? "recreated empty" : "deleted"}; its content is regenerable${because}` };
  }
  if (DATASET_TYPE.test(rc.type)) {
    return { ...base, kind: ChangeKind.DATA_RISK, class: RiskClass.BLOCKED, allow: AllowableRisk.DATA_LOSS, message: `ZFS resource would be ${isReplace ? "recreated" : "destroyed"}${because}` };
  }
  if (rc.type === "docker_container") {
    const service = component ?? String(before?.name ?? rc.address);
    if (component === "database" && isReplace && pgdataSource(before) !== pgdataSource(after)) {
      return {
        ...base,
        kind: ChangeKind.DATA_RISK,
        class: RiskClass.BLOCKED,
        allow: AllowableRisk.DATA_LOSS,
        message: `the database's data mount changes (${pgdataSource(before) ?? "none"} → ${pgdataSource(after) ?? "none"}): PostgreSQL would start on another, possibly empty, data directory`,
      };
    }
    // Backups serve no user: a restart costs no downtime (WAL waits in the replication slot, the schedule resumes).
    if (isReplace && component === "backup") {
      return { ...base, kind: ChangeKind.OTHER_REPLACE, class: RiskClass.SAFE, message: `${String(before?.name ?? service)} recreated: no downtime; WAL waits in the replication slot meanwhile${because}` };
    }
    // An extra ML node: Immich's next URL (another node or the local container) serves while it is away.
    const nodeName = component === "machine-learning" ? /-machine-learning-([a-z0-9-]+)$/.exec(String(before?.name ?? after?.name ?? ""))?.[1] : undefined;
    if (nodeName && isReplace) {
      return { ...base, kind: ChangeKind.SERVICE_RECREATED, class: RiskClass.MAINTENANCE, message: `${String(before?.name)} recreated: ML node ${nodeName} is down while it restarts; the next URL in machineLearning.urls serves meanwhile${because}` };
    }
    if (nodeName) return { ...base, kind: ChangeKind.SERVICE_REMOVED, class: RiskClass.MAINTENANCE, message: `${String(before?.name)} removed: ML requests go to the next URL in machineLearning.urls` };
    // Monitoring serves no user either: a restart leaves a gap in the metrics, nothing else.
    if (isReplace && component === "monitoring") {
      return { ...base, kind: ChangeKind.OTHER_REPLACE, class: RiskClass.SAFE, message: `${String(before?.name ?? service)} recreated: a gap in metrics and alerts while it restarts, no downtime${because}` };
    }
    if (isReplace) return { ...base, kind: ChangeKind.SERVICE_RECREATED, class: RiskClass.MAINTENANCE, message: `${service} recreated: downtime while it restarts${because}` };
    if (component === "backup") return { ...base, kind: ChangeKind.SERVICE_REMOVED, class: RiskClass.MAINTENANCE, message: `${String(before?.name ?? service)} removed: no new backups from it` };
    if (component === "monitoring") return { ...base, kind: ChangeKind.SERVICE_REMOVED, class: RiskClass.MAINTENANCE, message: `${String(before?.name ?? service)} removed: what it watched goes unwatched` };
    return { ...base, kind: ChangeKind.SERVICE_REMOVED, class: RiskClass.MAINTENANCE, message: `${service} removed` };
  }
  if (rc.type === "docker_network") {
    return { ...base, kind: ChangeKind.NETWORK_RECREATED, class: RiskClass.MAINTENANCE, message: `network ${String(before?.name ?? rc.address)} ${isReplace ? "recreated" : "removed"}: every container on it is recreated, the whole stack is down${because}` };
  }
  if (SECRET_TYPES.has(rc.type)) {
    if (/DatabasePassword/.test(rc.address)) {
      return {
        ...base,
        kind: ChangeKind.SECRET_ROTATED,
        class: RiskClass.BLOCKED,
        allow: AllowableRisk.SECRET_ROTATION,
        message: "the database password would change, but PostgreSQL keeps the one set at initdb: Immich would lose its database",
      };
    }
    return { ...base, kind: ChangeKind.SECRET_ROTATED, class: RiskClass.MAINTENANCE, message: `secret ${isReplace ? "rotated" : "deleted"}: sessions or tokens signed with it stop working` };
  }
  if (rc.type === "terraform_data" && /host_/.test(rc.address)) {
    const restarts = /docker-daemon/.test(rc.address);
    return {
      ...base,
      kind: ChangeKind.HOST_CHANGE,
      class: restarts ? RiskClass.MAINTENANCE : RiskClass.SAFE,
      message: restarts ? "Docker daemon settings re-applied: may restart dockerd (containers survive with live-restore)" : "host script runs again",
    };
  }
  if (rc.type === "docker_image" || rc.type === "terraform_data") {
    return { ...base, kind: ChangeKind.OTHER_REPLACE, class: RiskClass.SAFE, message: isReplace ? "replaced" : "deleted" };
  }
  return { ...base, kind: isReplace ? ChangeKind.OTHER_REPLACE : ChangeKind.OTHER_DELETE, class: RiskClass.MAINTENANCE, message: `${isReplace ? "replaced" : "deleted"}${because}` };
}

export type { Finding };
