import { defineConfig } from "vitest/config";

// `npm run test:e2e`: the real-apply suite (Terraform or OpenTofu, the provider mirror, a Docker Engine).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest-e2e.json" },
    testTimeout: 900_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
  },
});
