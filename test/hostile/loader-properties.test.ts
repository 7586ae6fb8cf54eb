import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { renderFiles } from "../../stacks/synth.js";
import { deploymentForProfile, loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import { formatMarkdown, formatTerminal } from "../../src/plan/format.js";
import { parsePlan } from "../../src/plan/plan-json.js";
import { buildReport } from "../../src/plan/report.js";
import { parseProfile } from "../../src/profile/load-profile.js";
import { InputError } from "../../src/profile/problems.js";
import { buildImmichConfig, renderImmichConfig } from "../../src/renderers/immich-config-file.js";
import { renderHostScripts } from "../../src/renderers/host/index.js";
import { renderPostgresOverride } from "../../src/renderers/postgres-conf.js";
import { renderRedisConf } from "../../src/renderers/redis-conf.js";
import { APPLY_TIME_HASH } from "../../src/renderers/redis-acl.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { immichSdkConfigValidator } from "../immich-sdk-schema.js";
import { container, plan, volume } from "../plan/plan-fixtures.js";
import { REPO, SHIPPED_PROFILES, shippedProfileText } from "../util.js";
import { renderedProblems } from "./rendered-checks.js";

/**
 * Mutated profiles, deployments and plans through the loaders: every input is either refused with an
 * InputError or accepted, and whatever is accepted renders only values the consuming programs take. Under CI
 * the properties run 12,000 cases together with a fixed seed; elsewhere a tenth, randomly seeded, to keep the edit
 * loop fast and keep exploring.
 */
const SCALE = process.env.CI ? 1 : 0.1;
// CI runs the same cases every time (a red build is reproducible); elsewhere each run explores new ones.
if (process.env.CI) fc.configureGlobal({ seed: 20261130 });
const runs = (n: number) => Math.max(50, Math.round(n * SCALE));
const immichConfig = immichSdkConfigValidator();

/** Values a careless or hostile author might write anywhere. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 0.5, 1e-300, 1e300, 4e15, 2 ** 31, 2 ** 53, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", "$(touch PWNED)", '/dev/x"', "/dev/$(id)", '{{ secret "/etc/shadow" }}', "a\nb", "\u001b[2J", "../../etc/passwd", "-oProxyCommand=x", "/etc", "root", "1e9", "NaN", "0x10"),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 2 }),
);

type Path = (string | number)[];

function paths(node: unknown, at: Path = []): Path[] {
  if (node === null || typeof node !== "object") return [at];
  const children = Array.isArray(node) ? node.map((v, i) => [i, v] as const) : Object.entries(node);
  return [at, ...children.flatMap(([k, v]) => paths(v, [...at, k]))];
}

const mutation = (all: Path[]): fc.Arbitrary<Mutation> =>
  fc.record({
    path: fc.constantFrom(...all),
    op: fc.constantFrom("set", "set", "set", "scale", "delete", "add-key"),
    value: hostileValue,
    factor: fc.constantFrom(0, -1, 0.001, 1.5, 10, 1000, 1e6, 1e12),
  });
interface Mutation {
  readonly path: Path;
  readonly op: "set" | "scale" | "delete" | "add-key";
  readonly value: unknown;
  readonly factor: number;
}

function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  const doc = structuredClone(base);
  for (const m of mutations) {
    if (m.path.length === 0) continue;
    const parent = m.path.slice(0, -1).reduce<any>((n, k) => (n === null || typeof n !== "object" ? undefined : n[k]), doc);
    if (parent === null || typeof parent !== "object") continue;
    const key = m.path[m.path.length - 1]!;
    if (m.op === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.op === "scale") {
      if (typeof parent[key] === "number") parent[key] *= m.factor;
    } else if (m.op === "add-key") {
      if (!Array.isArray(parent) && typeof parent[key] === "object" && parent[key] !== null) parent[key][`x-${typeof m.value}`] = m.value;
    } else parent[key] = m.value;
  }
  return doc;
}

/** Raw text edits: what a broken editor, a truncated copy or a bad merge does to a file. */
const textEdit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 20 }), insert: fc.constantFrom("", ":", "- ", "  ", "\t", "&a ", "*a", "!!binary ", "{", "[", '"', "'", "\n", "\u0000", "? ", "<<: ", "%YAML 1.1\n") });
function editText(text: string, e: { at: number; cut: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.cut);
}

