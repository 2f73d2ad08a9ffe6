// The only entry to the database: Prisma clients and drivers are imported under lib/db alone.
export { getDb, createDb, type Db, type DbPoolOptions } from "./client";
export { checkDatabase, type DatabaseStatus } from "./check-database";
export { applyMigrations, MigrationError, type MigrationReport } from "./migrations/apply-migrations";
