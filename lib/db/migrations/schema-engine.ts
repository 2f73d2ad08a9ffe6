/**
 * Prisma's schema engine (WebAssembly build) driven through our driver adapters, for tooling and tests
 * only: authoring migrations, the drift check and history diagnostics. The app applies migrations with
 * its own applier (apply.ts) and never loads this.
 */
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from "@prisma/driver-adapter-utils";
import type {
  ApplyMigrationsInput,
  ApplyMigrationsOutput,
  CreateMigrationInput,
  CreateMigrationOutput,
  DevDiagnosticInput,
  DevDiagnosticOutput,
  DiagnoseMigrationHistoryInput,
  DiagnoseMigrationHistoryOutput,
  DiffParams,
  DiffResult,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DbProvider } from "../schema/render-provider-schemas";
import { createSchemaEngineAdapterFactory } from "./schema-engine-adapters";
import { lastPanicMessage, loadSchemaEngineModule } from "./schema-engine-wasm";

export type SchemaEngine = {
  readonly provider: DbProvider;
  applyMigrations(input: ApplyMigrationsInput): Promise<ApplyMigrationsOutput>;
  createMigration(input: CreateMigrationInput): Promise<CreateMigrationOutput>;
  devDiagnostic(input: DevDiagnosticInput): Promise<DevDiagnosticOutput>;
  diagnoseMigrationHistory(input: DiagnoseMigrationHistoryInput): Promise<DiagnoseMigrationHistoryOutput>;
  diff(params: DiffParams): Promise<DiffResult>;
  /** Frees the engine and closes every connection it opened, shadow databases included. */
  dispose(): Promise<void>;
};

export type OpenSchemaEngineOptions = {
  provider: DbProvider;
  /** The main database: `file:/abs/path.db` or `postgres://…`. */
  url: string;
  /** A whole provider schema (datasource block included), e.g. prisma/sqlite/schema.prisma. */
  schema: string;
  /** Where that schema lives; the engine only uses it in messages. */
  schemaPath: string;
};

export const NO_SCHEMA_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** An engine call failed; `cause` is the adapter's original error when there was one. */
export class SchemaEngineError extends Error {
  override name = "SchemaEngineError";

  constructor(
    message: string,
    options: { cause: unknown },
    /** Prisma's error code (`P1014`, …) when the engine gave one. */
    readonly code?: string,
  ) {
    super(message, options);
  }
}

/** Prisma's "the underlying table does not exist", which the engine raises for a missing `_prisma_migrations`. */
export const TABLE_DOES_NOT_EXIST = "P1014";

export async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<SchemaEngine> {
  const wasm = await loadSchemaEngineModule();
  const adapterFactory = createSchemaEngineAdapterFactory(options.provider, options.url);
  const boundFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const mapError = (error: unknown) => toSchemaEngineError(error, boundFactory.errorRegistry);

  const engine = await wasm.SchemaEngine.new(
    { datamodels: [[options.schemaPath, options.schema]] },
    logEngineMessage,
    boundFactory,
  ).catch(async (error: unknown) => {
    await adapterFactory.disposeAll().catch(() => {});
    throw mapError(error);
  });

  const call =
    <Input, Output>(method: (input: Input) => Promise<Output>) =>
    (input: Input) =>
      method.call(engine, input).catch((error: unknown) => {
        throw mapError(error);
      });

  let disposed = false;
  return {
    provider: options.provider,
    applyMigrations: call(engine.applyMigrations),
    createMigration: call(engine.createMigration),
    devDiagnostic: call(engine.devDiagnostic),
    diagnoseMigrationHistory: call(engine.diagnoseMigrationHistory),
    diff: call(engine.diff),
    async dispose() {
      if (disposed) return;
      disposed = true;
      engine.free();
      await adapterFactory.disposeAll();
    },
  };
}

/** Opens an engine, runs `work`, and always disposes it. */
export async function withSchemaEngine<Result>(
  options: OpenSchemaEngineOptions,
  work: (engine: SchemaEngine) => Promise<Result>,
): Promise<Result> {
  const engine = await openSchemaEngine(options);
  try {
    return await work(engine);
  } finally {
    await engine.dispose();
  }
}

const EXTERNAL_ERROR = /External error id#(\d+)/;
/** The Rust backtrace the engine appends to its messages: `   0: crate::module::function`… */
const BACKTRACE = /\n\s+0: [\s\S]*$/;

/**
 * Errors the adapter throws reach the engine as registry ids and come back as `External error id#N`;
 * a Rust panic comes back as a bare RuntimeError whose message the glue left in the panic registry.
 */
function toSchemaEngineError(error: unknown, registry: ErrorRegistry): SchemaEngineError {
  if (error instanceof WebAssembly.RuntimeError) {
    return new SchemaEngineError(`schema engine panicked: ${lastPanicMessage() ?? error.message}`, { cause: error });
  }
  const code = errorCode(error);
  let message = errorMessage(error).replace(BACKTRACE, "").trim();
  const external = EXTERNAL_ERROR.exec(message);
  const original = external ? registry.consumeError(Number(external[1]))?.error : undefined;
  if (original === undefined) return new SchemaEngineError(message, { cause: error }, code);
  message = message.replace(EXTERNAL_ERROR, () => errorMessage(original));
  return new SchemaEngineError(message, { cause: original }, code);
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  return typeof code === "string" ? code : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

/** The engine logs one JSON line per event; SWITCHYARD_SCHEMA_ENGINE_LOG=1 shows them. */
function logEngineMessage(message: string) {
  if (process.env.SWITCHYARD_SCHEMA_ENGINE_LOG) console.error(`[schema-engine] ${message}`);
}
