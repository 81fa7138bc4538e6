import { defineConfig } from "vitest/config";

/** The browser suite: real servers, real Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
