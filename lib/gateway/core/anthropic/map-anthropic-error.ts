import { anthropicErrorTypeForStatus, GatewayError } from "../gateway-error";
import { z } from "zod";
import { anthropicErrorBodySchema } from "./anthropic-api";
import type { NativeUpstreamError } from "./native-upstream-error";

/** Why an upstream call failed before or instead of a successful response. */
export type UpstreamFailure =
  | {
      kind: "http";
      status: number;
      bodyText: string;
      retryAfter: string | null;
      /** The answer's retry-relevant headers (pickNativeErrorHeaders), passed through on native endpoints. */
      headers?: Record<string, string>;
    }
  | { kind: "connection"; cause: unknown }
  | { kind: "timeout"; timeoutMs: number }
  /** The answer started but its body could not be read whole: closed early, idle too long, or too large. */
  | { kind: "body"; reason: "closed" | "idle" | "too_large"; limit?: number; cause?: unknown };

export type UpstreamErrorContext = {
  /** Shown to callers instead of the secret, e.g. `Anthropic Production`. */
  credentialName?: string;
  providerLabel?: string;
};

/** Statuses after which a fallback (or a bounded retry) may be attempted. */
const retryableStatuses = new Set([429, 500, 502, 503, 504, 529]);

/**
 * Maps a provider failure to the gateway error the caller sees.
 * - 400 → 400 with the provider's message; other 4xx keep their status.
 * - 429 → 429 keeping `retry-after`.
 * - 529 / 503 → 503; 500 / 502 → 502; 504 and timeouts → 504.
 * - 401 / 403 → 502 `upstream_error` / `provider_authentication_failed`, naming the credential.
 * - connection failures → 502 `provider_connection_failed`.
 * HTTP failures other than 401 / 403 also carry the provider's own answer (`native`), which
 * Anthropic-native endpoints send instead of the mapping above.
 */
export function mapUpstreamFailure(failure: UpstreamFailure, context: UpstreamErrorContext = {}): GatewayError {
  const provider = context.providerLabel ?? "Anthropic";
  const via = context.credentialName ? ` with credential "${context.credentialName}"` : "";
  switch (failure.kind) {
    case "connection":
      return new GatewayError({
        status: 502,
        type: "upstream_error",
        code: "provider_connection_failed",
        message: `Could not connect to ${provider}${via}.`,
        anthropicType: "api_error",
        retryable: true,
        cause: failure.cause,
      });
    case "timeout":
      return new GatewayError({
        status: 504,
        type: "upstream_error",
        code: "provider_timeout",
        message: `${provider} did not respond within ${Math.round(failure.timeoutMs / 1000)} s${via}.`,
        anthropicType: "timeout_error",
        retryable: true,
      });
    case "http":
      return mapHttpFailure(failure, provider, context.credentialName);
    case "body":
      return mapBodyFailure(failure, provider, via);
    default: {
      const exhaustive: never = failure;
      return exhaustive;
    }
  }
}

const bodyFailureTexts = {
  closed: { code: "provider_connection_closed", text: "closed the connection before the end of its answer" },
  idle: { code: "provider_idle_timeout", text: "sent nothing for {limit} s" },
  too_large: { code: "provider_response_too_large", text: "sent an answer larger than the {limit} MB limit" },
} as const;

function mapBodyFailure(failure: Extract<UpstreamFailure, { kind: "body" }>, provider: string, via: string) {
  const { code, text } = bodyFailureTexts[failure.reason];
  const limit = failure.limit ?? 0;
  const shown = failure.reason === "idle" ? Math.round(limit / 1000) : Math.round(limit / (1024 * 1024));
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code,
    message: `${provider}${via} ${text.replace("{limit}", String(shown))}.`,
    anthropicType: "api_error",
    retryable: true,
    cause: failure.cause,
  });
}

function mapHttpFailure(
  failure: Extract<UpstreamFailure, { kind: "http" }>,
  provider: string,
  credentialName: string | undefined,
): GatewayError {
  const { status } = failure;
  const providerError = parseProviderError(failure.bodyText);
  const providerMessage = providerError?.message ?? `${provider} returned HTTP ${status}.`;
  const retryable = retryableStatuses.has(status);

  if (status === 401 || status === 403) {
    // A rejected credential is the gateway's configuration, not the caller's key: passed through,
    // the 401 would tell the client its own key is wrong. So no `native` answer here.
    const credential = credentialName ? `credential "${credentialName}"` : "credential";
    return new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "provider_authentication_failed",
      message: `${provider} rejected the ${credential} (HTTP ${status}). ${provider === "Anthropic" ? "Check the API key" : "Check the credential"} in the BYOK settings.`,
      anthropicType: "api_error",
      retryable: true,
    });
  }
  const native: NativeUpstreamError = {
    status,
    type: providerError?.type ?? anthropicErrorTypeForStatus(status),
    message: providerMessage,
    requestId: providerError?.requestId ?? failure.headers?.["request-id"] ?? null,
    headers: failure.headers ?? (failure.retryAfter ? { "retry-after": failure.retryAfter } : {}),
  };
  if (status === 429) {
    return new GatewayError({
      status: 429,
      type: "rate_limit_error",
      code: "rate_limit_exceeded",
      message: providerMessage,
      anthropicType: "rate_limit_error",
      retryable,
      retryAfterSeconds: parseRetryAfter(failure.retryAfter),
      native,
    });
  }
  if (status === 503 || status === 529) {
    return new GatewayError({
      status: 503,
      type: "upstream_error",
      code: "provider_overloaded",
      message: providerMessage,
      anthropicType: "overloaded_error",
      retryable,
      retryAfterSeconds: parseRetryAfter(failure.retryAfter),
      native,
    });
  }
  if (status >= 500) {
    return new GatewayError({
      status: status === 504 ? 504 : 502,
      type: "upstream_error",
      code: status === 504 ? "provider_timeout" : "provider_error",
      message: providerMessage,
      anthropicType: status === 504 ? "timeout_error" : "api_error",
      retryable,
      native,
    });
  }
  return new GatewayError({
    status,
    type: status === 404 ? "not_found_error" : "invalid_request_error",
    code: providerError?.type ?? null,
    message: providerMessage,
    anthropicType: providerError?.type,
    retryable: false,
    // Only an error status is one a client can act on as Anthropic's (a stray 3xx is not).
    native: status >= 400 ? native : undefined,
  });
}

type ProviderError = { type?: string; message: string; requestId?: string };

function parseProviderError(bodyText: string): ProviderError | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const anthropic = anthropicErrorBodySchema.safeParse(json);
  if (anthropic.success) {
    const { error, request_id } = anthropic.data;
    return { type: error.type, message: error.message, ...(request_id ? { requestId: request_id } : {}) };
  }
  // Amazon Bedrock: {"message": "..."} (or "Message"); Google: {"error": {"code", "message", "status"}}.
  const other = partnerErrorBodySchema.safeParse(json);
  if (!other.success) return undefined;
  const message = other.data.message ?? other.data.Message ?? other.data.error?.message;
  return message ? { message } : undefined;
}

const partnerErrorBodySchema = z.looseObject({
  message: z.string().optional(),
  Message: z.string().optional(),
  error: z.looseObject({ message: z.string().optional() }).optional(),
});

/** `retry-after` is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
