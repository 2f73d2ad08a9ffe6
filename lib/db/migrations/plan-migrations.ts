import type { MigrationFile } from "./read-migrations";
import type { AppliedMigrationRow } from "./migrations-table";

export class MigrationError extends Error {
  override name = "MigrationError";
}

export type MigrationPlan = { pending: MigrationFile[]; warnings: string[] };

/**
 * Pure: compares the committed migrations with the database's history and says
 * what to apply, refusing the states Prisma's own deploy refuses.
 */
export function planMigrations(files: MigrationFile[], rows: AppliedMigrationRow[]): MigrationPlan {
  const live = rows.filter((row) => row.rolled_back_at == null);
  const failed = live.filter((row) => row.finished_at == null);
  if (failed.length > 0) {
    throw new MigrationError(
      `migration ${failed.map((row) => row.migration_name).join(", ")} failed earlier and is marked unfinished in _prisma_migrations; ` +
        "fix the database by hand, then delete that row (or mark it rolled back) and start again",
    );
  }
  const known = new Set(files.map((file) => file.name));
  const unknown = live.filter((row) => !known.has(row.migration_name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `the database has migrations this version of Switchyard does not know (${unknown.map((row) => row.migration_name).join(", ")}); ` +
        "it was migrated by a newer version — run that version instead",
    );
  }
  const appliedChecksums = new Map(live.map((row) => [row.migration_name, row.checksum]));
  const warnings: string[] = [];
  const pending: MigrationFile[] = [];
  for (const file of files) {
    const checksum = appliedChecksums.get(file.name);
    if (checksum === undefined) pending.push(file);
    else if (checksum !== file.checksum) warnings.push(`migration ${file.name} was modified after it was applied`);
  }
  return { pending, warnings };
}
