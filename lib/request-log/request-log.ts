import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import { createDataPlaneDb, getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";
import { insertRequestLogRows } from "@/lib/db/insert-request-log-rows";
import { isDataError } from "@/lib/db/is-data-error";
import { quarantineRequestLogRow } from "@/lib/db/quarantine-request-log-row";
import type { RequestLogRowsWriter } from "@/lib/db/off-thread-request-log-writer";
import { getConfig } from "@/lib/env";
import { chargeKeyUsage, limitScopes } from "@/lib/rate-limits/check-key-limits";
import { BatchWriter, type BatchWriterStats } from "./batch-writer";
import { buildRequestLogRow, type RequestLogRow } from "./build-request-log-row";
import type { FinishedRequest } from "./request-trace";
import { pruneRequestLog } from "./retention";
import { usageCostMicros } from "./usage-cost-micros";
import { countRequestLogDrops, observeRequestLogQueue } from "@/lib/observability/gateway-metrics";

const PRUNE_EVERY_MS = 60 * 60_000;
const FIRST_PRUNE_AFTER_MS = 60_000;

type RequestLogService = { writer: BatchWriter<RequestLogRow> | undefined; pruneTimer: NodeJS.Timeout | undefined };

const globalForLog = globalThis as unknown as {
  switchyardRequestLog?: RequestLogService;
  switchyardRequestLogRowsWriter?: RequestLogRowsWriter;
};

/**
 * How this process writes log rows, instead of an INSERT on its own thread: the production
 * server writes SQLite rows on a worker thread (lib/server/serve-app.ts). Set before the first
 * request.
 */
export function writeRequestLogRowsWith(write: RequestLogRowsWriter) {
  globalForLog.switchyardRequestLogRowsWriter = write;
}

/**
 * The process's request log: a batch writer on its own small connection pool (named
 * `switchyard-request-log` in pg_stat_activity), so slow log inserts never hold the
 * connections requests need, plus the hourly retention prune.
 */
function service(): RequestLogService {
  if (globalForLog.switchyardRequestLog) return globalForLog.switchyardRequestLog;
  const config = getConfig();
  let writer: BatchWriter<RequestLogRow> | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  if (config.requestLog) {
    const db: DataPlaneDb = createDataPlaneDb(config.database, {
      applicationName: "switchyard-request-log",
      maxConnections: 2,
      sqliteBusyTimeoutMs: 20,
      // Pruning a year of rows takes longer than a request's statement timeout; nobody waits on it.
      statementTimeoutMs: 120_000,
    });
    const write =
      globalForLog.switchyardRequestLogRowsWriter ?? ((rows: RequestLogRow[]) => insertRequestLogRows(db, rows));
    writer = new BatchWriter<RequestLogRow>({
      write,
      isDataError,
      // Rows are sanitized before they are queued: a refusal here is a bug, kept for a look.
      quarantine: (row, reason) => quarantineRequestLogRow(db, row, reason),
    });
    const prune = () =>
      pruneRequestLog(db).catch((error) =>
        console.warn("request log: retention prune failed:", error instanceof Error ? error.message : error),
      );
    pruneTimer = setTimeout(function again() {
      void prune();
      pruneTimer = setTimeout(again, PRUNE_EVERY_MS).unref();
    }, FIRST_PRUNE_AFTER_MS).unref();
  }
  globalForLog.switchyardRequestLog = { writer, pruneTimer };
  return globalForLog.switchyardRequestLog;
}

/**
 * A request is over: queue its log row and charge its tokens and cost to its key's limits.
 * Runs after the current I/O turn, so building the row never delays the response's last bytes.
 */
export function recordFinishedRequest(request: FinishedRequest) {
  setImmediate(() => {
    // Charging the key does not depend on the log row: a row that fails to build must not
    // let a request past its key's limits.
    try {
      const { writer } = service();
      if (writer) {
        const before = writer.getStats().dropped;
        writer.enqueue(buildRequestLogRow(request));
        const stats = writer.getStats();
        observeRequestLogQueue(stats.buffered);
        if (stats.dropped > before) countRequestLogDrops(stats.dropped - before);
      }
    } catch (error) {
      console.error("request log: could not record a request:", error);
    }
    try {
      const scopes = request.principal ? limitScopes(request.principal) : [];
      if (scopes.some(({ limits }) => limits.tokensPerMinute !== null || limits.monthlyBudgetMicros !== null)) {
        const usage = request.usage;
        const tokens = usage ? usage.inputTokens + usage.cacheCreationInputTokens + usage.outputTokens : 0;
        const { costMicros } = usageCostMicros(request.servedModel, usage);
        chargeKeyUsage(getDataPlaneDb(), scopes, { tokens, costMicros });
      }
    } catch (error) {
      console.error("request log: could not charge a request to its key:", error);
    }
  });
}

/** Writes what is buffered (shutdown). Resolves with the writer's counts, or undefined when logging is off. */
export async function flushRequestLog(deadlineMs = 10_000): Promise<BatchWriterStats | undefined> {
  const current = globalForLog.switchyardRequestLog;
  if (!current?.writer) return undefined;
  // Rows of requests that finished this very turn are queued with setImmediate.
  await new Promise((resolve) => setImmediate(resolve));
  return current.writer.flush(deadlineMs);
}
