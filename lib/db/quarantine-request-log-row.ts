import type { DataPlaneDb } from "./data-plane/data-plane-db";
import type { RequestLogInsert } from "./insert-request-log-rows";

const MAX_REASON_CHARS = 1024;
const MAX_ROW_JSON_CHARS = 256 * 1024;

/**
 * Keeps a request-log row the database refused, with the reason, in RequestLogQuarantine. The
 * row is stored as JSON text, which escapes every character the log's own columns could not
 * take (NUL, lone surrogates), and numbers too big for them are just digits there. Idempotent by
 * the row's id: a batch retried after a partial bisection quarantines nothing twice.
 */
export async function quarantineRequestLogRow(
  db: DataPlaneDb,
  row: Partial<RequestLogInsert>,
  reason: string,
  now = new Date(),
): Promise<void> {
  const id = storable(typeof row.id === "string" && row.id ? row.id : crypto.randomUUID(), 256);
  const json = storable(JSON.stringify(row) ?? "null", MAX_ROW_JSON_CHARS);
  await db.execute(
    `INSERT INTO "RequestLogQuarantine" ("id", "createdAt", "reason", "row") VALUES (?, ?, ?, ?)
    ON CONFLICT ("id") DO NOTHING`,
    [id, now, storable(reason, MAX_REASON_CHARS), json],
  );
}

/** No controls, no lone surrogate (a cut may split a pair), bounded. */
function storable(text: string, maxChars: number): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .slice(0, maxChars)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
