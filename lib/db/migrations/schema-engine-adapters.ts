/**
 * Driver adapter factories shaped for the schema engine, with the workarounds it needs on
 * @prisma/adapter-better-sqlite3 and @prisma/adapter-pg 7.10 (see docs STACK.md, "Database").
 */
import { randomBytes } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { DbProvider } from "../schema/render-provider-schemas";

/** An adapter factory that also closes every connection it handed out, whether or not the engine did. */
export type SchemaEngineAdapterFactory = SqlMigrationAwareDriverAdapterFactory & {
  disposeAll(): Promise<void>;
};

export function createSchemaEngineAdapterFactory(provider: DbProvider, url: string): SchemaEngineAdapterFactory {
  return provider === "sqlite" ? createSqliteFactory(url) : createPostgresFactory(url);
}

function createSqliteFactory(url: string): SchemaEngineAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url }, { shadowDatabaseUrl: ":memory:" });
  const connections = new ConnectionTracker();
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => connections.track(await factory.connect()),
    // Shadow replay sends each migration script whole through executeRaw, and better-sqlite3 prepares
    // only single statements: a script carries no parameters, so run it as one.
    connectToShadowDb: async () =>
      connections.track(
        overrideAdapter(await factory.connectToShadowDb(), {
          executeRaw: (adapter, query) =>
            query.args.length === 0 ? runScript(adapter, query.sql) : adapter.executeRaw(query),
        }),
      ),
    disposeAll: () => connections.disposeAll(),
  };
}

async function runScript(adapter: SqlDriverAdapter, script: string) {
  await adapter.executeScript(script);
  return 0;
}

/**
 * PostgreSQL: we create and drop our own shadow database (the stock factory reuses the main database when
 * given a connection string, and fails to drop its shadow while its pool is open), and run scripts whole
 * (the stock executeScript splits on `;`, which breaks `$$` bodies).
 */
function createPostgresFactory(url: string): SchemaEngineAdapterFactory {
  const connections = new ConnectionTracker();

  async function connectTo(connectionString: string, onDispose?: () => Promise<void>) {
    const pool = createCatalogReadablePool(connectionString);
    const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    return overrideAdapter(adapter, {
      executeScript: async (_adapter, script) => {
        await pool.query(script);
      },
      dispose: async (inner) => {
        await inner.dispose();
        await onDispose?.();
      },
    });
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => connections.track(await connectTo(url)),
    connectToShadowDb: async () => {
      const shadow = await createPostgresDatabase(url, "switchyard_shadow");
      return connections.track(await connectTo(shadow.url, shadow.drop));
    },
    disposeAll: () => connections.disposeAll(),
  };
}

export type TemporaryPostgresDatabase = { url: string; drop(): Promise<void> };

/** Creates a uniquely named database on the server of `serverUrl`; `drop()` removes it even if sessions linger. */
export async function createPostgresDatabase(serverUrl: string, prefix: string): Promise<TemporaryPostgresDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await runAdminStatement(serverUrl, `CREATE DATABASE "${name}"`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  let dropped = false;
  return {
    url: databaseUrl.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function runAdminStatement(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** pg type OID of the one-byte catalog type `"char"` (pg_class.relkind, pg_constraint.contype, …). */
const CATALOG_CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * The engine's introspection reads `"char"` catalog columns, which @prisma/adapter-pg cannot map to a
 * column type. pg already decodes them as strings, so we relabel them as text before the adapter looks.
 * Only the pool's promise form is patched: it is what the adapter calls outside transactions, and the
 * engine's introspection never runs inside one.
 */
function createCatalogReadablePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 4 });
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  const relabelledQuery = async (config: pg.QueryConfig) => {
    const result = await query(config);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === CATALOG_CHAR_OID) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  pool.query = relabelledQuery as typeof pool.query;
  return pool;
}

type AdapterOverrides = {
  executeRaw?: (adapter: SqlDriverAdapter, query: SqlQuery) => Promise<number>;
  executeScript?: (adapter: SqlDriverAdapter, script: string) => Promise<void>;
  dispose?: (adapter: SqlDriverAdapter) => Promise<void>;
};

function overrideAdapter(adapter: SqlDriverAdapter, overrides: AdapterOverrides): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => (overrides.executeRaw ? overrides.executeRaw(adapter, query) : adapter.executeRaw(query)),
    executeScript: (script) =>
      overrides.executeScript ? overrides.executeScript(adapter, script) : adapter.executeScript(script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo && (() => adapter.getConnectionInfo!()),
    dispose: () => (overrides.dispose ? overrides.dispose(adapter) : adapter.dispose()),
  };
}

/** Each adapter disposed at most once, by the engine or by us at the end. */
class ConnectionTracker {
  private readonly open = new Set<SqlDriverAdapter>();

  track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const tracked = overrideAdapter(adapter, {
      dispose: async (inner) => {
        if (!this.open.delete(tracked)) return;
        await inner.dispose();
      },
    });
    this.open.add(tracked);
    return tracked;
  }

  async disposeAll() {
    const results = await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
  }
}
