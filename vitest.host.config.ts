import { defineConfig } from "vitest/config";

// `npm run test:host`: the host scripts, run for real in a disposable Debian container (Docker Engine needed).
export default defineConfig({
  test: {
    include: ["test/host/**/*.test.ts"],
    globalSetup: ["test/host/global-setup.ts"],
    // A loaded machine (two cores, load 7-10) must not fail a green run: workers in processes of their own, and
    // time for them to report and close.
    pool: "forks",
    teardownTimeout: 120_000,
    reporters: ["default", "json", "./test/skip-summary-reporter.ts"],
    outputFile: { json: "test-results/vitest-host.json" },
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
