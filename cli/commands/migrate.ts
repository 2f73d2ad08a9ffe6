import { getConfig } from "@/lib/env";
import { applyMigrations } from "@/lib/db";
import type { Command } from "./index";
import { parseOptions } from "../parse-options";
import { describeDatabase } from "../describe-database";

export async function migrateAndReport() {
  const config = getConfig();
  const report = await applyMigrations(config.database);
  for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
  const what = report.applied.length
    ? `applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`
    : `up to date (${report.total} migration(s))`;
  process.stdout.write(`Database ${describeDatabase(config.database)}: ${what}\n`);
  return config;
}

export const migrateCommand: Command = {
  help: `Usage: switchyard migrate

Applies the committed migrations that the database (DATABASE_URL, or the
embedded SQLite under DATA_DIR) has not run yet. Each migration runs in a
transaction; a failure leaves the database unchanged and exits 1.`,
  async run(argv) {
    parseOptions(argv, {});
    await migrateAndReport();
  },
};
