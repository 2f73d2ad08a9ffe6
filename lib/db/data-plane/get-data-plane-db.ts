import type { DatabaseConfig } from "@/lib/config/env-schema";
import { getConfig } from "@/lib/env";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_SQLITE_BUSY_TIMEOUT_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type DbPoolOptions,
} from "../pool-options";
import type { DataPlaneDb } from "./data-plane-db";
import { postgresDataPlaneDb } from "./postgres-data-plane-db";
import { sqliteDataPlaneDb } from "./sqlite-data-plane-db";

/** A data-plane client of its own, bounded as getDb()'s is (the request log's writer has one, with its own pool options). */
export function createDataPlaneDb(database: DatabaseConfig, pool: DbPoolOptions = {}): DataPlaneDb {
  if (database.provider === "sqlite")
    return sqliteDataPlaneDb(database.file, pool.sqliteBusyTimeoutMs ?? DEFAULT_SQLITE_BUSY_TIMEOUT_MS);
  return postgresDataPlaneDb(database.url, {
    connectTimeoutMs: database.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: pool.statementTimeoutMs ?? database.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    applicationName: pool.applicationName,
    maxConnections: pool.maxConnections,
  });
}

const globalForDb = globalThis as unknown as { switchyardDataPlaneDb?: DataPlaneDb };

/** The process-wide data-plane client, like getDb() (a globalThis singleton, so dev hot reload opens no new pools). */
export function getDataPlaneDb(): DataPlaneDb {
  globalForDb.switchyardDataPlaneDb ??= createDataPlaneDb(getConfig().database);
  return globalForDb.switchyardDataPlaneDb;
}

/** Closes the process-wide client; the next getDataPlaneDb() opens one for the configuration then (tests). */
export async function closeDataPlaneDb(): Promise<void> {
  const db = globalForDb.switchyardDataPlaneDb;
  globalForDb.switchyardDataPlaneDb = undefined;
  await db?.close();
}
