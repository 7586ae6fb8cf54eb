import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { formatJson, formatMarkdown, formatTerminal, summaryLine } from "../../src/plan/format.js";
import { parsePlan } from "../../src/plan/plan-json.js";
import { buildReport } from "../../src/plan/report.js";
import { RiskClass } from "../../src/plan/upgrade-rules.js";
import { container, image, immichImages, plan, rc, SERVER, volume, type RC } from "./plan-fixtures.js";

// The report is never quieter than the plan: however a plan file encodes a change, the class is at least
// what the change means.
const report = (p: Record<string, unknown>) => buildReport(parsePlan(JSON.stringify(p)));
const only = (r: RC) => {
  const x = report(plan([r]));
  return { exit: x.exitCode, ...x.resources[0]! };
};

/** The library volume deleted, its states rewritten by `edit`. */
function libraryDeleted(edit: (state: Record<string, unknown>) => Record<string, unknown> | null, actions: ("delete" | "create")[] = ["delete"]): RC {
  const v = volume("library", true, actions);
  v.change.before = edit(v.change.before as Record<string, unknown>);
  if (v.change.after) v.change.after = edit(v.change.after as Record<string, unknown>);
  return v;
}
const regenerable = (name = "immich-home-thumbs") => (s: Record<string, unknown>) => ({ ...s, name, labels: [{ label: "io.immich-iac.data", value: "false" }] });

describe("a user-data volume deleted is blocked however the plan encodes it", () => {
  it.each<[string, (s: Record<string, unknown>) => Record<string, unknown> | null]>([
    ["labels as a map", (s) => ({ ...s, labels: { "io.immich-iac.data": "true" } })],
    ["a label value that is not text (non-callable toString)", (s) => ({ ...s, labels: [{ label: "io.immich-iac.data", value: { toString: 1 } }] })],
    ["a second data label after a \"false\" one", (s) => ({ ...s, labels: [{ label: "io.immich-iac.data", value: "false" }, { label: "io.immich-iac.data", value: "true" }] })],
    ["no data label", (s) => ({ ...s, labels: [] })],
    ["labels in a shape no provider writes", (s) => ({ ...s, labels: ["io.immich-iac.data=false"] })],
    ["labels as text", (s) => ({ ...s, labels: "io.immich-iac.data=false" })],
    ["a user-data name with a \"false\" label", (s) => ({ ...s, labels: [{ label: "io.immich-iac.data", value: "false" }] })],
    ["a name that is not text", (s) => ({ ...regenerable()(s), name: { toString: 1 } })],
    ["no state at all", () => null],
  ])("%s → blocked (exit 4)", (_what, edit) => {
    expect(only(libraryDeleted(edit))).toMatchObject({ exit: 4, class: RiskClass.BLOCKED, kind: "data-risk", allow: "data-loss" });
  });

  it("a data source that a plan says is deleted is classified as the managed resource", () => {
    expect(only({ ...volume("library", true, ["delete"]), mode: "data" })).toMatchObject({ exit: 4, kind: "data-risk" });
    expect(only({ ...volume("library", true, ["read"] as never), mode: "data" })).toMatchObject({ exit: 0, kind: "no-op" });
  });

  it("the label relabelled to \"false\" on the new side still counts its old \"true\"", () => {
    const v = volume("library", true, ["delete", "create"]);
    v.change.after = { ...(v.change.after as object), labels: [{ label: "io.immich-iac.data", value: "false" }] };
    expect(only(v)).toMatchObject({ exit: 4 });
    const w = volume("library", true, ["delete", "create"]);
    w.change.before = { ...(w.change.before as object), labels: [{ label: "io.immich-iac.data", value: "false" }] };
    expect(only(w)).toMatchObject({ exit: 4 });
  });

  it("says why a volume without a readable \"false\" counts as user data", () => {
    expect(only(libraryDeleted((s) => ({ ...regenerable()(s), labels: { other: "x" } }))).message).toBe(
      "volume immich-home-thumbs holds user data and would be deleted (treated as user data: it has no io.immich-iac.data label)",
    );
  });

  it("only a regenerable name with data=false on every side is a regenerable volume (maintenance)", () => {
    expect(only(libraryDeleted(regenerable()))).toMatchObject({ exit: 3, message: "volume immich-home-thumbs would be deleted; its content is regenerable" });
  });
});

describe("containers: labels that disagree or mount PGDATA", () => {
  it("a container relabelled from backup to server is not a backup restart (not safe)", () => {
    const c = container("server", ["delete", "create"], { before: { labels: [{ label: "io.immich-iac.component", value: "backup" }] } });
    expect(only(c)).toMatchObject({ exit: 3, kind: "service-recreated" });
  });

  it("a PGDATA mount change is blocked whatever the component label says", () => {
    const before = { labels: [{ label: "io.immich-iac.component", value: "backup" }], volumes: [{ container_path: "/var/lib/postgresql/data", volume_name: "immich-home-database" }] };
    const after = { ...before, volumes: [{ container_path: "/var/lib/postgresql/data", volume_name: "fresh" }] };
    expect(only(container("backup", ["delete", "create"], { before, after }))).toMatchObject({ exit: 4, kind: "data-risk" });
  });
});

