// Prints vitest's JSON report as one plain closing line: "N passed, N failed, N skipped".
// A test file that fails to load counts as one failure, so the line never hides a broken suite.
import { readFileSync } from "node:fs";

const r = JSON.parse(readFileSync(process.argv[2] ?? "test-results/vitest.json", "utf8"));
const brokenFiles = (r.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
const skipped = r.numPendingTests + (r.numTodoTests ?? 0);
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles} failed, ${skipped} skipped`);
