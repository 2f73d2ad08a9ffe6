import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import { InvalidRequestError } from "../../gateway-error";
import { parseRequestBody } from "../../parse-request-body";
import { type AnthropicMessagesRequest, type AnthropicOutputConfig } from "../../anthropic/anthropic-request";
import { thinkingFromReasoningEffort } from "../../anthropic/map-reasoning-effort";
import { prepareGenerationSettings } from "../../anthropic/prepare-generation-settings";
import { withCacheBetas } from "../../anthropic/validate-cache-breakpoints";
import { convertChatMessages } from "./convert-chat-messages";
import { chatCompletionRequestSchema, type ChatCompletionRequest } from "./openai-chat-request-schema";
import { prepareChatTools } from "./prepare-chat-tools";

export type TranslatedChatRequest = {
  /** The Messages API body, `model` set to the provider's id. */
  request: AnthropicMessagesRequest;
  /** `anthropic-beta` values the call needs (the 1-hour cache TTL beta). */
  betas: string[];
  stream: boolean;
  /** `stream_options.include_usage`: send a trailing usage-only chunk. */
  includeUsage: boolean;
};

/** Validates a Chat Completions body (already JSON-parsed); throws InvalidRequestError. */
export function parseChatCompletionRequest(body: unknown): ChatCompletionRequest {
  return parseRequestBody(chatCompletionRequestSchema, body);
}

/** Fallback model ids from the body's `fallbacks: [{model}]`, in order. */
export function chatRequestFallbacks(request: ChatCompletionRequest): string[] {
  return (request.fallbacks ?? []).map((fallback) => fallback.model);
}

/**
 * Chat Completions request → Anthropic Messages request for one resolved model. Pure; every
 * validation error is raised here, before anything is sent upstream. Call it once per
 * attempted model: max_tokens defaults and capability checks depend on the model.
 */
export function translateChatRequest(
  request: ChatCompletionRequest,
  model: ResolvedGatewayModel,
): TranslatedChatRequest {
  rejectUnsupportedOptions(request);

  const { system, messages } = convertChatMessages(request.messages);
  if (messages.length === 0) {
    throw new InvalidRequestError("messages must contain at least one user or assistant message.", {
      param: "messages",
    });
  }

  const tools = prepareChatTools({
    tools: request.tools,
    toolChoice: request.tool_choice,
    parallelToolCalls: request.parallel_tool_calls,
  });

  const thinking =
    request.thinking ??
    (request.reasoning_effort ? thinkingFromReasoningEffort(request.reasoning_effort, model.capabilities) : undefined);
  const { effort, ...settings } = prepareGenerationSettings({
    model,
    maxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    thinking,
    temperature: request.temperature ?? undefined,
    topP: request.top_p ?? undefined,
    topK: request.top_k ?? undefined,
    forcesToolUse: tools.forcesToolUse,
  });

  const outputConfig: AnthropicOutputConfig = {
    ...(effort ? { effort } : {}),
    ...jsonSchemaFormat(request),
  };
  const stopSequences = request.stop == null ? [] : [request.stop].flat().filter((stop) => stop !== "");

  const anthropicRequest: AnthropicMessagesRequest = {
    model: model.upstreamModelId,
    ...settings,
    messages,
    ...(system.length > 0 ? { system } : {}),
    ...(tools.tools ? { tools: tools.tools } : {}),
    ...(tools.tool_choice ? { tool_choice: tools.tool_choice } : {}),
    ...(stopSequences.length > 0 ? { stop_sequences: stopSequences } : {}),
    ...(request.user ? { metadata: { user_id: request.user } } : {}),
    ...(Object.keys(outputConfig).length > 0 ? { output_config: outputConfig } : {}),
    ...(request.stream ? { stream: true } : {}),
  };

  return {
    ...withCacheBetas(anthropicRequest),
    stream: request.stream === true,
    includeUsage: request.stream_options?.include_usage === true,
  };
}

function rejectUnsupportedOptions(request: ChatCompletionRequest): void {
  if (request.n != null && request.n !== 1) {
    throw new InvalidRequestError("Only n=1 is supported for Claude models.", { param: "n" });
  }
  if (request.logprobs) {
    throw new InvalidRequestError("logprobs are not available for Claude models.", { param: "logprobs" });
  }
  if (request.audio != null || request.modalities?.includes("audio")) {
    throw new InvalidRequestError("Audio output is not available for Claude models.", { param: "modalities" });
  }
  if (request.response_format?.type === "json_object") {
    throw new InvalidRequestError(
      'response_format "json_object" is not available for Claude models; use {"type": "json_schema", "json_schema": {...}}.',
      { param: "response_format.type" },
    );
  }
}

/** `response_format: {type: "json_schema"}` → structured outputs. */
function jsonSchemaFormat(request: ChatCompletionRequest): Pick<AnthropicOutputConfig, "format"> {
  const format = request.response_format;
  if (format?.type !== "json_schema") return {};
  if (!format.json_schema.schema) {
    throw new InvalidRequestError("response_format.json_schema.schema is required.", {
      param: "response_format.json_schema.schema",
    });
  }
  return { format: { type: "json_schema", schema: format.json_schema.schema } };
}
