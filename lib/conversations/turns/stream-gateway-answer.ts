import "server-only";
import OpenAI from "openai";
import type { ModelPricing } from "@/lib/catalog/model-catalog-schema";
import { applyChatDelta, chatDeltaSchema, type ChatDelta } from "@/lib/conversations/document/apply-chat-delta";
import type { GatewayChatRequest } from "./build-chat-request";
import { streamGatewayChat } from "./gateway-client";
import { toTurnError } from "./turn-error";
import { chatUsageSchema, priceTurn, toTurnUsage } from "./turn-metrics";
import type { TurnState } from "@/lib/conversations/store/turn-store";

/** An assistant answer as it streams: what a saved turn writes, and what a compare column shows. */
export type AnswerState = TurnState;

/** A new answer; its clock (time to first token, latency) starts now. */
export function startAnswer(): AnswerState {
  return {
    parts: [],
    status: "streaming",
    error: null,
    metrics: {
      usage: null,
      costUsd: null,
      cacheSavingsUsd: null,
      startedAt: new Date().toISOString(),
      timeToFirstTokenMs: null,
      latencyMs: null,
      finishReason: null,
      servedModel: null,
    },
  };
}

/**
 * Streams one Chat Completion from the gateway into `answer`, which is updated in place (a
 * periodic saver reads it mid-stream); `onDelta` gets every delta that changed it. Never throws:
 * it ends "complete", "interrupted" (stopped, or a stream without a finish reason) or "error"
 * with the gateway's message and what to do about it. Tokens and cost come from the gateway's
 * usage, priced with the catalog's prices.
 */
export async function streamGatewayAnswer(args: {
  client: OpenAI;
  body: GatewayChatRequest;
  pricing: ModelPricing | undefined;
  signal: AbortSignal;
  answer: AnswerState;
  onDelta: (delta: ChatDelta) => void;
}): Promise<void> {
  const { answer, signal } = args;
  const { metrics } = answer;
  const startedAt = Date.parse(metrics.startedAt);
  try {
    const chunks = await streamGatewayChat(args.client, args.body, signal);
    for await (const chunk of chunks) {
      metrics.servedModel ??= chunk.model ?? null;
      const choice = chunk.choices[0];
      if (choice?.delta) {
        const delta = chatDeltaSchema.parse(choice.delta);
        const before = answer.parts;
        answer.parts = applyChatDelta(answer.parts, delta);
        if (answer.parts !== before) {
          metrics.timeToFirstTokenMs ??= Date.now() - startedAt;
          args.onDelta(delta);
        }
      }
      if (choice?.finish_reason) metrics.finishReason = choice.finish_reason;
      if (chunk.usage) {
        const usage = toTurnUsage(chatUsageSchema.parse(chunk.usage));
        Object.assign(metrics, { usage }, priceTurn(usage, args.pricing));
      }
    }
    // The SDK ends the iteration quietly when the signal aborts; a stream without a finish
    // reason did not finish either.
    answer.status = signal.aborted || metrics.finishReason === null ? "interrupted" : "complete";
  } catch (caught) {
    if (signal.aborted || caught instanceof OpenAI.APIUserAbortError) {
      answer.status = "interrupted";
    } else {
      answer.status = "error";
      answer.error = toTurnError(describeGatewayError(caught));
    }
  }
  metrics.latencyMs = Date.now() - startedAt;
}

function describeGatewayError(error: unknown): { message: string; code: string | null; status: number | null } {
  if (error instanceof OpenAI.APIConnectionError) {
    return { message: "The gateway could not be reached.", code: "connection_error", status: null };
  }
  if (error instanceof OpenAI.APIError) {
    const body = (error.error ?? {}) as { message?: unknown; code?: unknown; type?: unknown };
    const message = typeof body.message === "string" ? body.message : error.message;
    const code = typeof body.code === "string" ? body.code : typeof body.type === "string" ? body.type : null;
    return { message, code, status: error.status ?? null };
  }
  console.error("playground: unexpected error in a turn:", error);
  return { message: "The answer could not be read.", code: null, status: null };
}
