import { applyMigrations, createDb, type Db } from "@/lib/db";
import { closeDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const TEST_APP_SECRET = "integration-secret-integration-secret-42";

/** The environment a server or CLI would have for this test database. */
export function appEnv(database: TestDatabase, appSecret = TEST_APP_SECRET): Record<string, string | undefined> {
  return database.provider === "sqlite"
    ? { DATA_DIR: database.dataDir, DATABASE_URL: undefined, APP_SECRET: appSecret }
    : { DATA_DIR: database.dataDir, DATABASE_URL: database.url, APP_SECRET: appSecret };
}

/**
 * Points this test process's configuration at the database, as the server
 * would be, and returns a client for it. Resets the per-process singletons (the gateway's
 * data-plane client opens on its next use, for this database).
 */
export function useAppEnv(database: TestDatabase, appSecret = TEST_APP_SECRET): Db {
  for (const [key, value] of Object.entries(appEnv(database, appSecret))) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const globals = globalThis as { switchyardConfig?: unknown; switchyardSettings?: unknown; switchyardDb?: Db };
  delete globals.switchyardConfig;
  delete globals.switchyardSettings;
  void closeDataPlaneDb();
  globals.switchyardDb = openTestDb(database);
  return globals.switchyardDb;
}

/** A client of its own for a test database (e.g. the one a running server writes to). */
export function openTestDb(database: TestDatabase): Db {
  return createDb(
    database.provider === "sqlite"
      ? { provider: "sqlite", url: database.url, file: database.url.slice("file:".length) }
      : { provider: "postgresql", url: database.url },
  );
}

/** A fresh database of `provider` with every migration applied, and this process pointed at it ({@link useAppEnv}). */
export async function createMigratedDatabase(
  provider: TestDatabase["provider"],
  appSecret = TEST_APP_SECRET,
): Promise<{ database: TestDatabase; db: Db }> {
  const database = await createTestDatabase(provider);
  await applyMigrations(database);
  return { database, db: useAppEnv(database, appSecret) };
}

/** Disconnects from and drops a test database; either may be unset when its setup failed. */
export async function disposeDatabase({ database, db }: { database?: TestDatabase; db?: Db }) {
  await db?.$disconnect();
  await closeDataPlaneDb();
  await database?.dispose();
}
