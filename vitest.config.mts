import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside Next's react-server build; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "lib/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "cli/**/*.test.ts", "tests/integration/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // A hang guard, not a speed check: tests that spawn the CLI or the app take long on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
