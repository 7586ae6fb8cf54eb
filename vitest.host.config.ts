import { defineConfig } from "vitest/config";

// `npm run test:host`: the host scripts, run for real in a disposable Debian container (Docker Engine needed).
export default defineConfig({
  test: {
    include: ["test/host/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest-host.json" },
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
