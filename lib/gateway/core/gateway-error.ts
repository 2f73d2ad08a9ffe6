import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import type { NativeUpstreamError } from "./anthropic/native-upstream-error";

/**
 * The gateway's one error class. It carries enough to render in either caller protocol:
 * OpenAI's `{error: {message, type, param, code}}` and Anthropic's
 * `{type: "error", error: {type, message}}`. Messages are safe to return to callers.
 */
export type GatewayErrorOptions = {
  status: number;
  message: string;
  /** OpenAI-shape `type`, e.g. `invalid_request_error`, `upstream_error`. */
  type: string;
  code?: string | null;
  param?: string | null;
  /** Anthropic-shape `error.type`; derived from `status` when absent. */
  anthropicType?: string;
  /** A fallback model may be tried after this failure. */
  retryable?: boolean;
  /** From the upstream `retry-after` header, in seconds. */
  retryAfterSeconds?: number;
  /** The provider's own error answer, which Anthropic-native endpoints pass through. */
  native?: NativeUpstreamError;
  cause?: unknown;
};

export class GatewayError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly anthropicType: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly native: NativeUpstreamError | undefined;

  constructor(options: GatewayErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = "GatewayError";
    this.status = options.status;
    this.type = options.type;
    this.code = options.code ?? null;
    this.param = options.param ?? null;
    this.anthropicType = options.anthropicType ?? anthropicErrorTypeForStatus(options.status);
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.native = options.native;
  }
}

/** A 400 caused by the client's request; raised before anything is sent upstream. */
export class InvalidRequestError extends GatewayError {
  constructor(message: string, options: { param?: string | null; code?: string | null } = {}) {
    super({
      status: 400,
      message,
      type: "invalid_request_error",
      param: options.param ?? null,
      code: options.code ?? null,
      anthropicType: "invalid_request_error",
    });
    this.name = "InvalidRequestError";
  }
}

const appErrorTypes: Record<AppErrorCode, { type: string; code: string | null; anthropicType: string }> = {
  invalid_input: { type: "invalid_request_error", code: null, anthropicType: "invalid_request_error" },
  unauthorized: { type: "invalid_request_error", code: "invalid_api_key", anthropicType: "authentication_error" },
  forbidden: { type: "permission_error", code: null, anthropicType: "permission_error" },
  not_found: { type: "not_found_error", code: null, anthropicType: "not_found_error" },
  conflict: { type: "invalid_request_error", code: "conflict", anthropicType: "invalid_request_error" },
  too_large: { type: "invalid_request_error", code: "request_too_large", anthropicType: "request_too_large" },
  rate_limited: { type: "rate_limit_error", code: "rate_limit_exceeded", anthropicType: "rate_limit_error" },
  misdirected: { type: "invalid_request_error", code: "misdirected_request", anthropicType: "invalid_request_error" },
  unavailable: { type: "upstream_error", code: "unavailable", anthropicType: "overloaded_error" },
};

/**
 * Any thrown value → a GatewayError: gateway errors as they are, the app's AppError (auth,
 * missing credential, …) by its code, anything else as a generic 500 that leaks nothing.
 */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof AppError) {
    return new GatewayError({
      status: error.status,
      message: error.message,
      param: error.param,
      retryAfterSeconds: error.retryAfterSeconds,
      ...appErrorTypes[error.code],
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    });
  }
  return new GatewayError({
    status: 500,
    type: "server_error",
    code: "internal_error",
    message: "Internal server error.",
    anthropicType: "api_error",
    cause: error,
  });
}

/** @see https://platform.claude.com/docs/en/api/errors */
export function anthropicErrorTypeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 402:
      return "billing_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 503:
    case 529:
      return "overloaded_error";
    case 504:
      return "timeout_error";
    default:
      return status >= 400 && status < 500 ? "invalid_request_error" : "api_error";
  }
}
