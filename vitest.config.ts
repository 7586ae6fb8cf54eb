import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/host/**", "test/e2e/**", "**/node_modules/**"],
    // A loaded machine (two cores, load 7-10) must not fail a green run: workers in processes of their own, and
    // time for them to report and close.
    pool: "forks",
    teardownTimeout: 120_000,
    reporters: ["default", "json", "./test/skip-summary-reporter.ts"],
    outputFile: { json: "test-results/vitest.json" },
    testTimeout: 20_000,
  },
});
