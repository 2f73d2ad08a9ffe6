import pg from "pg";
import type { DataPlaneDb, SqlValue } from "./data-plane-db";
import { dataPlaneError } from "./driver-error";

export type PostgresPoolOptions = {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  applicationName?: string;
  maxConnections?: number;
};

const TIMESTAMP_OID = 1114;
const TIMESTAMPTZ_OID = 1184;

/**
 * Prisma keeps DateTime in TIMESTAMP(3) columns (no time zone) as UTC: read them as UTC, not in
 * the process's zone as node-postgres would. BIGINT stays text (node-postgres's default); the
 * callers decode it (sql-values.ts).
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * PostgreSQL through a node-postgres pool, bounded like getDb()'s (lib/db/client.ts): opening a
 * connection (or waiting for one) and each statement time out, so a stalled server is a 503,
 * not a hung request.
 */
export function postgresDataPlaneDb(url: string, options: PostgresPoolOptions): DataPlaneDb {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    // The server cancels a slow statement itself; this, a second later, covers one that stopped answering.
    query_timeout: options.statementTimeoutMs + 1_000,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    ...(options.maxConnections ? { max: options.maxConnections } : {}),
    types,
  });
  // An idle connection the server closed (a restart, a dropped proxy) must not crash the process:
  // the pool discards it, and the next query opens another.
  pool.on("error", () => {});

  const run = async (sql: string, params: readonly SqlValue[]) => {
    try {
      return await pool.query(numbered(sql), params.map(toPostgres));
    } catch (error) {
      throw dataPlaneError(error);
    }
  };

  return {
    provider: "postgresql",
    query: async <Row>(sql: string, params: readonly SqlValue[] = []) => (await run(sql, params)).rows as Row[],
    execute: async (sql, params = []) => (await run(sql, params)).rowCount ?? 0,
    close: () => pool.end(),
  };
}

const renderedStatements = new Map<string, string>();

/** `?` → `$1`, `$2`, …: statements are written once for both dialects. */
function numbered(sql: string): string {
  let rendered = renderedStatements.get(sql);
  if (rendered === undefined) {
    let index = 0;
    rendered = sql.replace(/\?/g, () => `$${++index}`);
    if (renderedStatements.size >= 200) renderedStatements.clear();
    renderedStatements.set(sql, rendered);
  }
  return rendered;
}

/**
 * A date as UTC text: a TIMESTAMP column ignores the zone, and node-postgres would send a Date in
 * the process's local time. Bigints as text, which node-postgres cannot serialize itself.
 */
function toPostgres(value: SqlValue): string | number | boolean | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}
