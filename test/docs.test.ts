import { execa } from "execa";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { POLICY_RULES } from "../constructs/policy/index.js";
import { buildProgram } from "../src/cli/main.js";
// @ts-expect-error -- a plain .mjs script without types; the test uses the same parser the script writes with.
import { headings, withoutFences, withToc } from "../scripts/docs-toc.mjs";
import { anchorsOf, NOT_RUN, PAGES, RUN_BY, shellBlocks, text } from "./docs-pages.js";
import { REPO } from "./util.js";

/**
 * Pages whose table of contents is not this test's to demand yet: they belong to another piece of work, which adds
 * its `<!-- toc -->` block (then `node scripts/docs-toc.mjs` fills it and the page leaves this list).
 */
const TOC_PENDING = new Set(["docs/promises.md", "docs/threat-model.md"]);

describe("documentation: README.md and docs/", () => {
  it("every relative link names a file of the repository, and every #anchor a heading of its page", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of PAGES) {
      // Links in code are examples, not links: fences and inline code are left out.
      const prose = withoutFences(text(page)).replace(/`[^`\n]*`/g, "");
      for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        checked++;
        const [path, anchor] = target.split("#") as [string, string | undefined];
        const file = path === "" ? join(REPO, page) : resolve(dirname(join(REPO, page)), path);
        if (!file.startsWith(REPO) || !existsSync(file)) {
          broken.push(`${page}: ${target} (no such file)`);
          continue;
        }
        if (anchor !== undefined && !(file.endsWith(".md") && anchorsOf(relative(REPO, file)).has(anchor))) broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });

  it("the README is the first screen: what it is, prerequisites, quick start, a map of the docs; under 100 lines", () => {
    const readme = text("README.md");
    expect((headings(readme) as { level: number; text: string }[]).filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      "Prerequisites",
      "Quick start",
      "Use the constructs from a cdktf app",
      "Documentation",
    ]);
    expect(readme.split("\n").length).toBeLessThan(100);
    // The map names every page under docs/.
    const linked = new Set([...readme.matchAll(/\]\((docs\/[^)#]+\.md)/g)].map((m) => m[1]!));
    expect(PAGES.filter((p) => p.startsWith("docs/") && !linked.has(p))).toEqual([]);
  });

  it.each(PAGES.filter((p) => p.startsWith("docs/") && !TOC_PENDING.has(p)))("%s has a table of contents listing each of its ## and ### headings", (page) => {
    const md = text(page);
    expect(md, `${page} needs <!-- toc --> and <!-- /toc --> below its title`).toContain("<!-- toc -->");
    expect(withToc(md), `${page}: contents are stale, run node scripts/docs-toc.mjs`).toBe(md);
  });

  it("every shell block (sh, bash, shell, console) is run by a test or says why not, on the line before its fence", () => {
    const blocks = PAGES.flatMap(shellBlocks);
    expect(blocks.length).toBeGreaterThan(5);
    const unmarked = blocks.filter((b) => !NOT_RUN.test(b.marker) && !RUN_BY.test(b.marker)).map((b) => `${b.page}:${b.line}`);
    expect(unmarked, "precede each with <!-- not run by a test: <reason> --> or <!-- run by a test: test/….test.ts -->").toEqual([]);
    // A block said to be run names a test that runs it: the quick start's own test, or the one that runs every block
    // so marked (test/docs-shell-blocks.test.ts).
    const runners = new Map(blocks.filter((b) => RUN_BY.test(b.marker)).map((b) => [`${b.page}:${b.line}`, RUN_BY.exec(b.marker)![1]!]));
    for (const [where, runner] of runners) expect(["test/readme-quickstart.test.ts", "test/docs-shell-blocks.test.ts"], where).toContain(runner);
    expect([...runners].filter(([, r]) => r === "test/readme-quickstart.test.ts").map(([w]) => w.split(":")[0])).toEqual(["README.md"]);
  });

  it("the policy-rule table lists exactly the registered rules, by id and name, and every rule file is registered", () => {
    const rows = [...text("docs/policy-rules.md").matchAll(/^\| (IIAC\d{3}) \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows).toEqual(POLICY_RULES.map((r) => `${r.id} ${r.name}`).sort());
    const files = readdirSync(join(REPO, "constructs", "policy", "rules")).filter((f) => f.endsWith(".ts"));
    const ids = files.map((f) => /id: "(IIAC\d{3})"/.exec(readFileSync(join(REPO, "constructs", "policy", "rules", f), "utf8"))?.[1]);
    expect(ids.filter((id) => id === undefined || !POLICY_RULES.some((r) => r.id === id))).toEqual([]);
  });

  it("the CLI reference names every command in its synopsis and its exit-code table", () => {
    const program = buildProgram({ out: () => {}, err: () => {} }, () => {});
    const commands = program.commands.flatMap((c) => (c.commands.length ? c.commands.map((s) => `${c.name()} ${s.name()}`) : [c.name()]));
    expect(commands).toContain("backup restore-drill");
    const page = text("docs/cli.md");
    const synopsis = /## Commands\n\n```text\n([\s\S]*?)```/.exec(page)![1]!;
    const table = /## Exit codes\n\n([\s\S]*?)\n\n/.exec(page)![1]!;
    for (const c of commands) {
      expect(synopsis, c).toMatch(new RegExp(`^immich-iac ${c} `, "m"));
      expect(table, c).toContain(`\`${c}\``);
    }
  });
});

