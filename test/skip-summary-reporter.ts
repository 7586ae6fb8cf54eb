import type { Reporter, TestModule, TestSuite, TestCase } from "vitest/node";

/**
 * Ends a run with every skipped suite or test and why (the reason is in its name), so a skip is never found only
 * inside the JSON report. A skipped suite is listed once, not test by test.
 */
export default class SkipSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    const visit = (file: string, node: TestSuite | TestCase): void => {
      if (node.type === "suite") {
        const all = [...node.children.allTests()];
        if (all.length > 0 && all.every((t) => t.result().state === "skipped")) {
          lines.push(`${file} > ${node.name} (${all.length} tests)`);
          return;
        }
        for (const child of node.children.array()) visit(file, child);
      } else if (node.result().state === "skipped") {
        lines.push(`${file} > ${node.fullName}`);
      }
    };
    for (const m of modules) for (const child of m.children.array()) visit(m.moduleId.replace(`${process.cwd()}/`, ""), child);
    if (lines.length === 0) return;
    process.stdout.write(`\nSkipped (${lines.length}), each with its reason in its name:\n${lines.map((l) => `  - ${l}`).join("\n")}\n`);
  }
}
