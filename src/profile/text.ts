import { z } from "zod";

/**
 * Free-form text that ends up in files other programs read (Authelia's configuration, which Authelia renders
 * as a Go template; the Terraform JSON, where `${…}` and `%{…}` are evaluated; YAML and JSON documents;
 * terminal output): one line, printable, no template braces of either kind.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function textProblem(value: string): string | undefined {
  if (CONTROL.test(value)) return "control characters and line breaks are not allowed (expected one line of printable text)";
  if (/\{\{|\}\}|\{%|%\}/.test(value)) return "template braces are not allowed (expected plain text without {{, }}, {% or %})";
  if (/[$%]\{/.test(value)) return "${ and %{ are not allowed (expected plain text: Terraform would evaluate them as its own template)";
  return undefined;
}

/** A single line of plain text of at most `max` characters. */
export function plainText(max: number) {
  return z
    .string()
    .max(max, { error: `too long (expected at most ${max} characters)` })
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}
