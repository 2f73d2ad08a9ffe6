import type { DatabaseConfig } from "@/lib/config/env-schema";
import { migrationsDir } from "./schema/render-provider-schemas";
import type { DataPlaneDb } from "./data-plane/data-plane-db";
import { readMigrations } from "./migrations/read-migrations";

export type DatabaseStatus =
  | { ok: true; provider: DatabaseConfig["provider"] }
  | { ok: false; provider: DatabaseConfig["provider"]; reason: string };

let expectedMigrations: string[] | undefined;

/** Reachable, and every committed migration applied. One cheap query. */
export async function checkDatabase(db: DataPlaneDb, provider: DatabaseConfig["provider"]): Promise<DatabaseStatus> {
  expectedMigrations ??= readMigrations(migrationsDir(provider)).map((migration) => migration.name);
  let rows: Array<{ migration_name: string }>;
  try {
    rows = await db.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /_prisma_migrations/.test(message) ? "migrations have not been applied" : "database unreachable";
    return { ok: false, provider, reason };
  }
  const applied = new Set(rows.map((row) => row.migration_name));
  const missing = expectedMigrations.filter((name) => !applied.has(name));
  if (missing.length > 0) return { ok: false, provider, reason: `pending migrations: ${missing.join(", ")}` };
  return { ok: true, provider };
}