describe("a credentials change is news to the operator: at least maintenance, named, never shown", () => {
  const OLD = "old-restic-password-1f2e";
  const NEW = "new-restic-password-9a8b";
  const backup = (over: { before?: Record<string, unknown>; after?: Record<string, unknown> }, sensitive?: Record<string, unknown>) => {
    const c = container("backup", ["delete", "create"], { ...over, replacePaths: [["env"]] });
    if (sensitive) Object.assign(c.change, { before_sensitive: sensitive, after_sensitive: sensitive });
    return c;
  };
  const env = (password: string, key = "AKIA1") => ({ env: [`RESTIC_PASSWORD=${password}`, `AWS_ACCESS_KEY_ID=${key}`, "RESTIC_REPOSITORY=s3:https://s3.example.com/b"] });

  it("a new restic password in the backup container's env → maintenance, naming the variable", () => {
    const r = report(plan([backup({ before: env(OLD), after: env(NEW) })]));
    expect(r.exitCode).toBe(3);
    expect(r.resources[0]).toMatchObject({
      class: RiskClass.MAINTENANCE,
      credentials: ["env RESTIC_PASSWORD"],
      message: expect.stringContaining("; credentials change (env RESTIC_PASSWORD): the backup must still open its repository and bucket with them"),
    });
    for (const text of [formatTerminal(r), formatMarkdown(r), formatJson(r)]) {
      expect(text).not.toContain(OLD);
      expect(text).not.toContain(NEW);
    }
  });

  it("a new S3 key → maintenance; the unchanged restic password is not named", () => {
    expect(only(backup({ before: env(OLD, "AKIA1"), after: env(OLD, "AKIA2") }))).toMatchObject({ exit: 3, credentials: ["env AWS_ACCESS_KEY_ID"] });
  });

  it("any variable Terraform marks sensitive counts, whatever its name", () => {
    const c = backup({ before: { env: ["TZ=UTC", "OPAQUE=a"] }, after: { env: ["TZ=UTC", "OPAQUE=b"] } }, { env: [false, true] });
    expect(only(c)).toMatchObject({ exit: 3, credentials: ["env OPAQUE"] });
    expect(only(backup({ before: { env: ["OPAQUE=a"] }, after: { env: ["OPAQUE=b"] } }))).toMatchObject({ exit: 2 });
  });

  it("a whole env marked sensitive (a set with one secret) names only what looks like a credential", () => {
    const retuned = backup({ before: { env: ["RESTIC_PASSWORD=same", "GOMAXPROCS=2"] }, after: { env: ["RESTIC_PASSWORD=same", "GOMAXPROCS=4"] } }, { env: true });
    expect(only(retuned)).toMatchObject({ exit: 2, credentials: undefined });
    const rotated = backup({ before: { env: ["RESTIC_PASSWORD=a", "GOMAXPROCS=2"] }, after: { env: ["RESTIC_PASSWORD=b", "GOMAXPROCS=4"] } }, { env: true });
    expect(only(rotated)).toMatchObject({ exit: 3, credentials: ["env RESTIC_PASSWORD"] });
  });

  it("a secret file whose content changes (sensitive upload) → maintenance, naming the file", () => {
    const up = (content: string) => ({ upload: [{ file: "/run/secrets/restic", content, executable: false }] });
    const c = backup({ before: up(OLD), after: up(NEW) }, { upload: [{ content: true }] });
    expect(only(c)).toMatchObject({ exit: 3, credentials: ["file /run/secrets/restic"] });
  });

  it("a secret that becomes known only at apply (after_unknown) counts as changed", () => {
    const c = backup({ before: { upload: [{ file: "/run/secrets/s3", content: OLD }] }, after: { upload: [] } }, { upload: true });
    (c.change as Record<string, unknown>).after_unknown = { upload: true };
    expect(only(c)).toMatchObject({ exit: 3, credentials: ["upload"] });
  });

  it("a monitoring container recreated for a new password is not \"safe\" either", () => {
    const c = container("monitoring", ["delete", "create"], { before: { env: ["GF_SECURITY_ADMIN_PASSWORD=a"] }, after: { env: ["GF_SECURITY_ADMIN_PASSWORD=b"] } });
    expect(only(c)).toMatchObject({ exit: 3, credentials: ["env GF_SECURITY_ADMIN_PASSWORD"] });
  });
});

