/**
 * The one error type domain code throws. `code` says what kind of failure it is;
 * each edge (HTTP route, CLI) renders it in its own protocol.
 */
export type AppErrorCode =
  | "invalid_input"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "misdirected"
  | "unavailable";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  /** The request's Host is not one this server answers for (RFC 9110 §15.5.20). */
  misdirected: 421,
  unavailable: 503,
};

export type AppErrorOptions = {
  /** Sent as `retry-after` (seconds): when a retry can be expected to succeed. */
  retryAfterSeconds?: number;
  cause?: unknown;
};

export class AppError extends Error {
  override name = "AppError";
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly param?: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status() {
    return HTTP_STATUS[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.param ? { param: this.param } : {}) } };
  }
}
