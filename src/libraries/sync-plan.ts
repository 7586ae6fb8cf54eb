import type { CreateLibraryDto, LibraryResponseDto, UpdateLibraryDto, UserAdminResponseDto } from "@immich/sdk";
import { RiskClass } from "../plan/upgrade-rules.js";
import { containerImportPaths, type ExternalLibrary } from "./external-libraries.js";

/**
 * What `libraries sync` does to Immich's libraries, decided from the deployment and what Immich answers, as
 * plain data: pure, so that every branch is tested without a server. Immich keeps import paths in its database,
 * not in its config file, hence an API call per change.
 */

/** A declared library with its owner's e-mail (Immich knows users by e-mail, from the OIDC login). */
export interface DesiredLibrary {
  readonly name: string;
  readonly ownerName: string;
  readonly ownerEmail: string;
  /** Container paths (/mnt/external/<name>/…). */
  readonly importPaths: readonly string[];
  /** undefined = not managed: whatever Immich has. */
  readonly exclusionPatterns?: readonly string[];
}

export type SyncAction =
  | { readonly kind: "create"; readonly name: string; readonly dto: CreateLibraryDto }
  | { readonly kind: "update"; readonly id: string; readonly name: string; readonly dto: UpdateLibraryDto; readonly offline: readonly string[] }
  | { readonly kind: "scan"; readonly name: string; readonly id?: string }
  | { readonly kind: "delete"; readonly id: string; readonly name: string; readonly assetCount: number };

export interface SyncPlan {
  readonly actions: readonly SyncAction[];
  /** Libraries in Immich the deployment does not declare, left as they are. */
  readonly untouched: readonly string[];
  /** Why nothing may be done (each one blocks the whole sync). */
  readonly problems: readonly string[];
  /** The worst of the actions and problems, in plan-report's order (exit code 0, 2, 3, 4). */
  readonly class: RiskClass;
}

export interface SyncOptions {
  /** Undeclared libraries to delete, by name, even with assets. @default [] */
  readonly deleteNames?: readonly string[];
  /** Scan every declared library, not only those created or changed. @default false */
  readonly scanAll?: boolean;
}

