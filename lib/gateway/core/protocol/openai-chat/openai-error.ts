import { toGatewayError, type GatewayError } from "../../gateway-error";

/** OpenAI's error envelope, readable by the `openai` SDKs' APIError. */
export type OpenAIErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null };
};

export function toOpenAIErrorBody(error: GatewayError): OpenAIErrorBody {
  return { error: { message: error.message, type: error.type, param: error.param, code: error.code } };
}

/**
 * Any thrown value → status, body and headers in OpenAI's shape (AppError included). Unknown
 * errors become a 500 with a generic message: internal details are for the log, not the caller.
 */
export function toOpenAIErrorResponse(error: unknown): {
  status: number;
  body: OpenAIErrorBody;
  headers: Record<string, string>;
} {
  const gatewayError = toGatewayError(error);
  const headers: Record<string, string> = {};
  if (gatewayError.retryAfterSeconds !== undefined) headers["retry-after"] = String(gatewayError.retryAfterSeconds);
  return { status: gatewayError.status, body: toOpenAIErrorBody(gatewayError), headers };
}
