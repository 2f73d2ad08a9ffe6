// The entry to the database for the admin UI: Prisma clients and drivers are imported under lib/db alone.
// The gateway's processes load no Prisma: they use the data-plane client (data-plane/get-data-plane-db.ts).
export { getDb, createDb, type Db } from "./client";
export { applyMigrations, MigrationError } from "./migrations/apply-migrations";