export function desiredLibraries(libraries: readonly ExternalLibrary[], users: readonly { name: string; email: string }[]): DesiredLibrary[] {
  return libraries.map((l) => ({
    name: l.name,
    ownerName: l.owner,
    ownerEmail: users.find((u) => u.name === l.owner)!.email,
    importPaths: containerImportPaths(l),
    ...(l.exclusionPatterns ? { exclusionPatterns: l.exclusionPatterns } : {}),
  }));
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

export function planLibrarySync(desired: readonly DesiredLibrary[], current: readonly LibraryResponseDto[], users: readonly UserAdminResponseDto[], opts: SyncOptions = {}): SyncPlan {
  const actions: SyncAction[] = [];
  const problems: string[] = [];
  let cls = RiskClass.NONE;
  const raise = (c: RiskClass) => (cls = Math.max(cls, c) as RiskClass);
  const byName = new Map<string, LibraryResponseDto[]>();
  for (const lib of current) byName.set(lib.name, [...(byName.get(lib.name) ?? []), lib]);
  const userById = new Map(users.map((u) => [u.id, u]));

  for (const want of desired) {
    const owner = users.find((u) => u.email.toLowerCase() === want.ownerEmail.toLowerCase() && u.deletedAt === null);
    const found = byName.get(want.name) ?? [];
    if (found.length > 1) {
      problems.push(`library ${want.name}: Immich has ${found.length} libraries of that name (expected one; rename or delete the others in Immich first)`);
      continue;
    }
    const have = found[0];
    if (!have) {
      if (!owner) {
        problems.push(`library ${want.name}: its owner ${want.ownerName} (${want.ownerEmail}) has no Immich account yet (expected them to have logged in once: Immich creates accounts at the first OIDC login)`);
        continue;
      }
      actions.push({
        kind: "create",
        name: want.name,
        dto: { name: want.name, ownerId: owner.id, importPaths: [...want.importPaths], ...(want.exclusionPatterns ? { exclusionPatterns: [...want.exclusionPatterns] } : {}) },
      });
      actions.push({ kind: "scan", name: want.name });
      raise(RiskClass.SAFE);
      continue;
    }
    if (!owner || have.ownerId !== owner.id) {
      const actual = userById.get(have.ownerId)?.email ?? have.ownerId;
      problems.push(
        `library ${want.name}: owned by ${actual} in Immich, the deployment says ${want.ownerEmail} (Immich cannot change a library's owner: rename the library in the deployment, or delete it with --delete ${want.name} after removing it from the deployment)`,
      );
      continue;
    }
    const dto: { importPaths?: string[]; exclusionPatterns?: string[] } = {};
    const offline: string[] = [];
    if (!sameSet(have.importPaths, want.importPaths)) {
      dto.importPaths = [...want.importPaths];
      offline.push(...have.importPaths.filter((p) => !want.importPaths.includes(p)).map((p) => `import path ${p} removed`));
    }
    if (want.exclusionPatterns && !sameSet(have.exclusionPatterns, want.exclusionPatterns)) {
      dto.exclusionPatterns = [...want.exclusionPatterns];
      offline.push(...want.exclusionPatterns.filter((p) => !have.exclusionPatterns.includes(p)).map((p) => `exclusion ${p} added`));
    }
    if (Object.keys(dto).length > 0) {
      actions.push({ kind: "update", id: have.id, name: want.name, dto, offline });
      actions.push({ kind: "scan", name: want.name, id: have.id });
      // Assets under a path no longer imported, or now excluded, go offline at the scan.
      raise(offline.length > 0 && have.assetCount > 0 ? RiskClass.MAINTENANCE : RiskClass.SAFE);
    } else if (opts.scanAll) {
      actions.push({ kind: "scan", name: want.name, id: have.id });
      raise(RiskClass.SAFE);
    }
  }

  const declared = new Set(desired.map((d) => d.name));
  for (const name of opts.deleteNames ?? []) {
    if (declared.has(name)) {
      problems.push(`--delete ${name}: the deployment declares that library (expected a library removed from spec.libraries.external first)`);
      continue;
    }
    const found = byName.get(name) ?? [];
    if (found.length !== 1) {
      problems.push(`--delete ${name}: Immich has ${found.length === 0 ? "no library" : `${found.length} libraries`} of that name (expected exactly one)`);
      continue;
    }
    actions.push({ kind: "delete", id: found[0]!.id, name, assetCount: found[0]!.assetCount });
    raise(found[0]!.assetCount > 0 ? RiskClass.MAINTENANCE : RiskClass.SAFE);
  }
  const untouched = [...byName.keys()].filter((n) => !declared.has(n) && !(opts.deleteNames ?? []).includes(n)).sort();
  if (problems.length > 0) return { actions: [], untouched, problems, class: RiskClass.BLOCKED };
  return { actions, untouched, problems, class: cls };
}

/** One line per action, as `--dry-run` and the run print them. */
export function describeAction(a: SyncAction): string {
  switch (a.kind) {
    case "create":
      return `create library ${a.name}: import ${(a.dto.importPaths ?? []).join(", ")}${a.dto.exclusionPatterns ? `, excluding ${a.dto.exclusionPatterns.join(", ")}` : ""}`;
    case "update": {
      const parts = [...(a.dto.importPaths ? [`import ${a.dto.importPaths.join(", ")}`] : []), ...(a.dto.exclusionPatterns ? [`exclude ${a.dto.exclusionPatterns.join(", ")}`] : [])];
      return `update library ${a.name}: ${parts.join("; ")}${a.offline.length ? ` (assets go offline: ${a.offline.join(", ")})` : ""}`;
    }
    case "scan":
      return `scan library ${a.name}`;
    case "delete":
      return `delete library ${a.name}${a.assetCount > 0 ? ` and its ${a.assetCount} assets from Immich (the files stay on disk)` : " (no assets)"}`;
  }
}
