// The request log's SQLite inserts, on a thread of their own (see off-thread-request-log-writer.ts).
// Plain JavaScript with better-sqlite3 alone: no TypeScript loader, no Prisma in this thread.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";

const { file, table, columns, busyTimeoutMs } = workerData;
let insertAll;

function prepare() {
  const db = new Database(file, { timeout: busyTimeoutMs });
  const names = columns.map((column) => `"${column}"`).join(", ");
  const placeholders = columns.map(() => "?").join(", ");
  // One statement prepared once; a batch is one transaction of it.
  const insert = db.prepare(`INSERT INTO "${table}" (${names}) VALUES (${placeholders}) ON CONFLICT ("id") DO NOTHING`);
  return db.transaction((rows) => {
    for (const row of rows) insert.run(row);
  });
}

parentPort.on("message", ({ id, rows }) => {
  try {
    insertAll ??= prepare();
    insertAll(rows);
    parentPort.postMessage({ id });
  } catch (error) {
    // The code tells a refused row (a constraint, a value it cannot bind) from a busy database.
    const code =
      typeof error?.code === "string"
        ? error.code
        : error instanceof TypeError || error instanceof RangeError
          ? "BIND_ERROR"
          : undefined;
    parentPort.postMessage({
      id,
      code,
      error: error instanceof Error ? `${code ? `${code}: ` : ""}${error.message}` : String(error),
    });
  }
});
