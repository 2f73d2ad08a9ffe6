/**
 * Fresh, isolated databases for tests: a temp SQLite file, or a new PostgreSQL
 * database created on the server named by TEST_DATABASE_URL (dropped afterwards).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export type TestDatabase = {
  provider: "sqlite" | "postgresql";
  /** `file:/abs/path.db` for SQLite, `postgres://…/name` for PostgreSQL. */
  url: string;
  /** The DATA_DIR that holds the SQLite file (a temp dir for PostgreSQL too). */
  dataDir: string;
  dispose(): Promise<void>;
};

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;

/** Providers to run a suite against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testProviders = (postgresUrl ? ["sqlite", "postgresql"] : ["sqlite"]) as Array<"sqlite" | "postgresql">;

export async function createTestDatabase(provider: "sqlite" | "postgresql"): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "switchyard-test-"));
  if (provider === "sqlite") {
    return {
      provider,
      url: `file:${path.join(dataDir, "switchyard.db")}`,
      dataDir,
      async dispose() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `switchyard_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    provider,
    url: url.toString(),
    dataDir,
    async dispose() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
