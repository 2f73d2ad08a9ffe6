import { getConfig } from "@/lib/env";
import { applyMigrations } from "@/lib/db";

/** Commands that touch data first bring the schema up to date (a no-op when it is). */
export async function migrateAndReportQuietly() {
  const report = await applyMigrations(getConfig().database);
  if (report.applied.length) process.stderr.write(`applied migration(s): ${report.applied.join(", ")}\n`);
}
