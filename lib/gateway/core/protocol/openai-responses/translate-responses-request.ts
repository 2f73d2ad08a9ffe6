import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import { InvalidRequestError } from "../../gateway-error";
import { parseRequestBody } from "../../parse-request-body";
import { type AnthropicMessagesRequest, type AnthropicOutputConfig } from "../../anthropic/anthropic-request";
import { thinkingFromReasoningEffort } from "../../anthropic/map-reasoning-effort";
import { prepareGenerationSettings } from "../../anthropic/prepare-generation-settings";
import { withCacheBetas } from "../../anthropic/validate-cache-breakpoints";
import { prepareChatTools } from "../openai-chat/prepare-chat-tools";
import { convertResponsesInput } from "./convert-responses-input";
import type { ResponseSettings } from "./openai-responses-api";
import { responsesRequestSchema, type ResponsesRequest } from "./openai-responses-request-schema";
import { withResponsesParams } from "./with-responses-params";

export type TranslatedResponsesRequest = {
  /** The Messages API body, `model` set to the provider's id. */
  request: AnthropicMessagesRequest;
  /** `anthropic-beta` values the call needs (the 1-hour cache TTL beta). */
  betas: string[];
  stream: boolean;
  /** What the Response object echoes back. */
  settings: ResponseSettings;
};

/** Validates a Responses body (already JSON-parsed); throws InvalidRequestError. */
export function parseResponsesRequest(body: unknown): ResponsesRequest {
  const request = parseRequestBody(responsesRequestSchema, body);
  if (request.input === undefined)
    throw new InvalidRequestError("Missing required parameter: 'input'.", { param: "input" });
  return { ...request, input: request.input };
}

/** Fallback model ids from the body's `fallbacks: [{model}]`, in order. */
export function responsesRequestFallbacks(request: ResponsesRequest): string[] {
  return (request.fallbacks ?? []).map((fallback) => fallback.model);
}

/**
 * Responses request → Anthropic Messages request for one resolved model. Pure; every validation
 * error is raised here, before anything is sent upstream, by the same rules Chat Completions
 * applies (thinking, sampling, tools, cache breakpoints, media). Call it once per attempted
 * model: max_tokens defaults and capability checks depend on the model.
 */
export function translateResponsesRequest(
  request: ResponsesRequest,
  model: ResolvedGatewayModel,
): TranslatedResponsesRequest {
  rejectUnsupportedOptions(request);

  const { system, messages } = convertResponsesInput(request.input, request.instructions);
  if (messages.length === 0) {
    throw new InvalidRequestError("input must contain at least one user or assistant message.", { param: "input" });
  }

  const tools = withResponsesParams({ "tool_choice.function": "tool_choice" }, () =>
    prepareChatTools({
      tools: request.tools?.map(({ name, description, parameters, strict, cache_control }) => ({
        type: "function" as const,
        function: { name, description, parameters, strict },
        cache_control,
      })),
      toolChoice:
        typeof request.tool_choice === "object" && request.tool_choice !== null
          ? { type: "function", function: { name: request.tool_choice.name } }
          : request.tool_choice,
      parallelToolCalls: request.parallel_tool_calls,
    }),
  );

  const maxOutputTokens = request.max_output_tokens ?? undefined;
  if (maxOutputTokens !== undefined && model.entry && maxOutputTokens > model.limits.maxOutputTokens) {
    throw new InvalidRequestError(
      `max_output_tokens is ${maxOutputTokens}, but ${model.modelId} can produce at most ${model.limits.maxOutputTokens} output tokens.`,
      { param: "max_output_tokens" },
    );
  }
  const reasoningEffort = request.reasoning?.effort ?? undefined;
  const thinking =
    request.thinking ??
    (reasoningEffort ? thinkingFromReasoningEffort(reasoningEffort, model.capabilities) : undefined);
  const { effort, ...settings } = withResponsesParams(
    request.thinking
      ? {}
      : {
          "thinking.effort": "reasoning.effort",
          "thinking.type": "reasoning.effort",
          "thinking.budget_tokens": "reasoning.effort",
        },
    () =>
      prepareGenerationSettings({
        model,
        maxTokens: maxOutputTokens,
        thinking,
        temperature: request.temperature ?? undefined,
        topP: request.top_p ?? undefined,
        topK: request.top_k ?? undefined,
        forcesToolUse: tools.forcesToolUse,
      }),
  );

  const format = request.text?.format;
  const outputConfig: AnthropicOutputConfig = {
    ...(effort ? { effort } : {}),
    ...(format?.type === "json_schema" ? { format: { type: "json_schema", schema: format.schema } } : {}),
  };
  const user = request.user || request.safety_identifier;

  const anthropicRequest: AnthropicMessagesRequest = {
    model: model.upstreamModelId,
    ...settings,
    messages,
    ...(system.length > 0 ? { system } : {}),
    ...(tools.tools ? { tools: tools.tools } : {}),
    ...(tools.tool_choice ? { tool_choice: tools.tool_choice } : {}),
    ...(user ? { metadata: { user_id: user } } : {}),
    ...(Object.keys(outputConfig).length > 0 ? { output_config: outputConfig } : {}),
    ...(request.stream ? { stream: true } : {}),
  };

  return {
    ...withCacheBetas(anthropicRequest),
    stream: request.stream === true,
    settings: responseSettings(request, anthropicRequest),
  };
}

