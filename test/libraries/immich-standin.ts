import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import type { LibraryResponseDto, UserAdminResponseDto } from "@immich/sdk";

/**
 * A stand-in for the few endpoints of Immich's server that `libraries sync` calls, because Immich's image cannot
 * run here (no registry). What it proves: every request our client sends has the method, path, API-key header
 * and body shape of @immich/sdk 3.2.2's published types (CreateLibraryDto, UpdateLibraryDto: each body is
 * validated against a JSON Schema generated from the SDK's own .d.ts, unknown fields refused), ids are UUIDs,
 * and the client reacts correctly to what the real server answers (401 without a valid key, 400 for a body the
 * types refuse, 404 for an unknown id). Every answer it sends is itself validated against LibraryResponseDto /
 * UserAdminResponseDto, so the client reads only fields the real type has.
 *
 * For `import`, the endpoints @immich/cli 3.2.2 calls are here too (users/me, api-keys/me, server/media-types,
 * assets/bulk-upload-check, assets): bodies validated against AssetBulkUploadCheckDto and the multipart fields of
 * AssetMediaCreateDto, answers against their response types; duplicates are decided by the file's SHA-1, as
 * Immich does. It stores nothing but the checksum: no thumbnails, metadata or jobs.
 *
 * What it cannot prove: Immich's indexing. It does not read the folders, scan or count assets (assetCount is
 * what the test seeds), does not check import paths exist in the container, and does not apply Immich's
 * permission model beyond "this key is an admin's". Refusing unknown body fields is stricter than Immich's
 * validation pipe may be. The real-apply suite with Immich's image is where scanning is proven.
 */

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

type Schemas = Record<"create" | "update" | "library" | "user" | "bulkCheck" | "bulkCheckAnswer" | "media" | "mediaTypes" | "apiKey", ValidateFunction>;
let schemas: Schemas | undefined;

