import path from "node:path";
import { Worker } from "node:worker_threads";
import { projectRoot } from "@/lib/project-root";
import { REQUEST_LOG_COLUMNS, sqliteRequestLogValues, type RequestLogInsert } from "./insert-request-log-rows";

export type RequestLogRowsWriter = (rows: readonly RequestLogInsert[]) => Promise<void>;

/**
 * The request log's SQLite inserts on a worker thread (sqlite-request-log-worker.mjs), for the
 * production server. better-sqlite3 is synchronous: on the gateway's thread every batch held
 * up the answers in flight for its whole INSERT (runs of 20+ ms in bench --profile, where the
 * p99 lives). Each call writes one batch in one transaction and resolves when it is committed;
 * a worker that fails or exits rejects what is pending, and the next call starts a new one, so
 * the batch writer's retries keep working. A refused batch rejects with SQLite's `code` (or
 * `BIND_ERROR`), so the batch writer can tell a bad row (lib/db/is-data-error.ts) from a lock. The worker never keeps the process alive by itself.
 */
export function offThreadSqliteRequestLogWriter(file: string, busyTimeoutMs = 1_000): RequestLogRowsWriter {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve(): void; reject(error: Error): void }>();

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    // From the sources, not relative to this module: the CLI runs a bundle of it (bin/server-bundle.mjs).
    const started = new Worker(path.join(projectRoot(), "lib/db/sqlite-request-log-worker.mjs"), {
      workerData: { file, table: "RequestLog", columns: REQUEST_LOG_COLUMNS, busyTimeoutMs },
    });
    started.unref();
    started.on("message", ({ id, error, code }: { id: number; error?: string; code?: string }) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) started.unref();
      if (error === undefined) waiting?.resolve();
      else waiting?.reject(Object.assign(new Error(error), code ? { code } : {}));
    });
    started.on("error", (error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    });
    started.on("exit", (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the request log's writer thread exited (code ${code})`));
    });
    return started;
  };

  return (rows) => {
    if (rows.length === 0) return Promise.resolve();
    worker ??= start();
    const id = nextId++;
    const target = worker;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // While a batch is being written, its answer must be able to arrive (shutdown flushes).
      target.ref();
      target.postMessage({ id, rows: rows.map(sqliteRequestLogValues) });
    });
  };
}
