import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { librariesSyncCommand, type LibrariesSyncOptions } from "../../src/cli/commands/libraries.js";
import { planLibrarySync } from "../../src/libraries/sync-plan.js";
import { RiskClass } from "../../src/plan/upgrade-rules.js";
import { ImmichStandin, standinUser } from "./immich-standin.js";
import { libraryDeployment, writeDeployment } from "./library-util.js";

const KEY = "k3yOfTheAdmin_0123456789abcdefABCDEF";
const FAMILY = { name: "family", hostPath: "/mnt/nas/family", owner: "alice" };
const SCANS = { name: "scans", hostPath: "/media/old-disk/scans", owner: "bob", importPaths: ["1998", "letters"], exclusionPatterns: ["**/@eaDir/**"] };

let immich: ImmichStandin;
const alice = standinUser("alice@example.com", "Alice", true);
const bob = standinUser("bob@example.com", "Bob");

beforeEach(async () => {
  immich = new ImmichStandin(KEY, [alice, bob]);
  await immich.start();
});
afterEach(async () => immich.stop());

async function sync(libraries: unknown[], opts: Partial<LibrariesSyncOptions> = {}, env: Record<string, string | undefined> = { IMMICH_API_KEY: KEY }) {
  let out = "";
  let err = "";
  const code = await librariesSyncCommand({ deployment: writeDeployment(libraryDeployment(libraries)), url: immich.url, ...opts }, { out: (t) => (out += t), err: (t) => (err += t) }, env);
  return { code, out, err };
}

const names = () => [...immich.libraries.values()].map((l) => l.name).sort();

