import type { EffortLevel } from "@/lib/catalog/model-catalog-schema";

/**
 * The Messages API request the gateway builds (API version 2023-06-01). Only what the
 * translators emit; /v1/messages passthrough forwards the client's body untouched instead.
 * @see https://platform.claude.com/docs/en/api/messages
 */

export type AnthropicCacheControl = { type: "ephemeral"; ttl?: "5m" | "1h" };

export type AnthropicTextBlock = { type: "text"; text: string; cache_control?: AnthropicCacheControl };

export type AnthropicImageSource = { type: "base64"; media_type: string; data: string } | { type: "url"; url: string };

export type AnthropicImageBlock = {
  type: "image";
  source: AnthropicImageSource;
  cache_control?: AnthropicCacheControl;
};

export type AnthropicDocumentSource =
  | { type: "base64"; media_type: "application/pdf"; data: string }
  | { type: "url"; url: string }
  | { type: "text"; media_type: "text/plain"; data: string };

export type AnthropicDocumentBlock = {
  type: "document";
  source: AnthropicDocumentSource;
  title?: string;
  cache_control?: AnthropicCacheControl;
};

export type AnthropicThinkingBlock = { type: "thinking"; thinking: string; signature: string };
export type AnthropicRedactedThinkingBlock = { type: "redacted_thinking"; data: string };

export type AnthropicToolUseBlock = {
  type: "tool_use";
  id: string;
  name: string;
  input: Record<string, unknown>;
  cache_control?: AnthropicCacheControl;
};

export type AnthropicToolResultBlock = {
  type: "tool_result";
  tool_use_id: string;
  content: string | Array<AnthropicTextBlock | AnthropicImageBlock>;
  is_error?: boolean;
  cache_control?: AnthropicCacheControl;
};

export type AnthropicUserContentBlock =
  AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock | AnthropicToolResultBlock;

export type AnthropicAssistantContentBlock =
  AnthropicThinkingBlock | AnthropicRedactedThinkingBlock | AnthropicTextBlock | AnthropicToolUseBlock;

export type AnthropicMessageParam =
  | { role: "user"; content: AnthropicUserContentBlock[] }
  | { role: "assistant"; content: AnthropicAssistantContentBlock[] };

export type AnthropicTool = {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
  cache_control?: AnthropicCacheControl;
};

export type AnthropicToolChoice =
  | { type: "auto" | "any"; disable_parallel_tool_use?: boolean }
  | { type: "tool"; name: string; disable_parallel_tool_use?: boolean }
  | { type: "none" };

export type AnthropicThinkingConfig =
  | { type: "enabled"; budget_tokens: number; display?: "summarized" | "omitted" }
  | { type: "adaptive"; display?: "summarized" | "omitted" }
  | { type: "disabled" };

export type AnthropicOutputConfig = {
  effort?: EffortLevel;
  format?: { type: "json_schema"; schema: Record<string, unknown> };
};

export type AnthropicMessagesRequest = {
  model: string;
  max_tokens: number;
  messages: AnthropicMessageParam[];
  system?: AnthropicTextBlock[];
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  metadata?: { user_id: string };
  thinking?: AnthropicThinkingConfig;
  output_config?: AnthropicOutputConfig;
  stream?: boolean;
};

/** Beta needed for `cache_control.ttl: "1h"`. */
export const extendedCacheTtlBeta = "extended-cache-ttl-2025-04-11";
