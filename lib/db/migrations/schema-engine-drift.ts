/**
 * The drift check: replaying the committed migrations must produce exactly the schema. Run by
 * `db-new-migration --check` and by tests/integration/migrations-drift.test.ts.
 */
import type { DbProvider } from "../schema/render-provider-schemas";
import { NO_SCHEMA_FILTER, withSchemaEngine } from "./schema-engine";
import { readMigrationsList } from "./schema-engine-migrations-folder";
import { createScratchDatabase } from "./schema-engine-scratch-database";

export type MigrationDriftOptions = {
  provider: DbProvider;
  /** The whole provider schema the migrations should produce. */
  schema: string;
  schemaPath: string;
  migrationsDirectory: string;
  postgresServerUrl?: string;
};

export type MigrationDrift =
  | { inSync: true }
  /** `script` is the SQL a new migration would need. */
  | { inSync: false; script: string };

/** The engine's diff exit code for "the two sides differ". */
const DIFF_NOT_EMPTY = 2;

export async function checkMigrationDrift(options: MigrationDriftOptions): Promise<MigrationDrift> {
  const scratch = await createScratchDatabase(options.provider, options.postgresServerUrl);
  try {
    const migrationsList = readMigrationsList(options.migrationsDirectory);
    const result = await withSchemaEngine(
      { provider: options.provider, url: scratch.url, schema: options.schema, schemaPath: options.schemaPath },
      (engine) =>
        engine.diff({
          // The engine cannot tell the connector of an empty folder (no lock file yet): compare with nothing.
          from: migrationsList.migrationDirectories.length
            ? { tag: "migrations", ...migrationsList }
            : { tag: "empty" },
          to: { tag: "schemaDatamodel", files: [{ path: options.schemaPath, content: options.schema }] },
          script: true,
          exitCode: true,
          filters: NO_SCHEMA_FILTER,
        }),
    );
    return result.exitCode === DIFF_NOT_EMPTY ? { inSync: false, script: result.stdout ?? "" } : { inSync: true };
  } finally {
    await scratch.dispose();
  }
}
