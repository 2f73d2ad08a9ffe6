import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type MigrationFile = {
  /** Folder name, e.g. `20261123120000_init`. */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, as Prisma stores it in `_prisma_migrations.checksum`. */
  checksum: string;
};

/** The committed migrations of one provider, in the order Prisma applies them (folder names sort by timestamp). */
export function readMigrations(directory: string): MigrationFile[] {
  let entries: string[];
  try {
    entries = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries.map((name) => {
    const sql = readFileSync(path.join(directory, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
}
