import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { applyMigrations, sqliteFileFromUrl } from "@/lib/db/migrations/apply-migrations";
import { readMigrations, type MigrationFile } from "@/lib/db/migrations/read-migrations";
import { diagnoseHistory } from "@/lib/db/migrations/schema-engine-diagnose-history";
import { migrationsDir } from "@/lib/db/schema/render-provider-schemas";
import { createTestDatabase, testProviders, type TestDatabase } from "../helpers/test-database";

const migration = (name: string, sql: string): MigrationFile => ({
  name,
  sql,
  checksum: createHash("sha256").update(sql).digest("hex"),
});

async function query(database: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  if (database.provider === "sqlite") {
    const db = new Database(sqliteFileFromUrl(database.url));
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.each(testProviders)("applyMigrations on %s", (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("applies the committed migrations to a fresh database, then nothing more", async () => {
    const committed = readMigrations(migrationsDir(provider));
    const first = await applyMigrations(database);
    expect(first.applied).toEqual(committed.map((m) => m.name));
    const rows = await query(
      database,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
    );
    expect(rows.map((row) => [row.migration_name, row.checksum, Number(row.applied_steps_count)])).toEqual(
      committed.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((row) => row.finished_at != null)).toBe(true);
    expect(await applyMigrations(database)).toEqual({ applied: [], total: committed.length, warnings: [] });
  });

  it("writes a history Prisma's own migrate accepts (nothing pending, failed, edited or drifted)", async () => {
    await applyMigrations(database);
    const diagnosis = await diagnoseHistory(provider, database.url);
    expect(diagnosis).toMatchObject({
      consistent: true,
      pendingMigrationNames: [],
      failedMigrationNames: [],
      editedMigrationNames: [],
      drift: null,
    });
  });

  it("rolls a failing migration back entirely and keeps earlier data", async () => {
    const good = migration(
      "20260101000000_notes",
      `CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL);\nINSERT INTO "Note" ("id", "body") VALUES (1, 'keep me');`,
    );
    const bad = migration(
      "20260102000000_broken",
      `ALTER TABLE "Note" ADD COLUMN "extra" TEXT;\nDELETE FROM "Note";\nTHIS IS NOT SQL;`,
    );
    await applyMigrations(database, [good]);
    await expect(applyMigrations(database, [good, bad])).rejects.toThrow(
      /migration 20260102000000_broken failed and was rolled back; the database is unchanged/,
    );
    expect(await query(database, `SELECT "body" FROM "Note"`)).toEqual([{ body: "keep me" }]);
    const names = (await query(database, `SELECT migration_name FROM "_prisma_migrations"`)).map(
      (row) => row.migration_name,
    );
    expect(names).toEqual([good.name]);
    // The partial ALTER was rolled back too: the fixed migration can add the column.
    const fixed = migration("20260102000000_broken", `ALTER TABLE "Note" ADD COLUMN "extra" TEXT;`);
    expect((await applyMigrations(database, [good, fixed])).applied).toEqual([fixed.name]);
  });

  it("applies each migration once when two processes start together", async () => {
    const migrations = [migration("20260101000000_a", `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`)];
    const results = await Promise.all([applyMigrations(database, migrations), applyMigrations(database, migrations)]);
    expect(results.flatMap((result) => result.applied)).toEqual(["20260101000000_a"]);
  });
});
