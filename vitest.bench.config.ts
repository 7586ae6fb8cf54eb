import { defineConfig } from "vitest/config";

// Second part of `npm run bench`: apply-to-healthy and second-plan wall times on the local Docker Engine.
export default defineConfig({
  test: {
    include: ["test/e2e/apply.bench.ts"],
    testTimeout: 3_600_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
  },
});
