import { defineConfig } from "vitest/config";

// `npm run test:e2e`: the real-apply suite (Terraform or OpenTofu, the provider mirror, a Docker Engine).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    // A loaded machine (two cores, load 7-10) must not fail a green run: workers in processes of their own, and
    // time for them to report and close.
    pool: "forks",
    teardownTimeout: 120_000,
    reporters: ["default", "json", "./test/skip-summary-reporter.ts"],
    outputFile: { json: "test-results/vitest-e2e.json" },
    testTimeout: 900_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
  },
});
