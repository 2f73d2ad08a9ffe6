import { toAnthropicErrorResponse } from "../protocol/anthropic-messages/anthropic-error";
import { toOpenAIErrorResponse } from "../protocol/openai-chat/openai-error";

export type GatewayProtocol = "openai" | "anthropic";

/** Any thrown value → status, body and headers in the protocol's error shape. */
export const renderGatewayError = { openai: toOpenAIErrorResponse, anthropic: toAnthropicErrorResponse };
