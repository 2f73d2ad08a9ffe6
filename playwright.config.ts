import path from "node:path";
import { defineConfig } from "@playwright/test";

// Debian's Chromium; never a downloaded browser. Flags keep it off the (closed) network.
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

// E2E_PORT_BASE (or TEST_PORT_OFFSET, as for the integration suites) lets several checkouts run their suites side by side.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100 + Number(process.env.TEST_PORT_OFFSET ?? 0));
export const E2E_PORTS = { sqlite: portBase, postgresql: portBase + 1 } as const;
export const E2E_DATA_DIR = path.resolve("tests/.artifacts/e2e-data");
const E2E_APP_SECRET = "e2e-secret-e2e-secret-e2e-secret-012345";
/** The first-run token the servers accept (SETUP_TOKEN), typed into /setup by the suite. */
export const E2E_SETUP_TOKEN = "e2e-setup-token-0123456789";

const server = (port: number, env: Record<string, string>) => ({
  command: "node bin/switchyard.mjs start",
  url: `http://127.0.0.1:${port}/api/health`,
  timeout: 240_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  env: { HOST: "127.0.0.1", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", SETUP_TOKEN: E2E_SETUP_TOKEN, ...env },
});

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.artifacts/test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORTS.sqlite}`,
    launchOptions: CHROMIUM,
    trace: "retain-on-failure",
  },
  webServer: [
    server(E2E_PORTS.sqlite, { DATA_DIR: path.join(E2E_DATA_DIR, "sqlite"), DATABASE_URL: "" }),
    // PostgreSQL instance: scripts/test.mjs creates a fresh database and passes its URL.
    ...(process.env.E2E_DATABASE_URL
      ? [
          server(E2E_PORTS.postgresql, {
            DATA_DIR: path.join(E2E_DATA_DIR, "postgresql"),
            DATABASE_URL: process.env.E2E_DATABASE_URL,
            APP_SECRET: E2E_APP_SECRET,
          }),
        ]
      : []),
  ],
});