const notStored =
  "This gateway does not store responses: send store: false (or omit it) and pass the conversation back as input items. Reasoning items carry Claude's thinking signatures in encrypted_content, so multi-turn thinking works without stored state.";

function rejectUnsupportedOptions(request: ResponsesRequest): void {
  if (request.store === true) {
    throw new InvalidRequestError(`store: true is not supported. ${notStored}`, {
      param: "store",
      code: "store_not_supported",
    });
  }
  if (request.previous_response_id) {
    throw new InvalidRequestError(`previous_response_id is not supported. ${notStored}`, {
      param: "previous_response_id",
      code: "store_not_supported",
    });
  }
  if (request.conversation != null) {
    throw new InvalidRequestError(`conversation is not supported. ${notStored}`, {
      param: "conversation",
      code: "store_not_supported",
    });
  }
  if (request.background) {
    throw new InvalidRequestError(
      "background responses are not supported: they need stored responses, which this gateway does not keep.",
      {
        param: "background",
      },
    );
  }
  if (request.prompt != null) {
    throw new InvalidRequestError("Stored prompt templates are not supported; send instructions and input instead.", {
      param: "prompt",
    });
  }
  if (request.top_logprobs) {
    throw new InvalidRequestError("logprobs are not available for Claude models.", { param: "top_logprobs" });
  }
  if (request.text?.format?.type === "json_object") {
    throw new InvalidRequestError(
      'text.format "json_object" is not available for Claude models; use {"type": "json_schema", "name": …, "schema": {...}}.',
      { param: "text.format.type" },
    );
  }
}

/** The request as the Response object echoes it; `max_output_tokens` is what went upstream. */
function responseSettings(request: ResponsesRequest, upstream: AnthropicMessagesRequest): ResponseSettings {
  return {
    instructions: request.instructions ?? null,
    max_output_tokens: upstream.max_tokens,
    metadata: request.metadata ?? {},
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    reasoning: { effort: request.reasoning?.effort ?? null, summary: request.reasoning?.summary ?? null },
    temperature: request.temperature ?? null,
    top_p: request.top_p ?? null,
    text: { format: request.text?.format ?? { type: "text" } },
    tool_choice: request.tool_choice ?? "auto",
    tools: (request.tools ?? []).map((tool) => ({
      type: "function",
      name: tool.name,
      description: tool.description ?? null,
      parameters: tool.parameters ?? null,
      strict: tool.strict ?? null,
    })),
    user: request.user ?? null,
  };
}
