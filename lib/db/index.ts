// The only entry to the database: Prisma clients and drivers are imported under lib/db alone.
// The gateway's processes use lib/db/data-plane instead (no Prisma, see that folder).
export { getDb, createDb, type Db } from "./client";
export { applyMigrations } from "./migrations/apply-migrations";
