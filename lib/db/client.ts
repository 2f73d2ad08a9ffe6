import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseConfig } from "@/lib/config/env-schema";
import { getConfig } from "@/lib/env";
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

export function createDb(database: DatabaseConfig): Db {
  if (database.provider === "sqlite") {
    return new SqlitePrismaClient({ adapter: new PrismaBetterSqlite3({ url: database.url, timeout: 15_000 }), omit: OMIT });
  }
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), omit: OMIT });
  return client as unknown as Db;
}

const globalForDb = globalThis as unknown as { switchyardDb?: Db };

/** The process-wide client (a globalThis singleton so dev hot reload does not open new pools). */
export function getDb(): Db {
  globalForDb.switchyardDb ??= createDb(getConfig().database);
  return globalForDb.switchyardDb;
}
