// `npm test`: schema, type, format and lint checks; unit + integration (vitest, SQLite and — with TEST_DATABASE_URL — PostgreSQL),
// then end-to-end in Debian's Chromium (Playwright builds and starts the app).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) {
  if (process.env.CI) {
    console.error("TEST_DATABASE_URL must be set in CI: the PostgreSQL suite is required there.");
    process.exit(1);
  }
  console.warn("TEST_DATABASE_URL is not set: the PostgreSQL suites are skipped.");
}

const failures = [];
if (run("npx", ["tsx", "scripts/db-schemas.ts", "--check"]) !== 0) failures.push("provider schemas");
// Next's route types (PageProps, typed routes) are generated, not committed.
if (run("npx", ["next", "typegen"]) !== 0 || run("npx", ["tsc", "--noEmit", "-p", "."]) !== 0)
  failures.push("typecheck");
if (run("npm", ["run", "--silent", "format:check"]) !== 0) failures.push("format (npm run format fixes it)");
if (run("npm", ["run", "--silent", "lint"]) !== 0) failures.push("lint");
if (run("npx", ["vitest", "run"]) !== 0) failures.push("vitest");

let e2eDatabase;
if (postgresUrl) {
  e2eDatabase = `switchyard_e2e_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${e2eDatabase}"`);
  await admin.end();
}
rmSync("tests/.artifacts/e2e-data", { recursive: true, force: true });
const e2eUrl = e2eDatabase ? Object.assign(new URL(postgresUrl), { pathname: `/${e2eDatabase}` }).toString() : "";
if (run("npx", ["playwright", "test"], { E2E_DATABASE_URL: e2eUrl }) !== 0) failures.push("playwright");

if (e2eDatabase) {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${e2eDatabase}" WITH (FORCE)`);
  await admin.end();
}

if (failures.length) {
  console.error(`\nFAILED: ${failures.join(", ")}`);
  process.exit(1);
}
console.log("\nAll test suites passed.");
