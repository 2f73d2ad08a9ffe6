import { toGatewayError, type GatewayError } from "../../gateway-error";

/**
 * Anthropic's error envelope, readable by `@anthropic-ai/sdk`.
 * @see https://platform.claude.com/docs/en/api/errors
 */
export type AnthropicErrorBody = {
  type: "error";
  error: { type: string; message: string };
  request_id?: string | null;
};

export function toAnthropicErrorBody(error: GatewayError): AnthropicErrorBody {
  return { type: "error", error: { type: error.anthropicType, message: error.message } };
}

/**
 * Any thrown value → status, body and headers in Anthropic's shape (AppError included).
 * Unknown errors become a 500 `api_error` with a generic message. A provider's own error answer
 * (`native`; after fallbacks, the last one's) goes out as the provider sent it: its status (529
 * stays 529), type, request id and retry headers, so the client retries as against Anthropic.
 */
export function toAnthropicErrorResponse(error: unknown): {
  status: number;
  body: AnthropicErrorBody;
  headers: Record<string, string>;
} {
  const gatewayError = toGatewayError(error);
  const { native } = gatewayError;
  if (native) {
    return {
      status: native.status,
      body: { type: "error", error: { type: native.type, message: native.message }, request_id: native.requestId },
      headers: { ...native.headers },
    };
  }
  const headers: Record<string, string> = {};
  if (gatewayError.retryAfterSeconds !== undefined) headers["retry-after"] = String(gatewayError.retryAfterSeconds);
  return { status: gatewayError.status, body: toAnthropicErrorBody(gatewayError), headers };
}

/** An in-stream SSE `error` event, as Anthropic sends mid-stream. */
export function anthropicErrorEvent(error: GatewayError): string {
  return `event: error\ndata: ${JSON.stringify(toAnthropicErrorBody(error))}\n\n`;
}
