import type { Db } from "@/lib/db";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import { readRequestLogPage, type RequestLogCursor } from "@/lib/db/request-log-queries";
import { filterFor, type RequestLogQuery } from "./request-log-filters";

const COLUMNS = [
  "time",
  "key_name",
  "key_prefix",
  "endpoint",
  "requested_model",
  "served_model",
  "attempts",
  "status",
  "error_type",
  "stream",
  "latency_ms",
  "ttft_ms",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_5m_tokens",
  "cache_write_1h_tokens",
  "cost_usd",
  "cache_savings_usd",
] as const;
const BATCH = 1000;

/** RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Micro-dollars as an exact decimal string (no float rounding on the way out). */
export function microsToUsd(micros: number): string {
  const sign = micros < 0 ? "-" : "";
  const absolute = Math.abs(micros);
  return `${sign}${Math.floor(absolute / 1e6)}.${String(absolute % 1e6).padStart(6, "0")}`;
}

/**
 * The filtered rows as CSV, streamed: pages of 1,000 read with the same keyset query as the
 * screen, each written as it arrives — memory stays flat however many rows match.
 */
export function requestLogsCsvStream(db: Db, viewer: SignedInUser, query: RequestLogQuery): ReadableStream<Uint8Array> {
  const filter = filterFor(query, viewer);
  const encoder = new TextEncoder();
  let cursor: RequestLogCursor | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
      }
      const rows = await readRequestLogPage(db, filter, BATCH, cursor);
      if (rows.length === 0) return controller.close();
      let text = "";
      for (const row of rows) {
        const attempts = (JSON.parse(row.attempts) as Array<{ model: string; status: number; latencyMs: number }>)
          .map((attempt) => `${attempt.model} ${attempt.status} ${attempt.latencyMs}ms`)
          .join(" > ");
        const fields = [
          row.createdAt.toISOString(),
          row.apiKeyName,
          row.apiKeyPrefix,
          row.endpoint,
          row.requestedModel,
          row.servedModel,
          attempts,
          row.status,
          row.errorType,
          row.stream,
          row.latencyMs,
          row.ttftMs,
          row.inputTokens,
          row.outputTokens,
          row.cacheReadTokens,
          row.cacheWrite5mTokens,
          row.cacheWrite1hTokens,
          microsToUsd(row.costMicros),
          microsToUsd(row.cacheSavingsMicros),
        ];
        text += `${fields.map(csvField).join(",")}\r\n`;
      }
      controller.enqueue(encoder.encode(text));
      const last = rows.at(-1)!;
      cursor = { createdAt: last.createdAt, id: last.id };
      if (rows.length < BATCH) controller.close();
    },
  });
}