describe("libraries sync against an Immich stand-in (requests checked against @immich/sdk's types)", () => {
  it("creates the missing libraries with their owners and container import paths, and scans them (exit 2)", async () => {
    const r = await sync([FAMILY, SCANS]);
    expect(r.err).toBe("");
    expect(r.code).toBe(2);
    expect(immich.writes().filter((w) => w.path === "/api/libraries").map((w) => w.body)).toEqual([
      { name: "family", ownerId: alice.id, importPaths: ["/mnt/external/family"] },
      { name: "scans", ownerId: bob.id, importPaths: ["/mnt/external/scans/1998", "/mnt/external/scans/letters"], exclusionPatterns: ["**/@eaDir/**"] },
    ]);
    expect(immich.scans).toEqual(["family", "scans"]);
    expect(r.out).toContain("did: create library family: import /mnt/external/family\n");
  });

  it("a second sync changes nothing (exit 0)", async () => {
    await sync([FAMILY, SCANS]);
    const before = immich.requests.length;
    const r = await sync([FAMILY, SCANS]);
    expect(r.code).toBe(0);
    expect(immich.requests.slice(before).every((q) => q.method === "GET")).toBe(true);
    expect(r.out).toBe("libraries in sync: nothing to do\n");
  });

  it("--dry-run says what it would do and sends nothing but reads", async () => {
    const r = await sync([FAMILY], { dryRun: true });
    expect(r.code).toBe(2);
    expect(immich.writes()).toEqual([]);
    expect(r.out).toBe("would: create library family: import /mnt/external/family\nwould: scan library family\n");
  });

  it("an import path dropped from a library with assets: updated, scanned, and a maintenance verdict (exit 3)", async () => {
    immich.seedLibrary({ name: "scans", ownerId: bob.id, importPaths: ["/mnt/external/scans/1998", "/mnt/external/scans/letters"], exclusionPatterns: ["**/@eaDir/**"], assetCount: 120 });
    const r = await sync([{ ...SCANS, importPaths: ["1998"] }]);
    expect(r.code).toBe(3);
    expect(immich.writes().map((w) => [w.method, w.body])).toEqual([
      ["PUT", { importPaths: ["/mnt/external/scans/1998"] }],
      ["POST", undefined],
    ]);
    expect(r.out).toContain("update library scans: import /mnt/external/scans/1998 (assets go offline: import path /mnt/external/scans/letters removed)");
  });

  it("exclusions left out of the file are not managed: Immich's stay, nothing is sent", async () => {
    immich.seedLibrary({ name: "family", ownerId: alice.id, importPaths: ["/mnt/external/family"], exclusionPatterns: ["**/._*"], assetCount: 3 });
    expect((await sync([FAMILY])).code).toBe(0);
    const r = await sync([{ ...FAMILY, exclusionPatterns: ["**/._*", "**/#recycle/**"] }]);
    expect(r.code).toBe(3);
    expect(immich.writes()[0]!.body).toEqual({ exclusionPatterns: ["**/._*", "**/#recycle/**"] });
  });

  it("a library Immich has and the deployment does not is left alone, assets and all, and named", async () => {
    immich.seedLibrary({ name: "old-import", ownerId: alice.id, importPaths: ["/mnt/external/old"], exclusionPatterns: [], assetCount: 5000 });
    const r = await sync([FAMILY]);
    expect(names()).toEqual(["family", "old-import"]);
    expect(immich.writes().some((w) => w.method === "DELETE")).toBe(false);
    expect(r.out).toContain("left alone: library old-import (not in the deployment; --delete old-import removes it and its assets from Immich)");
  });

  it("--delete <name> deletes exactly that library, even with assets: maintenance (exit 3)", async () => {
    const old = immich.seedLibrary({ name: "old-import", ownerId: alice.id, importPaths: ["/mnt/external/old"], exclusionPatterns: [], assetCount: 5000 });
    immich.seedLibrary({ name: "keep-me", ownerId: alice.id, importPaths: ["/mnt/external/keep"], exclusionPatterns: [], assetCount: 1 });
    const r = await sync([], { delete: ["old-import"] });
    expect(r.code).toBe(3);
    expect(immich.writes()).toEqual([{ method: "DELETE", path: `/api/libraries/${old.id}`, body: undefined }]);
    expect(names()).toEqual(["keep-me"]);
  });

  it.each([
    ["--delete naming a declared library", [FAMILY], { delete: ["family"] }, "--delete family: the deployment declares that library"],
    ["--delete naming no library", [], { delete: ["nothing"] }, "--delete nothing: Immich has no library of that name (expected exactly one)"],
  ] as const)("blocks %s, changing nothing (exit 4)", async (_what, libs, opts, message) => {
    immich.seedLibrary({ name: "family", ownerId: alice.id, importPaths: ["/mnt/external/other"], exclusionPatterns: [], assetCount: 9 });
    const r = await sync([...libs], opts);
    expect(r.code).toBe(4);
    expect(immich.writes()).toEqual([]);
    expect(r.out).toContain(`BLOCKED: ${message}`);
    expect(r.out).toContain("nothing was changed");
  });

  it("blocks a library whose owner has no Immich account yet (OIDC creates it at the first login)", async () => {
    immich = new ImmichStandin(KEY, [alice]);
    await immich.start();
    const r = await sync([FAMILY, SCANS]);
    expect(r.code).toBe(4);
    expect(immich.writes()).toEqual([]);
    expect(r.out).toContain("BLOCKED: library scans: its owner bob (bob@example.com) has no Immich account yet");
  });

  it("blocks a library another user owns in Immich: Immich cannot change an owner", async () => {
    immich.seedLibrary({ name: "family", ownerId: bob.id, importPaths: ["/mnt/external/family"], exclusionPatterns: [], assetCount: 9 });
    const r = await sync([FAMILY]);
    expect(r.code).toBe(4);
    expect(r.out).toContain("BLOCKED: library family: owned by bob@example.com in Immich, the deployment says alice@example.com");
  });

  it("a key Immich refuses: exit 1, Immich's answer, never the key", async () => {
    const r = await sync([FAMILY], {}, { IMMICH_API_KEY: "wrongKeyWrongKey1234" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("reading Immich's users and libraries: Immich answered 401: Invalid API key (is IMMICH_API_KEY an admin's key");
    expect(r.err + r.out).not.toContain("wrongKeyWrongKey1234");
  });

  it.each([
    ["no key", {}, "IMMICH_API_KEY is not set"],
    ["a key with a newline (a header injection)", { IMMICH_API_KEY: "abcdefghijklmnop\nX-Evil: 1" }, "IMMICH_API_KEY does not look like an Immich API key"],
  ])("%s: invalid input (exit 5), nothing sent", async (_what, env, message) => {
    const r = await sync([FAMILY], {}, env);
    expect(r.code).toBe(5);
    expect(r.err).toContain(message);
    expect(immich.requests).toEqual([]);
  });

  it.each([
    ["credentials in the URL", "https://admin:pw@photos.example.com"],
    ["another scheme", "file:///etc/passwd"],
  ])("refuses %s in --url (exit 5)", async (_what, url) => {
    const r = await sync([FAMILY], { url });
    expect(r.code).toBe(5);
    expect(r.err).toContain("--url: expected");
  });

  it("an unreachable Immich: exit 1 with the reason", async () => {
    await immich.stop();
    const r = await sync([FAMILY]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/reading Immich's users and libraries: ECONNREFUSED/);
  });
});

describe("the sync plan (pure)", () => {
  it("adding an import path to a library with assets is safe: nothing goes offline", () => {
    const lib = { id: "1", name: "family", ownerId: alice.id, importPaths: ["/mnt/external/family/a"], exclusionPatterns: [], assetCount: 10, createdAt: "", updatedAt: "", refreshedAt: null };
    const plan = planLibrarySync([{ name: "family", ownerName: "alice", ownerEmail: "alice@example.com", importPaths: ["/mnt/external/family/a", "/mnt/external/family/b"] }], [lib], [alice]);
    expect(plan.class).toBe(RiskClass.SAFE);
  });

  it("import paths in another order are the same paths", () => {
    const lib = { id: "1", name: "family", ownerId: alice.id, importPaths: ["/b", "/a"], exclusionPatterns: [], assetCount: 10, createdAt: "", updatedAt: "", refreshedAt: null };
    expect(planLibrarySync([{ name: "family", ownerName: "alice", ownerEmail: "ALICE@example.com", importPaths: ["/a", "/b"] }], [lib], [alice]).actions).toEqual([]);
  });

  it("two libraries of one name in Immich block the sync", () => {
    const lib = (id: string) => ({ id, name: "family", ownerId: alice.id, importPaths: [], exclusionPatterns: [], assetCount: 0, createdAt: "", updatedAt: "", refreshedAt: null });
    const plan = planLibrarySync([{ name: "family", ownerName: "alice", ownerEmail: "alice@example.com", importPaths: ["/a"] }], [lib("1"), lib("2")], [alice]);
    expect(plan).toMatchObject({ class: RiskClass.BLOCKED, actions: [], problems: ["library family: Immich has 2 libraries of that name (expected one; rename or delete the others in Immich first)"] });
  });
});

describe("libraries sync on the command line", () => {
  it("a missing --deployment is invalid input with plan-report's code (5), not a verdict", async () => {
    const { run } = await import("../../src/cli/main.js");
    let err = "";
    expect(await run(["libraries", "sync"], { out: () => {}, err: (t) => (err += t) })).toBe(5);
    expect(err).toContain("required option '--deployment <file>' not specified");
  });

  it("runs through the CLI against the stand-in, --delete repeatable", async () => {
    const { run } = await import("../../src/cli/main.js");
    const a = immich.seedLibrary({ name: "a", ownerId: alice.id, importPaths: ["/x"], exclusionPatterns: [], assetCount: 0 });
    const b = immich.seedLibrary({ name: "b", ownerId: alice.id, importPaths: ["/y"], exclusionPatterns: [], assetCount: 0 });
    const saved = process.env.IMMICH_API_KEY;
    process.env.IMMICH_API_KEY = KEY;
    try {
      const file = writeDeployment(libraryDeployment([]));
      const code = await run(["libraries", "sync", "--deployment", file, "--url", immich.url, "--delete", "a", "--delete", "b", "--json"], { out: () => {}, err: () => {} });
      expect(code).toBe(2);
      expect(immich.writes().map((w) => w.path)).toEqual([`/api/libraries/${a.id}`, `/api/libraries/${b.id}`]);
    } finally {
      if (saved === undefined) delete process.env.IMMICH_API_KEY;
      else process.env.IMMICH_API_KEY = saved;
    }
  });
});
