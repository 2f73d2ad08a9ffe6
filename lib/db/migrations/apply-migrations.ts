import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "@/lib/config/env-schema";
import { migrationsDir } from "../schema/render-provider-schemas";
import { preparePrivateSqliteFile } from "../private-sqlite-file";
import {
  PRISMA_ADVISORY_LOCK_KEY,
  POSTGRES_MIGRATIONS_TABLE,
  SQLITE_MIGRATIONS_TABLE,
  type AppliedMigrationRow,
} from "./migrations-table";
import { MigrationError, planMigrations } from "./plan-migrations";
import { readMigrations, type MigrationFile } from "./read-migrations";

export type MigrationTarget = Pick<DatabaseConfig, "provider" | "url">;
export type MigrationReport = { applied: string[]; total: number; warnings: string[] };

const SELECT_ROWS = `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`;

/**
 * Applies pending migrations, each in its own transaction together with its
 * `_prisma_migrations` row: a failing migration leaves the database exactly as it was.
 */
export async function applyMigrations(
  target: MigrationTarget,
  migrations: MigrationFile[] = readMigrations(migrationsDir(target.provider)),
): Promise<MigrationReport> {
  return target.provider === "sqlite"
    ? applySqlite(sqliteFileFromUrl(target.url), migrations)
    : applyPostgres(target.url, migrations);
}

export function sqliteFileFromUrl(url: string) {
  return url.replace(/^file:/, "");
}

function failure(migration: MigrationFile, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return new MigrationError(
    `migration ${migration.name} failed and was rolled back; the database is unchanged. Reason: ${reason}`,
  );
}

function applySqlite(file: string, migrations: MigrationFile[]): MigrationReport {
  preparePrivateSqliteFile(file);
  const db = new Database(file, { timeout: 15_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_MIGRATIONS_TABLE);
    // Table redefinitions need foreign keys off, and that pragma is ignored inside a
    // transaction; foreign_key_check below keeps integrity. (sqlite.org/lang_altertable.html)
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    let warnings: string[] = [];
    for (;;) {
      // BEGIN IMMEDIATE takes the write lock before we read the history, so a CLI and a
      // server starting together apply each migration once.
      db.exec("BEGIN IMMEDIATE");
      let next: MigrationFile | undefined;
      try {
        const plan = planMigrations(migrations, db.prepare(SELECT_ROWS).all() as AppliedMigrationRow[]);
        warnings = plan.warnings;
        next = plan.pending[0];
        if (!next) {
          db.exec("COMMIT");
          break;
        }
        const startedAt = new Date().toISOString();
        db.exec(next.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) throw new Error(`foreign key check failed on ${violations.length} row(s)`);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), next.checksum, new Date().toISOString(), next.name, startedAt);
        db.exec("COMMIT");
        applied.push(next.name);
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        if (error instanceof MigrationError || !next) throw error;
        throw failure(next, error);
      }
    }
    return { applied, total: migrations.length, warnings };
  } finally {
    db.pragma("foreign_keys = ON");
    db.close();
  }
}

async function applyPostgres(url: string, migrations: MigrationFile[]): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(
      `cannot connect to PostgreSQL at ${describePostgresUrl(url)}: ${(error as Error).message}`,
    );
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(POSTGRES_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedMigrationRow>(SELECT_ROWS);
    const plan = planMigrations(migrations, rows);
    const applied: string[] = [];
    for (const migration of plan.pending) {
      try {
        await client.query("BEGIN");
        const startedAt = new Date();
        // Simple-query protocol (no parameters) runs the whole script, `$$` bodies included.
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw failure(migration, error);
      }
    }
    return { applied, total: migrations.length, warnings: plan.warnings };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** host:port/database without credentials, for messages. */
export function describePostgresUrl(url: string) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
