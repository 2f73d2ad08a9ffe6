import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseConfig } from "@/lib/config/env-schema";
import { getConfig } from "@/lib/env";
import { preparePrivateSqliteFile } from "./private-sqlite-file";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_SQLITE_BUSY_TIMEOUT_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type DbPoolOptions,
} from "./pool-options";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "./database-unavailable";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";

/**
 * Encrypted columns are never selected unless a query asks (`omit: { secretCiphertext: false }`),
 * nor are attachment bytes (`omit: { data: false }`).
 * Both generated clients come from the same models (prisma/models.prisma), so
 * their APIs are identical; the SQLite client's type stands for both.
 */
const OMIT = { providerCredential: { secretCiphertext: true }, playgroundAttachment: { data: true } } as const;
export type Db = SqlitePrismaClient<never, typeof OMIT>;

export function createDb(database: DatabaseConfig, pool: DbPoolOptions = {}): Db {
  if (database.provider === "sqlite") {
    const timeout = pool.sqliteBusyTimeoutMs ?? DEFAULT_SQLITE_BUSY_TIMEOUT_MS;
    preparePrivateSqliteFile(database.file);
    const client = new SqlitePrismaClient({
      adapter: new PrismaBetterSqlite3({ url: database.url, timeout }),
      omit: OMIT,
    });
    return withUnavailableAsAppError(client) as unknown as Db;
  }
  const statementTimeoutMs = pool.statementTimeoutMs ?? database.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const adapter = new PrismaPg({
    connectionString: database.url,
    // A stalled server must not hang requests: opening a connection (or waiting for one from the
    // pool) and each statement are bounded. The server cancels a slow statement itself; the
    // client-side read timeout, a second later, covers a server or network that stopped answering.
    connectionTimeoutMillis: database.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1_000,
    ...(pool.applicationName ? { application_name: pool.applicationName } : {}),
    ...(pool.maxConnections ? { max: pool.maxConnections } : {}),
  });
  const client = new PostgresPrismaClient({ adapter, omit: OMIT });
  return withUnavailableAsAppError(client) as unknown as Db;
}

/**
 * Every query (model operations and raw SQL) that fails because the database is unreachable or
 * too slow throws {@link DatabaseUnavailableError}: each edge renders it as a 503 with retry-after.
 */
function withUnavailableAsAppError(client: unknown) {
  return (client as SqlitePrismaClient<never, typeof OMIT>).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
        }
      },
    },
  });
}

const globalForDb = globalThis as unknown as { switchyardDb?: Db };

/** The process-wide client (a globalThis singleton so dev hot reload does not open new pools). */
export function getDb(): Db {
  globalForDb.switchyardDb ??= createDb(getConfig().database);
  return globalForDb.switchyardDb;
}
