/**
 * The provider schemas and their migrations must follow prisma/models.prisma: edit the models, then run
 * `npm run db:schemas` and `npm run db:new-migration -- --name <name>`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkMigrationDrift } from "@/lib/db/migrations/schema-engine-drift";
import { migrationFolderNames } from "@/lib/db/migrations/schema-engine-migrations-folder";
import {
  DB_PROVIDERS,
  migrationsDir,
  renderProviderSchemas,
  type DbProvider,
} from "@/lib/db/schema/render-provider-schemas";
import { postgresUrl, testProviders } from "../helpers/test-database";

const renderedSchemas = renderProviderSchemas();

function renderedSchema(provider: DbProvider) {
  return renderedSchemas.find((schema) => schema.provider === provider)!;
}

function checkDrift(provider: DbProvider, schema: string) {
  return checkMigrationDrift({
    provider,
    schema,
    schemaPath: renderedSchema(provider).path,
    migrationsDirectory: migrationsDir(provider),
    postgresServerUrl: postgresUrl,
  });
}

describe("schema files and migrations follow prisma/models.prisma", () => {
  it.each(DB_PROVIDERS)("prisma/%s/schema.prisma is up to date", (provider) => {
    const { path, contents } = renderedSchema(provider);
    expect(readFileSync(path, "utf8")).toBe(contents);
  });

  it("both providers have the same migration folders", () => {
    const sqlite = migrationFolderNames(migrationsDir("sqlite"));
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationFolderNames(migrationsDir("postgresql"))).toEqual(sqlite);
  });

  describe.each(testProviders)("%s", (provider) => {
    it("replaying the committed migrations yields exactly the schema", async () => {
      expect(await checkDrift(provider, renderedSchema(provider).contents)).toEqual({ inSync: true });
    });

    it("a model edited without a new migration is drift", async () => {
      const schema = renderedSchema(provider).contents;
      const edited = schema.replace(/^model Setting \{$/m, "model Setting {\n  driftProbe String?");
      expect(edited).not.toBe(schema);

      const drift = await checkDrift(provider, edited);

      expect(drift.inSync).toBe(false);
      expect(drift.inSync === false && drift.script).toMatch(/ADD COLUMN\s+"driftProbe" TEXT/);
    });
  });
});
