import { writeReport } from "../../plan/format.js";
import { loadPlanFile } from "../../plan/plan-json.js";
import { buildReport } from "../../plan/report.js";
import { AllowableRisk } from "../../plan/upgrade-rules.js";
import type { CliIo } from "../io.js";

export interface PlanReportOptions {
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly allow?: readonly string[];
}

export const ALLOW_FLAGS = Object.values(AllowableRisk);

/** Reports a JSON plan; the exit code is the report's class: 0 nothing, 2 safe, 3 maintenance, 4 blocked. */
export function planReportCommand(file: string, opts: PlanReportOptions, io: CliIo): number {
  const report = buildReport(loadPlanFile(file), (opts.allow ?? []) as AllowableRisk[]);
  writeReport(report, opts, io.out);
  return report.exitCode;
}
