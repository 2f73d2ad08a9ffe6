import type { DatabaseConfig } from "@/lib/env";
import { describePostgresUrl } from "@/lib/db/migrations/apply-migrations";

export function describeDatabase(database: DatabaseConfig) {
  return database.provider === "sqlite" ? `sqlite ${database.file}` : `postgresql ${describePostgresUrl(database.url)}`;
}