describe("the counts and the verdict come from the same findings", () => {
  it("a downgrade counts its blocked checks (server and ML) and exits 4", () => {
    const r = report(plan(immichImages("v3.2.0", "v3.1.0")));
    expect(r.exitCode).toBe(4);
    expect(r.counts).toEqual({ none: 0, safe: 2, maintenance: 0, blocked: 2 });
    expect(summaryLine(r)).toBe("blocked (exit 4): 2 blocked, 0 need a maintenance window, 2 safe, 0 unchanged; no downtime");
  });

  it("the class is the worst class with a non-zero count, for every fixture shape", () => {
    for (const p of [plan([]), plan(immichImages("v3.1.0", "v3.2.0")), plan([volume("library", true, ["delete"])]), plan([container("server", ["update"])])]) {
      const r = report(p);
      const worst = r.counts.blocked ? 4 : r.counts.maintenance ? 3 : r.counts.safe ? 2 : 0;
      expect(r.exitCode).toBe(worst);
    }
  });
});

describe("Markdown: text from the plan renders as text in a PR comment", () => {
  const HOSTILE = ["docker_container.a`b", "docker_container.x``` [x](http://evil.example/) ```", "![img](http://evil.example/i.png)", "<script>alert(1)</script>", "a\nb\r\n| c |", "[x](http://evil.example)", "www.evil.example", "http://evil.example/y", "**bold** _em_ ~~del~~", "&lt;b&gt;"];
  const hostileReport = () =>
    report(
      plan(
        HOSTILE.map((address, i) => {
          const c = volume("library", true, ["delete"]);
          return { ...c, address, change: { ...c.change, before: { ...(c.change.before as object), name: HOSTILE[(i + 1) % HOSTILE.length] } } };
        }),
        HOSTILE.map((address) => ({ ...container("server", ["update"], { before: { [address]: 1 }, after: {} }), address })),
      ),
    );

  it("renders no link, image, HTML, emphasis or extra cell, and shows each hostile text whole", () => {
    const html = micromark(formatMarkdown(hostileReport()), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    // Our own section titles are the only markup outside the table and the code spans.
    expect(html.replace("<strong>Drift</strong>", "")).not.toMatch(/<(a|img|script|em|strong|del)\b/);
    const rows = html.split("<tr>").slice(2);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const row of rows) expect(row.match(/<td>/g)).toHaveLength(4);
    // Each address is one code span holding exactly the address (line breaks shown as \u{a}).
    const spans = [...html.matchAll(/<td><code>(.*?)<\/code><\/td>/g)].map((m) => m[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
    expect(spans.sort()).toEqual(HOSTILE.map((h) => h.replace(/\n/g, "\\u{a}").replace(/\r/g, "\\u{d}")).sort());
  });

  it("the escaping is not a no-op on plain text: a name stays readable once rendered", () => {
    const html = micromark(formatMarkdown(report(plan([volume("library", true, ["delete"])]))), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain("<td>volume immich-home-library holds user data and would be deleted [needs --allow-data-loss]</td>");
  });
});

describe("hostile values are described, not copied or recursed into", () => {
  it("40,000-deep drift is reported as drift, without recursion to the bottom", () => {
    const shallow = JSON.stringify(plan([], [rc("docker_container", "a", ["update"], { x: "DEEP", y: 1 }, { x: 1, y: 1 })]));
    const r = buildReport(parsePlan(shallow.replace('"DEEP"', `${"[".repeat(40_000)}${"]".repeat(40_000)}`)));
    expect(r.drift).toEqual([{ address: "docker_container.a", attributes: ["x"] }]);
  });

  it("a 30 MB text as drift before is described by its length", () => {
    const r = report(plan([], [rc("docker_container", "a", ["update"], "x".repeat(30 * 1024 * 1024), {})]));
    expect(r.drift).toEqual([{ address: "docker_container.a", attributes: ["(the whole resource: a text of 31457280 characters → a mapping)"] }]);
  });

  it("an image tag of 5,000 characters is no version, and is not copied into the upgrade check", () => {
    const r = report(plan([image("immich_Server_Image", `${SERVER}:v3.1.0`, `${SERVER}:${"9".repeat(5000)}`)]));
    expect(r.upgrades.map((u) => u.message)).toEqual([`server: v3.1.0 → 9999999… (5033 characters) is not a pinned version change; cannot check upgrade rules`]);
  });

  it("a long name or attribute is shown by its start and its length", () => {
    const long = "n".repeat(5000);
    const r = report(plan([libraryDeleted((s) => ({ ...regenerable()(s), name: long }))], [rc("docker_container", "a", ["update"], { [long]: 1 }, {})]));
    expect(r.resources[0]!.message).toBe(`volume ${"n".repeat(40)}… (5000 characters) would be deleted; its content is regenerable`);
    expect(formatTerminal(r)).toContain(`  ~ docker_container.a: ${"n".repeat(40)}… (5000 characters)\n`);
  });
});
