import { defineConfig } from "@playwright/test";
import config from "./playwright.config";

/** `npm run bench:playground`: the measurements under tests/perf, on the e2e suite's servers. */
export default defineConfig({ ...config, testDir: "tests/perf", timeout: 15 * 60_000 });
