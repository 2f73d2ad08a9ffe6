/**
 * Whether a failed write was refused for the data in it — retrying the same rows can never
 * succeed — as opposed to the database being unreachable, slow or locked, which a retry cures:
 *
 * - PostgreSQL: SQLSTATE class 22 (data exception: out of range, invalid text, NUL) and 23
 *   (integrity constraint violation).
 * - SQLite: a constraint, a datatype mismatch, a value too big; and a value the driver cannot
 *   bind at all (`BIND_ERROR`, from the request log's writer thread).
 *
 * Prisma reports a raw query's database code in `meta.driverAdapterError.cause.originalCode`
 * (and in its message as ``Code: `22021` ``); node-postgres and better-sqlite3 errors carry it
 * in `code`.
 */
export function isDataError(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code !== undefined && DATA_ERROR_CODE.test(code);
}

const DATA_ERROR_CODE = /^(2[23][0-9A-Z]{3}|SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)\w*|BIND_ERROR)$/;

export function databaseErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const { meta, code, message } = error as { meta?: unknown; code?: unknown; message?: unknown };
  const cause = (meta as { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } | undefined)
    ?.driverAdapterError?.cause;
  for (const candidate of [cause?.originalCode, cause?.code, code]) {
    if (typeof candidate === "string" && candidate && !/^P\d{4}$/.test(candidate)) return candidate;
  }
  if (typeof message === "string") return /Code: `([^`]+)`/.exec(message)?.[1];
  return undefined;
}
