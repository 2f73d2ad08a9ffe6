import Database from "better-sqlite3";
import { preparePrivateSqliteFile } from "../private-sqlite-file";
import type { DataPlaneDb, SqlValue } from "./data-plane-db";
import { dataPlaneError } from "./driver-error";
import { sqliteDate } from "./sql-values";

/** Distinct statements are few (one per query, a handful of batch sizes); the cap only bounds a surprise. */
const MAX_CACHED_STATEMENTS = 200;

/**
 * The embedded database through better-sqlite3, as Prisma's adapter opens it: the same busy
 * timeout and safe integers. Synchronous, so each statement is prepared once and kept.
 */
export function sqliteDataPlaneDb(file: string, busyTimeoutMs: number): DataPlaneDb {
  let db: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();

  const open = () => {
    if (db) return db;
    preparePrivateSqliteFile(file);
    db = new Database(file, { timeout: busyTimeoutMs });
    db.defaultSafeIntegers(true);
    return db;
  };

  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      statement = open().prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const run = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(dataPlaneError(error));
    }
  };

  return {
    provider: "sqlite",
    query: <Row>(sql: string, params: readonly SqlValue[] = []) =>
      run(() => prepared(sql).all(...params.map(toSqlite)) as Row[]),
    execute: (sql, params = []) => run(() => prepared(sql).run(...params.map(toSqlite)).changes),
    async close() {
      statements.clear();
      db?.close();
      db = undefined;
    },
  };
}

function toSqlite(value: SqlValue): string | number | bigint | null {
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