/** The files a profile alone decides: PostgreSQL, Redis, Immich's config and every host script. */
function profileFiles(profile: ReturnType<typeof parseProfile>): Record<string, string> {
  const tuning = computeTuning(profile);
  const deployment = { ...deploymentForProfile(join(REPO, "hardware-profiles", "homelab-minimal.yaml")), profile };
  return {
    "postgres/postgresql.override.conf": renderPostgresOverride(tuning.postgres.settings, "t"),
    "redis/redis.conf": renderRedisConf(tuning.redis.settings, { dataDir: "/data", port: 6379, users: { immich: APPLY_TIME_HASH }, exporterKeyPatterns: [] }, "t"),
    "immich/immich.json": renderImmichConfig(buildImmichConfig(tuning, { domain: "photos.example.com", machineLearningUrls: ["http://ml:3003"] })),
    ...Object.fromEntries(renderHostScripts(deriveHostPlan(deployment, tuning)).map((h) => [`host/${h.file}`, h.content])),
  };
}

function refusedOrAccepted<T>(load: () => T): T | undefined {
  try {
    return load();
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/**
 * fc.assert in chunks of 250 runs with a turn of the event loop between them. One synchronous run of thousands of
 * cases blocked vitest's worker past its 60-second RPC timeout on a loaded machine ("Timeout calling
 * onTaskUpdate", which fails a green run). Each chunk has its own seed, printed by fast-check on a failure.
 */
async function assertInChunks<T>(property: fc.IProperty<T>, options: { numRuns: number }): Promise<void> {
  const base = Math.floor(Math.random() * 0x7fffffff);
  for (let done = 0, k = 0; done < options.numRuns; done += 250, k++) {
    fc.assert(property, { numRuns: Math.min(250, options.numRuns - done), seed: (base + k) | 0 });
    await new Promise((r) => setImmediate(r));
  }
}

describe("loaders under mutation: refused cleanly, or accepted with only valid rendered values", () => {
  const scratch = mkdtempSync(join(tmpdir(), "iac-props-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("hardware profiles: mutated fields", async () => {
    const bases = SHIPPED_PROFILES.map((n) => parse(shippedProfileText(n)) as unknown);
    let accepted = 0;
    await assertInChunks(
      fc.property(fc.nat({ max: bases.length - 1 }).chain((i) => fc.tuple(fc.constant(i), fc.array(mutation(paths(bases[i])), { minLength: 1, maxLength: 3 }))), ([i, ms]) => {
        const profile = refusedOrAccepted(() => parseProfile(stringify(mutate(bases[i], ms)), "p.yaml"));
        if (!profile) return;
        accepted++;
        expect(renderedProblems(profileFiles(profile), immichConfig)).toEqual([]);
      }),
      { numRuns: runs(6000) },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 300_000);

  it("hardware profiles: raw text edits", async () => {
    const texts = SHIPPED_PROFILES.map(shippedProfileText);
    await assertInChunks(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(textEdit, { minLength: 1, maxLength: 4 }), (i, edits) => {
        const profile = refusedOrAccepted(() => parseProfile(edits.reduce(editText, texts[i]!), "p.yaml"));
        if (profile) expect(renderedProblems(profileFiles(profile), immichConfig)).toEqual([]);
      }),
      { numRuns: runs(3000) },
    );
  }, 300_000);

  it("deployments: mutated fields, rendered through the whole stack", async () => {
    const base = parse(readFileSync(join(REPO, "deployments", "homelab.yaml"), "utf8")) as unknown;
    const file = join(scratch, "d.yaml");
    await assertInChunks(
      fc.property(fc.array(mutation(paths(base)), { minLength: 1, maxLength: 3 }), (ms) => {
        writeFileSync(file, stringify(mutate(base, ms)));
        const deployment = refusedOrAccepted(() => loadDeploymentFile(file));
        if (deployment) expect(renderedProblems(renderFiles(deployment), immichConfig)).toEqual([]);
      }),
      { numRuns: runs(1000) },
    );
  }, 300_000);

  it("plans: mutated JSON is refused as input or reported with a verdict, and reports carry no control characters", async () => {
    const base = plan([container("server", ["delete", "create"]), volume("library", true, ["no-op"]), container("database", ["update"])]) as unknown;
    await assertInChunks(
      fc.property(fc.array(mutation(paths(base)), { minLength: 1, maxLength: 3 }), (ms) => {
        const parsed = refusedOrAccepted(() => parsePlan(JSON.stringify(mutate(base, ms)), "p.json"));
        if (!parsed) return;
        const report = buildReport(parsed);
        expect([0, 2, 3, 4]).toContain(report.exitCode);
        // eslint-disable-next-line no-control-regex
        for (const text of [formatTerminal(report), formatMarkdown(report)]) expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      }),
      { numRuns: runs(2000) },
    );
  }, 300_000);
});
