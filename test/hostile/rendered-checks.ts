import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { BASE_UNIT_KB, REPO } from "../util.js";

/**
 * What every rendered file must satisfy, whatever input was accepted: no NaN, no Infinity, no number in
 * exponent notation (PostgreSQL, Redis, sysctl and ZFS parse none of them), and every PostgreSQL setting within
 * the range PostgreSQL 17 itself accepts (test/fixtures/postgres17-guc-ranges.json, checked against the real
 * binary by test/upstream/postgres.test.ts). Returns the problems found; [] when the files are fine.
 */
export function renderedProblems(files: Readonly<Record<string, string>>, immichConfig?: ValidateFunction): string[] {
  const problems: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    // The users file holds people's names and e-mails, strings only: a user may be called NaN.
    if (name === "authelia/users_database.yml") continue;
    // As a value (after = or :), not as a name: a pool may be called NaN.
    const bad = /[=:]\s*-?(NaN|Infinity)(?![A-Za-z0-9_.:/@"'-])/.exec(text);
    if (bad) problems.push(`${name}: ${bad[1]} as a value`);
    const exp = EXPONENT.exec(text);
    if (exp) problems.push(`${name}: exponent notation ${exp[0]}`);
    if (name.startsWith("postgres/")) problems.push(...postgresProblems(name, text));
    if (name === "redis/redis.conf") {
      const m = /^maxmemory (\d+)mb$/m.exec(text);
      if (!m || Number(m[1]) < 1 || !Number.isSafeInteger(Number(m[1]))) problems.push(`${name}: maxmemory is not a positive whole number of mb`);
    }
    if (name.startsWith("host/") && name.endsWith("zfs.sh")) {
      const arc = /zfs_arc_max=(\d+)/.exec(text);
      if (arc && !Number.isSafeInteger(Number(arc[1]))) problems.push(`${name}: zfs_arc_max ${arc[1]} is not a safe integer`);
    }
    if (name.endsWith("sysctl.sh")) {
      for (const m of text.matchAll(/^([a-z0-9_.]+) = ([0-9 ]+)$/gm)) {
        for (const n of m[2]!.split(" ")) if (Number(n) > 2 ** 31 - 1) problems.push(`${name}: ${m[1]} ${n} exceeds a kernel int`);
      }
    }
    if (name === "immich/immich.json" && immichConfig && !immichConfig(JSON.parse(text))) {
      problems.push(`${name}: ${JSON.stringify(immichConfig.errors)}`);
    }
  }
  return problems;
}

/**
 * A number in exponent notation as an unquoted value (after = or :), not a name or a quoted string that happens
 * to look like one (a deployment "1e9"). Quoted PostgreSQL values are judged by the range check below.
 */
const EXPONENT = /[=:]\s*-?\d+(\.\d+)?[eE][+-]?\d+(?![A-Za-z0-9_.'"-])/;

interface Range {
  readonly type: "INTEGER" | "REAL";
  readonly min: number;
  readonly max: number;
}

const RANGES = (JSON.parse(readFileSync(join(REPO, "test", "fixtures", "postgres17-guc-ranges.json"), "utf8")) as { settings: Record<string, Range> }).settings;

const UNIT_KB: Readonly<Record<string, number>> = { kB: 1, MB: 1024, GB: 1024 ** 2, TB: 1024 ** 3 };

function postgresProblems(name: string, text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/^([a-z_]+) = '([^']*)'$/gm)) {
    const [, key, raw] = m as unknown as [string, string, string];
    const range = RANGES[key];
    if (!range) continue;
    const mem = /^(\d+)(kB|MB|GB|TB)$/.exec(raw);
    let value: number;
    if (mem) {
      const unit = BASE_UNIT_KB[key];
      if (unit === undefined) {
        problems.push(`${name}: ${key} = ${raw} has a unit, but ${key} takes none`);
        continue;
      }
      value = (Number(mem[1]) * UNIT_KB[mem[2]!]!) / unit;
    } else if (range.type === "INTEGER" ? /^-?\d+$/.test(raw) : /^-?\d+(\.\d+)?$/.test(raw)) {
      value = Number(raw);
    } else {
      problems.push(`${name}: ${key} = ${raw} is not a ${range.type.toLowerCase()}`);
      continue;
    }
    if (!(value >= range.min && value <= range.max)) problems.push(`${name}: ${key} = ${raw} is outside PostgreSQL's ${range.min}..${range.max}`);
  }
  return problems;
}
