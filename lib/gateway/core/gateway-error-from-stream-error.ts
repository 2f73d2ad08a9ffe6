import type { CanonicalError } from "./canonical";
import { GatewayError } from "./gateway-error";

/**
 * A provider's in-stream `error` event → the gateway error to render. Before the first byte
 * reaches the client the router may still fall back on it (`retryable`); after, encoders render
 * it as an in-stream error event.
 */
export function gatewayErrorFromStreamError(error: CanonicalError): GatewayError {
  switch (error.type) {
    case "overloaded_error":
      return new GatewayError({
        status: 503,
        type: "upstream_error",
        code: "provider_overloaded",
        message: error.message,
        anthropicType: "overloaded_error",
        retryable: true,
      });
    case "rate_limit_error":
      return new GatewayError({
        status: 429,
        type: "rate_limit_error",
        code: "rate_limit_exceeded",
        message: error.message,
        anthropicType: "rate_limit_error",
        retryable: true,
      });
    case "invalid_request_error":
      return new GatewayError({ status: 400, type: "invalid_request_error", message: error.message });
    default:
      return new GatewayError({
        status: 502,
        type: "upstream_error",
        code: error.type === "stream_truncated" ? "provider_stream_truncated" : "provider_error",
        message: error.message,
        anthropicType: "api_error",
        retryable: true,
      });
  }
}
