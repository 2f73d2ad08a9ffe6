/**
 * Authors the next migration for both providers from prisma/models.prisma, as `prisma migrate dev
 * --create-only` would, using the WebAssembly schema engine on scratch databases.
 *
 *   npx tsx scripts/db-new-migration.ts --name <snake_case>   write prisma/<provider>/migrations/<timestamp>_<name>
 *   npx tsx scripts/db-new-migration.ts --check               exit 1 if the migrations do not produce the schema
 *
 * PostgreSQL work happens on TEST_DATABASE_URL, else DATABASE_URL when it is PostgreSQL, else
 * postgres://postgres@127.0.0.1:5432/postgres, in temporary databases created and dropped here.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { draftMigration, migrationTimestamp } from "../lib/db/migrations/schema-engine-create-migration";
import { checkMigrationDrift } from "../lib/db/migrations/schema-engine-drift";
import { writeMigration } from "../lib/db/migrations/schema-engine-migrations-folder";
import { migrationsDir, renderProviderSchemas } from "../lib/db/schema/render-provider-schemas";

const USAGE = "usage: db-new-migration --name <snake_case> | --check";
const MIGRATION_NAME = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const MAX_MIGRATION_NAME_LENGTH = 100;

class UsageError extends Error {}

type Command = { kind: "create"; name: string } | { kind: "check" };

function parseCommand(argv: string[]): Command {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { name: { type: "string" }, check: { type: "boolean" } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.check && values.name !== undefined) throw new UsageError("--check and --name cannot be combined");
  if (values.check) return { kind: "check" };
  if (values.name === undefined) throw new UsageError("--name is required");
  if (!MIGRATION_NAME.test(values.name) || values.name.length > MAX_MIGRATION_NAME_LENGTH) {
    throw new UsageError(`--name must be snake_case (a-z, 0-9, _) and at most ${MAX_MIGRATION_NAME_LENGTH} characters`);
  }
  return { kind: "create", name: values.name };
}

function relative(file: string) {
  return path.relative(process.cwd(), file);
}

function readOrEmpty(file: string) {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

async function createMigration(name: string) {
  const schemas = renderProviderSchemas();
  for (const schema of schemas) {
    if (readOrEmpty(schema.path) === schema.contents) continue;
    writeFileSync(schema.path, schema.contents);
    console.log(`wrote ${relative(schema.path)}`);
  }

  // Draft both before writing either, so a failure leaves no half-made migration behind.
  const folderName = `${migrationTimestamp()}_${name}`;
  const drafts = [];
  for (const schema of schemas) {
    const directory = migrationsDir(schema.provider);
    if (existsSync(path.join(directory, folderName))) {
      throw new Error(`${relative(path.join(directory, folderName))} already exists`);
    }
    const script = await draftMigration({
      provider: schema.provider,
      schema: schema.contents,
      schemaPath: schema.path,
      migrationsDirectory: directory,
      migrationName: name,
    }).catch((error: unknown) => {
      throw new Error(`${schema.provider}: ${describeError(error)}`, { cause: error });
    });
    drafts.push({ provider: schema.provider, directory, script });
  }

  for (const { provider, directory, script } of drafts) {
    if (script === null) {
      console.log(`${provider}: no schema changes, nothing written`);
      continue;
    }
    console.log(`wrote ${relative(writeMigration({ directory, provider, folderName, script }))}`);
  }
  if (drafts.some((draft) => draft.script === null) && drafts.some((draft) => draft.script !== null)) {
    console.warn("warning: only one provider changed, so the providers' migration folders now differ");
  }
}

async function checkMigrations(): Promise<boolean> {
  let inSync = true;
  for (const schema of renderProviderSchemas()) {
    if (readOrEmpty(schema.path) !== schema.contents) {
      console.error(`${schema.provider}: ${relative(schema.path)} is out of date with prisma/models.prisma`);
      inSync = false;
    }
    const drift = await checkMigrationDrift({
      provider: schema.provider,
      schema: schema.contents,
      schemaPath: schema.path,
      migrationsDirectory: migrationsDir(schema.provider),
    }).catch((error: unknown) => {
      throw new Error(`${schema.provider}: ${describeError(error)}`, { cause: error });
    });
    if (drift.inSync) {
      console.log(`${schema.provider}: migrations match the schema`);
    } else {
      console.error(
        `${schema.provider}: migrations do not match the schema; run npm run db:new-migration -- --name <name>`,
      );
      console.error(indent(drift.script));
      inSync = false;
    }
  }
  return inSync;
}

function indent(text: string) {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

/** One line: Node's connection errors are AggregateErrors whose own message can be empty. */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return describeError(error.errors[0]);
  const message =
    error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);
  return message.replace(/\s+/g, " ").trim();
}

async function main() {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    console.error(`db-new-migration: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    if (command.kind === "check") return (await checkMigrations()) ? 0 : 1;
    await createMigration(command.name);
    return 0;
  } catch (error) {
    console.error(`db-new-migration: ${describeError(error)}`);
    return 1;
  }
}

process.exitCode = await main();
