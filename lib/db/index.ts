// The only entry to the database: Prisma clients and drivers are imported under lib/db alone.
export { getDb, createDb, type Db } from "./client";
export { checkDatabase } from "./check-database";
export { applyMigrations } from "./migrations/apply-migrations";
