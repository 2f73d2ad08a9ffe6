import { AppError } from "@/lib/errors/app-error";

/** How long a client should wait before retrying when the database did not answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The database did not answer in time or could not be reached: a 503 the caller may retry, never a 500. */
export class DatabaseUnavailableError extends AppError {
  override name = "DatabaseUnavailableError";
  constructor(cause?: unknown) {
    super("unavailable", "The database is unavailable; try again shortly.", undefined, {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      cause,
    });
  }
}

/** Prisma's codes for a server that cannot be reached, timed out, or closed the connection; and a full pool. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver adapter error kinds with the same meaning. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
/** PostgreSQL SQLSTATEs: statement timeout / cancelled, server shutting down, cannot connect now. */
const UNAVAILABLE_POSTGRES_CODES = new Set(["57014", "57P01", "57P02", "57P03", "53300"]);
/**
 * Socket errors of a server that cannot be reached or went away: node-postgres raises them as
 * they are (Prisma's adapter turned them into `DatabaseNotReachable`).
 */
const UNAVAILABLE_NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);
/**
 * node-postgres raises these as plain Errors: `query_timeout` ("Query read timeout"), the
 * pool's and client's `connectionTimeoutMillis`, a connection lost mid-query. SQLite's busy
 * timeout ("database is locked") is the embedded database's "not now".
 */
const UNAVAILABLE_MESSAGES =
  /Query read timeout|timeout exceeded when trying to connect|Connection terminated|Connection ended unexpectedly|Client has encountered a connection error|database is locked|SQLITE_BUSY/i;

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; kind?: unknown };

/** Whether a thrown database error means "unavailable, try again" rather than a bug or a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Bounded walk down the cause chain (Prisma wraps the adapter's error, which wraps the driver's).
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const candidate = current as ErrorLike;
    if (typeof candidate.code === "string" && UNAVAILABLE_PRISMA_CODES.has(candidate.code)) return true;
    if (typeof candidate.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(candidate.kind)) return true;
    // A SQLSTATE is five characters, so it cannot be mistaken for a Prisma or SQLite code: from
    // Prisma's adapter (kind "postgres") or straight from node-postgres (the data plane's client).
    if (typeof candidate.code === "string" && UNAVAILABLE_POSTGRES_CODES.has(candidate.code)) return true;
    if (typeof candidate.code === "string" && UNAVAILABLE_NETWORK_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.test(candidate.message)) return true;
    const meta = candidate.meta as { driverAdapterError?: unknown } | undefined;
    current = meta?.driverAdapterError ?? candidate.cause;
  }
  return false;
}
