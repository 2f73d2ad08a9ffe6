/**
 * Throwaway databases for the schema engine to work in: a temp SQLite file, or a new database on a
 * PostgreSQL server. Authoring and the drift check never touch a real database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DbProvider } from "../schema/render-provider-schemas";
import { createPostgresDatabase } from "./schema-engine-adapters";

export type ScratchDatabase = { url: string; dispose(): Promise<void> };

const DEFAULT_POSTGRES_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The PostgreSQL server to author on: TEST_DATABASE_URL, else DATABASE_URL when it is PostgreSQL, else local. */
export function postgresServerUrl(environment: NodeJS.ProcessEnv = process.env): string {
  const candidates = [environment.TEST_DATABASE_URL, environment.DATABASE_URL];
  return candidates.find((url) => url && /^postgres(ql)?:\/\//.test(url)) ?? DEFAULT_POSTGRES_SERVER_URL;
}

export async function createScratchDatabase(
  provider: DbProvider,
  serverUrl: string = postgresServerUrl(),
): Promise<ScratchDatabase> {
  if (provider === "postgresql") {
    const database = await createPostgresDatabase(serverUrl, "switchyard_scratch").catch((error: unknown) => {
      throw new Error(`cannot create a scratch database on ${redactPassword(serverUrl)}: ${(error as Error).message}`, {
        cause: error,
      });
    });
    return { url: database.url, dispose: database.drop };
  }
  const directory = mkdtempSync(path.join(tmpdir(), "switchyard-schema-engine-"));
  return {
    url: `file:${path.join(directory, "scratch.db")}`,
    async dispose() {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}
