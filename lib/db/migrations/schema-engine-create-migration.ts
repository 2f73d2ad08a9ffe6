/**
 * `prisma migrate dev --create-only`, done in a scratch database: replay the committed migrations, then
 * ask the engine for the script that takes them to the schema.
 */
import type { DbProvider } from "../schema/render-provider-schemas";
import { NO_SCHEMA_FILTER, withSchemaEngine } from "./schema-engine";
import { readMigrationsList } from "./schema-engine-migrations-folder";
import { createScratchDatabase } from "./schema-engine-scratch-database";

export type DraftMigrationOptions = {
  provider: DbProvider;
  /** The whole provider schema to migrate to. */
  schema: string;
  schemaPath: string;
  migrationsDirectory: string;
  migrationName: string;
  postgresServerUrl?: string;
};

/** The SQL of the next migration, or null when the committed migrations already produce the schema. */
export async function draftMigration(options: DraftMigrationOptions): Promise<string | null> {
  const scratch = await createScratchDatabase(options.provider, options.postgresServerUrl);
  try {
    return await withSchemaEngine(
      { provider: options.provider, url: scratch.url, schema: options.schema, schemaPath: options.schemaPath },
      async (engine) => {
        const migrationsList = readMigrationsList(options.migrationsDirectory);
        // The engine reads `_prisma_migrations` before anything else, so the scratch database needs one.
        await engine.applyMigrations({ migrationsList, filters: NO_SCHEMA_FILTER });
        // createMigration reuses the shadow database this replays the history into.
        const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_SCHEMA_FILTER });
        if (diagnostic.action.tag === "reset") {
          throw new Error(`the committed migrations do not replay cleanly: ${diagnostic.action.reason}`);
        }
        const created = await engine.createMigration({
          draft: false,
          migrationName: options.migrationName,
          migrationsList,
          schema: { files: [{ path: options.schemaPath, content: options.schema }] },
          filters: NO_SCHEMA_FILTER,
        });
        return created.migrationScript;
      },
    );
  } finally {
    await scratch.dispose();
  }
}

/** Prisma's folder prefix: the UTC time as YYYYMMDDHHMMSS. */
export function migrationTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}
