/**
 * Asks Prisma's own engine whether a database's `_prisma_migrations` history agrees with the committed
 * migrations folder: the judgement `prisma migrate deploy` / `migrate status` would make. Tests use it
 * to prove our applier leaves databases that stock Prisma accepts.
 */
import type { DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { migrationsDir, renderProviderSchemas, type DbProvider } from "../schema/render-provider-schemas";
import { NO_SCHEMA_FILTER, SchemaEngineError, TABLE_DOES_NOT_EXIST, withSchemaEngine } from "./schema-engine";
import { readMigrationsList } from "./schema-engine-migrations-folder";

export type HistoryDiagnosis = {
  /** Nothing pending, nothing failed, nothing edited, nothing unknown, and no drift. */
  consistent: boolean;
  hasMigrationsTable: boolean;
  /** In the folder, not yet applied. */
  pendingMigrationNames: string[];
  /** Recorded in the database, missing from the folder. */
  unknownMigrationNames: string[];
  failedMigrationNames: string[];
  /** Applied with a checksum that no longer matches migration.sql. */
  editedMigrationNames: string[];
  /** Why the engine would reset the database when the history itself is clean (its schema drifted), else null. */
  drift: string | null;
};

export async function diagnoseHistory(
  provider: DbProvider,
  url: string,
  migrationsDirectory: string = migrationsDir(provider),
): Promise<HistoryDiagnosis> {
  const schema = renderProviderSchemas().find((candidate) => candidate.provider === provider)!;
  const migrationsList = readMigrationsList(migrationsDirectory);
  return withSchemaEngine({ provider, url, schema: schema.contents, schemaPath: schema.path }, async (engine) => {
    const history = await engine
      .diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_SCHEMA_FILTER })
      .catch((error: unknown) => {
        // On SQLite the engine reports a database without `_prisma_migrations` as an error, not a diagnosis.
        if (error instanceof SchemaEngineError && error.code === TABLE_DOES_NOT_EXIST) {
          return withoutMigrationsTable(migrationsList.migrationDirectories.map((directory) => directory.path));
        }
        throw error;
      });
    const diagnosis: HistoryDiagnosis = {
      consistent: false,
      hasMigrationsTable: history.hasMigrationsTable,
      pendingMigrationNames:
        history.history && "unappliedMigrationNames" in history.history ? history.history.unappliedMigrationNames : [],
      unknownMigrationNames:
        history.history && "unpersistedMigrationNames" in history.history
          ? history.history.unpersistedMigrationNames
          : [],
      failedMigrationNames: history.failedMigrationNames,
      editedMigrationNames: history.editedMigrationNames,
      drift: null,
    };
    const historyIsClean =
      history.hasMigrationsTable &&
      history.history === null &&
      history.failedMigrationNames.length === 0 &&
      history.editedMigrationNames.length === 0;
    if (!historyIsClean) return diagnosis;

    // With the history clean, the only reason left to reset is a schema that differs from the replay.
    const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_SCHEMA_FILTER });
    diagnosis.drift = action.tag === "reset" ? action.reason : null;
    diagnosis.consistent = diagnosis.drift === null;
    return diagnosis;
  });
}

/** What the engine reports on PostgreSQL for a database that never had migrations applied. */
function withoutMigrationsTable(folderNames: string[]): DiagnoseMigrationHistoryOutput {
  return {
    hasMigrationsTable: false,
    failedMigrationNames: [],
    editedMigrationNames: [],
    history: folderNames.length ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: folderNames } : null,
  };
}