describe("render --help lists every folder render writes", () => {
  const dir = mkdtempSync(join(tmpdir(), "iac-render-folders-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("with backups, monitoring and an extra ML node on, each top-level folder of the output is named", async () => {
    // The example has backups and monitoring on; an ML node adds ml-nodes/<node>/host/.
    const doc = parse(readFileSync(join(REPO, "deployments", "example.yaml"), "utf8"));
    doc.spec.machineLearning = { ...doc.spec.machineLearning, nodes: [{ name: "gpu-box", dockerHost: "ssh://immich-deploy@gpu-box.lan", address: "192.168.1.30", hardwareProfile: join(REPO, "test", "fixtures", "ml-nodes", "cpu-node.yaml") }] };
    writeFileSync(join(dir, "all-on.yaml"), stringify(doc));
    const bin = join(REPO, "dist", "immich-iac.cjs");
    const out = join(dir, "out");
    const r = await execa("node", [bin, "render", "--deployment", join(dir, "all-on.yaml"), "--out", out], { reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    const folders = readdirSync(out).filter((f) => statSync(join(out, f)).isDirectory());
    expect(folders).toEqual(expect.arrayContaining(["backup", "monitoring", "ml-nodes", "maintenance", "host"]));
    expect(readdirSync(join(out, "ml-nodes", "gpu-box"))).toEqual(["host"]);
    const help = (await execa("node", [bin, "render", "--help"])).stdout.replace(/\s+/g, " ");
    expect(folders.filter((f) => !help.includes(f === "ml-nodes" ? "ml-nodes/<node>/host/" : ` ${f}/`))).toEqual([]);
  });
});

describe("--profile takes a shipped profile's name, as a deployment's spec.hardwareProfile does", () => {
  const bin = join(REPO, "dist", "immich-iac.cjs");
  it("explain --profile homelab-minimal explains the shipped profile", async () => {
    const r = await execa("node", [bin, "explain", "--profile", "homelab-minimal", "--json"], { reject: false, cwd: tmpdir() });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).totalMemoryMiB).toBe(16384);
  });

  it("synth --profile homelab-minimal synthesizes a deployment named after it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-profile-name-"));
    try {
      const r = await execa("node", [bin, "synth", "--profile", "homelab-minimal", "--out", join(dir, "out"), "--state", join(dir, "s.tfstate")], { reject: false, cwd: dir });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(existsSync(join(dir, "out", "stacks", "homelab-minimal", "cdk.tf.json"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unknown name is refused with exit 2, listing the shipped profiles", async () => {
    const r = await execa("node", [bin, "explain", "--profile", "homelab-maximal"], { reject: false, cwd: tmpdir() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      '(arguments):1:1: --profile: unknown hardware profile (expected a shipped profile — "epyc-4004-prosumer", "homelab-minimal" or "xeon-e2400-enterprise" — or a path to a .yaml file, got "homelab-maximal")',
    );
  });

  it("a path is still a path: ./homelab-minimal.yaml in the working directory, not the shipped one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-profile-path-"));
    try {
      const own = readFileSync(join(REPO, "hardware-profiles", "homelab-minimal.yaml"), "utf8").replace(/totalGiB: \d+/, "totalGiB: 24");
      writeFileSync(join(dir, "homelab-minimal.yaml"), own);
      const r = await execa("node", [bin, "explain", "--profile", "homelab-minimal.yaml", "--json"], { reject: false, cwd: dir });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).totalMemoryMiB).toBe(24 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
