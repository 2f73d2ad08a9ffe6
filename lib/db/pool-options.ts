/**
 * For a client with its own small pool (the request log's writer): named in pg_stat_activity;
 * on SQLite, how long to wait for another writer's lock. better-sqlite3 waits synchronously,
 * blocking the event loop, so a background writer should wait briefly and retry later instead.
 * Shared by Prisma's client (client.ts) and the data plane's (data-plane/), which must not load Prisma.
 */
export type DbPoolOptions = {
  applicationName?: string;
  maxConnections?: number;
  sqliteBusyTimeoutMs?: number;
  /** PostgreSQL: instead of the configured statement timeout, for background work no request waits on (a retention prune). */
  statementTimeoutMs?: number;
};

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 3_000;
export const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 15_000;
