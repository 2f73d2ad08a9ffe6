import { toAnthropicErrorResponse } from "../protocol/anthropic-messages/anthropic-error";
import { toOpenAIErrorResponse } from "../protocol/openai-chat/openai-error";

export type GatewayProtocol = "openai" | "anthropic";

/** Any thrown value → status, body and headers in the protocol's error shape. */
export const renderGatewayError = { openai: toOpenAIErrorResponse, anthropic: toAnthropicErrorResponse };

/**
 * The protocol a gateway path answers in, for answers the server gives before any route runs
 * (405, 431): Anthropic's under /v3/router/v1, OpenAI's elsewhere — as the route files choose.
 */
export function gatewayProtocolForPath(pathname: string): GatewayProtocol {
  return pathname === "/v3/router/v1" || pathname.startsWith("/v3/router/v1/") ? "anthropic" : "openai";
}
