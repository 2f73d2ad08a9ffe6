import { DatabaseUnavailableError, isDatabaseUnavailable } from "../database-unavailable";

/**
 * What a failed statement throws: DatabaseUnavailableError when the database cannot answer (a
 * 503 with retry-after), else the driver's error with its code leading the message, as Prisma's
 * messages and the request log's writer thread put it (the request log's quarantine keeps the
 * message as the reason; the code tells a refused value from a constraint).
 */
export function dataPlaneError(error: unknown): unknown {
  if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError(error);
  if (error instanceof Error) {
    const { code } = error as { code?: unknown };
    if (typeof code === "string" && code && !error.message.startsWith(code))
      error.message = `${code}: ${error.message}`;
  }
  return error;
}