/** Validators of the SDK's published types, generated from its fetch-client.d.ts (once per process). */
function sdkSchemas() {
  if (schemas) return schemas;
  const path = join(dirname(createRequire(import.meta.url).resolve("@immich/sdk")), "fetch-client.d.ts");
  const generator = createGenerator({ path, skipTypeCheck: true, expose: "export", topRef: false, additionalProperties: false });
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const compile = (type: string) => ajv.compile(generator.createSchema(type));
  schemas = {
    create: compile("CreateLibraryDto"),
    update: compile("UpdateLibraryDto"),
    library: compile("LibraryResponseDto"),
    user: compile("UserAdminResponseDto"),
    bulkCheck: compile("AssetBulkUploadCheckDto"),
    bulkCheckAnswer: compile("AssetBulkUploadCheckResponseDto"),
    media: compile("AssetMediaResponseDto"),
    mediaTypes: compile("ServerMediaTypesResponseDto"),
    apiKey: compile("ApiKeyResponseDto"),
  };
  return schemas;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A user as Immich's admin API returns one (every field of UserAdminResponseDto). */
export function standinUser(email: string, name: string, isAdmin = false): UserAdminResponseDto {
  const now = "2026-12-01T10:00:00.000Z";
  return {
    avatarColor: "primary" as UserAdminResponseDto["avatarColor"],
    clusterGroupId: randomUUID(),
    createdAt: now,
    deletedAt: null,
    email,
    id: randomUUID(),
    isAdmin,
    license: null,
    name,
    oauthId: `oidc-${name}`,
    profileChangedAt: now,
    profileImagePath: "",
    quotaSizeInBytes: null,
    quotaUsageInBytes: null,
    shouldChangePassword: false,
    status: "active" as UserAdminResponseDto["status"],
    storageLabel: null,
    updatedAt: now,
  };
}

export class ImmichStandin {
  readonly requests: RecordedRequest[] = [];
  readonly libraries = new Map<string, LibraryResponseDto>();
  readonly scans: string[] = [];
  /** Stored assets by SHA-1 (hex): what an upload created. */
  readonly assets = new Map<string, { id: string; filename: string }>();
  /** Every upload request's checksum, in order: a file sent twice shows up twice. */
  readonly uploads: string[] = [];
  private server?: Server;
  url = "";

  constructor(
    readonly apiKey: string,
    readonly users: UserAdminResponseDto[],
  ) {
    const s = sdkSchemas();
    for (const u of users) if (!s.user(u)) throw new Error(`stand-in: seeded user is no UserAdminResponseDto: ${JSON.stringify(s.user.errors)}`);
  }

  /** A library as if Immich had it already (assetCount as the test says: the stand-in indexes nothing). */
  seedLibrary(lib: Pick<LibraryResponseDto, "name" | "ownerId" | "importPaths" | "exclusionPatterns" | "assetCount">): LibraryResponseDto {
    const now = new Date().toISOString();
    const full: LibraryResponseDto = { ...lib, id: randomUUID(), createdAt: now, updatedAt: now, refreshedAt: null };
    this.libraries.set(full.id, full);
    return full;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(0, "127.0.0.1", ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** Requests that change something (everything but GET). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET");
  }

  private send(res: ServerResponse, status: number, body?: unknown): void {
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
  }

  /** Sends an answer after checking it is of the SDK's response type. */
  private answer(res: ServerResponse, status: number, v: ValidateFunction, body: unknown): void {
    if (!v(body)) throw new Error(`stand-in: its own answer is not of the SDK's type: ${JSON.stringify(v.errors)}`);
    this.send(res, status, body);
  }

  /**
   * POST /api/assets, multipart as AssetMediaCreateDto: assetData a file, fileCreatedAt and fileModifiedAt ISO
   * dates (required), isFavorite a boolean. Other fields are ignored, as Immich's validation pipe strips them
   * (the CLI sends fileSize, which the DTO does not have). The file's SHA-1 decides created or duplicate.
   */
  private async upload(req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    let form: FormData;
    try {
      form = await new Request("http://standin/api/assets", { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "" }, body: raw }).formData();
    } catch {
      return this.send(res, 400, { message: "expected multipart/form-data", statusCode: 400 });
    }
    const file = form.get("assetData");
    const iso = (k: string) => {
      const v = form.get(k);
      return typeof v === "string" && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v);
    };
    const fav = form.get("isFavorite");
    if (!(file instanceof File) || !iso("fileCreatedAt") || !iso("fileModifiedAt") || (fav !== null && fav !== "true" && fav !== "false")) {
      return this.send(res, 400, { message: ["assetData, fileCreatedAt and fileModifiedAt are required"], statusCode: 400 });
    }
    const { createHash } = await import("node:crypto");
    const sha1 = createHash("sha1").update(Buffer.from(await file.arrayBuffer())).digest("hex");
    this.uploads.push(sha1);
    const have = this.assets.get(sha1);
    if (have) return this.answer(res, 200, sdkSchemas().media, { id: have.id, status: "duplicate" });
    const id = randomUUID();
    this.assets.set(sha1, { id, filename: file.name });
    return this.answer(res, 201, sdkSchemas().media, { id, status: "created" });
  }

  private library(res: ServerResponse, status: number, lib: LibraryResponseDto): void {
    const s = sdkSchemas();
    if (!s.library(lib)) throw new Error(`stand-in: its own answer is no LibraryResponseDto: ${JSON.stringify(s.library.errors)}`);
    this.send(res, status, lib);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const text = /^multipart\//.test(req.headers["content-type"] ?? "") ? "" : raw.toString("utf8");
    const url = new URL(req.url ?? "/", "http://standin");
    let body: unknown = undefined;
    if (text) {
      if (!/^application\/json/.test(req.headers["content-type"] ?? "")) return this.send(res, 400, { message: "expected application/json", statusCode: 400 });
      try {
        body = JSON.parse(text);
      } catch {
        return this.send(res, 400, { message: "Unexpected token in JSON", statusCode: 400 });
      }
    }
    const method = req.method ?? "GET";
    this.requests.push({ method, path: url.pathname + url.search, body });
    if (req.headers["x-api-key"] !== this.apiKey) return this.send(res, 401, { message: "Invalid API key", error: "Unauthorized", statusCode: 401 });
    const s = sdkSchemas();
    const invalid = (v: ValidateFunction) => this.send(res, 400, { message: (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`), error: "Bad Request", statusCode: 400 });
    const m = /^\/api\/libraries\/([^/]+)(\/scan)?$/.exec(url.pathname);

    if (method === "GET" && url.pathname === "/api/admin/users") return this.send(res, 200, this.users);
    if (method === "GET" && url.pathname === "/api/users/me") return this.answer(res, 200, s.user, this.users[0]);
    if (method === "GET" && url.pathname === "/api/api-keys/me") {
      const now = "2026-12-01T10:00:00.000Z";
      return this.answer(res, 200, s.apiKey, { id: randomUUID(), name: "import", createdAt: now, updatedAt: now, permissions: ["all"] });
    }
    if (method === "GET" && url.pathname === "/api/server/media-types") return this.answer(res, 200, s.mediaTypes, { image: [".jpg", ".jpeg", ".png", ".heic"], video: [".mp4", ".mov"], sidecar: [".xmp"] });
    if (method === "POST" && url.pathname === "/api/assets/bulk-upload-check") {
      if (!s.bulkCheck(body)) return invalid(s.bulkCheck);
      const results = (body as { assets: { id: string; checksum: string }[] }).assets.map((a) => {
        const have = this.assets.get(a.checksum.toLowerCase());
        return have ? { id: a.id, action: "reject", reason: "duplicate", assetId: have.id, isTrashed: false } : { id: a.id, action: "accept" };
      });
      return this.answer(res, 200, s.bulkCheckAnswer, { results });
    }
    if (method === "POST" && url.pathname === "/api/assets") return this.upload(req, raw, res);
    if (method === "GET" && url.pathname === "/api/libraries") return this.send(res, 200, [...this.libraries.values()]);
    if (method === "POST" && url.pathname === "/api/libraries") {
      if (!s.create(body)) return invalid(s.create);
      const dto = body as { ownerId: string; name?: string; importPaths?: string[]; exclusionPatterns?: string[] };
      if (!UUID.test(dto.ownerId) || !this.users.some((u) => u.id === dto.ownerId)) return this.send(res, 400, { message: "Owner not found", statusCode: 400 });
      const lib = this.seedLibrary({ name: dto.name ?? "New External Library", ownerId: dto.ownerId, importPaths: dto.importPaths ?? [], exclusionPatterns: dto.exclusionPatterns ?? [], assetCount: 0 });
      return this.library(res, 201, lib);
    }
    if (m) {
      const lib = UUID.test(m[1]!) ? this.libraries.get(m[1]!) : undefined;
      if (!UUID.test(m[1]!)) return this.send(res, 400, { message: ["id must be a UUID"], statusCode: 400 });
      if (!lib) return this.send(res, 404, { message: "Library not found", statusCode: 404 });
      if (method === "POST" && m[2]) {
        if (text) return this.send(res, 400, { message: "scan takes no body", statusCode: 400 });
        this.scans.push(lib.name);
        return this.send(res, 204);
      }
      if (method === "PUT" && !m[2]) {
        if (!s.update(body)) return invalid(s.update);
        const updated = { ...lib, ...(body as object), updatedAt: new Date().toISOString() };
        this.libraries.set(lib.id, updated);
        return this.library(res, 200, updated);
      }
      if (method === "DELETE" && !m[2]) {
        this.libraries.delete(lib.id);
        return this.send(res, 204);
      }
      if (method === "GET" && !m[2]) return this.library(res, 200, lib);
    }
    return this.send(res, 404, { message: `Cannot ${method} ${url.pathname}`, statusCode: 404 });
  }
}
