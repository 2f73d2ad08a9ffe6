import { getDb, type Db } from "@/lib/db";
import { migrateAndReportQuietly } from "./commands/migrate-quietly";

/** Runs a command's work against an up-to-date database and closes the connection afterwards. */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  await migrateAndReportQuietly();
  const db = getDb();
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
