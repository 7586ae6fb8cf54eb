import { IMAGE_PINS, type PinId } from "../../versions.js";
import { EXIT_OK, type CliIo } from "../io.js";

/** A column no wider than `width`, padded; a longer value keeps its start and ends in "…". */
const cell = (s: string, width: number) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));

/**
 * Every image the stack deploys with its tag, digest, floor and source (IMAGE_PINS): what the monthly
 * maintenance window starts from (docs/versions.md). `--json` prints the table as it is in src/versions.ts.
 */
export function versionsCommand(opts: { json?: boolean; markdown?: boolean }, io: CliIo): number {
  const rows = Object.entries(IMAGE_PINS) as [PinId, (typeof IMAGE_PINS)[PinId]][];
  if (opts.markdown) {
    io.out(versionsMarkdown());
    return EXIT_OK;
  }
  if (opts.json) {
    io.out(`${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
    return EXIT_OK;
  }
  const lines = [`${cell("ID", 24)}${cell("IMAGE:TAG", 66)}${cell("FLOOR", 10)}${cell("CHECKED", 12)}DIGEST`];
  for (const [id, p] of rows) {
    lines.push(`${cell(id, 24)}${cell(`${p.image}:${p.tag}`, 66)}${cell(p.floor, 10)}${cell(p.checked, 12)}${p.digest ?? "none published"}`);
  }
  lines.push("", "Why each floor, and where each pin was read:");
  for (const [id, p] of rows) lines.push(`  ${id}: floor ${p.floor}: ${p.floorReason}`, `    source: ${p.source}`, ...(p.digest ? [] : [`    no digest: ${p.noDigest}`]));
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

const md = (s: string) => s.replace(/\|/g, "\\|");

/** The table of docs/versions.md (a test keeps the two equal): `immich-iac versions --markdown`. */
export function versionsMarkdown(): string {
  const rows = Object.entries(IMAGE_PINS) as [PinId, (typeof IMAGE_PINS)[PinId]][];
  return [
    "| id | image:tag | digest | floor | why the floor | source | checked |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(([id, p]) => `| ${id} | \`${p.image}:${p.tag}\` | ${p.digest ? `\`${p.digest}\`` : `none: ${md(p.noDigest ?? "")}`} | ${p.floor} | ${md(p.floorReason)} | ${md(p.source)} | ${p.checked} |`),
  ].join("\n") + "\n";
}
