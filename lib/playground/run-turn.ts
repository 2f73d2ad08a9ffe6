import "server-only";
import OpenAI from "openai";
import type { Db } from "@/lib/db";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import { AppError } from "@/lib/errors/app-error";
import { applyChatDelta, chatDeltaSchema } from "./apply-chat-delta";
import { loadSendableAttachments } from "./attachment-store";
import { buildChatRequest } from "./build-chat-request";
import { checkCacheBreakpoints } from "./cache-breakpoints";
import { playgroundGateway, streamGatewayChat } from "./gateway-client";
import { playgroundStreamHeaders, type PlaygroundStreamEvent } from "./playground-stream-events";
import { getSessionDocument, toStoredMessage } from "./session-store";
import type { MessagePart, StoredMessage, TurnMetrics, TurnRequest } from "./session-document";
import { createThrottledSaver } from "./throttled-saver";
import { applyCacheMarks, planTurn, TurnActionError, turnRequestBodySchema } from "./turn-action";
import { saveTurnStart, saveTurnState } from "./turn-store";
import { toTurnError } from "./turn-error";
import { chatUsageSchema, priceTurn, toTurnUsage } from "./turn-metrics";

/** A crash or closed tab loses at most this much of a streaming answer. */
const SAVE_INTERVAL_MS = 1_000;
const HEARTBEAT_MS = 5_000;

/**
 * One playground turn: applies the action (send / regenerate / edit / tool results) to the
 * saved conversation, sends the whole conversation to the gateway, and streams the answer to
 * the browser while saving it. Validation problems are thrown (a JSON 4xx); from the first
 * byte on, every outcome — answer, gateway error, stop — ends up saved on the assistant turn.
 */
export async function runTurn(args: { db: Db; userId: string; sessionId: string; body: unknown; signal: AbortSignal }): Promise<Response> {
  const { db, userId, sessionId, signal } = args;
  const { model, settings, action, marks } = turnRequestBodySchema.parse(args.body);
  const resolved = resolveGatewayModel(model);
  const gateway = await playgroundGateway(db, userId);
  if (!resolved && !gateway.external) {
    throw new AppError("invalid_input", `Unknown model ${model}: pick one from the list.`, "model");
  }

  const document = await getSessionDocument(db, userId, sessionId);
  let plan;
  try {
    plan = planTurn(applyCacheMarks(document.messages, marks), action);
  } catch (error) {
    if (error instanceof TurnActionError) throw new AppError("invalid_input", error.message, "action");
    throw error;
  }
  const position = plan.keep.length;
  const userTurn: StoredMessage | null = plan.append
    ? {
        id: "pending",
        position,
        role: plan.append.role,
        parts: plan.append.parts,
        cache: plan.append.cache,
        status: "complete",
        request: null,
        metrics: null,
        error: null,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      }
    : null;
  const conversation = userTurn ? [...plan.keep, userTurn] : plan.keep;
  if (conversation.length === 0 || conversation.at(-1)!.role === "assistant") {
    throw new AppError("invalid_input", "There is nothing for the model to answer.", "action");
  }

  const attachmentIds = conversation.flatMap((message) =>
    message.parts.flatMap((part) => (part.type === "attachment" ? [part.attachmentId] : [])),
  );
  const attachments = await loadSendableAttachments(db, userId, sessionId, attachmentIds);
  const cacheCheck = checkCacheBreakpoints({
    settings,
    messages: conversation,
    attachments,
    minimumCacheableTokens: resolved?.entry?.minimumCacheableTokens ?? 1024,
  });
  if (cacheCheck.errors.length > 0) throw new AppError("invalid_input", cacheCheck.errors[0]!, "cache");
  const { body, sentBack } = buildChatRequest({ model, settings, messages: conversation, attachments });

  const turnRequest: TurnRequest = {
    model,
    settings,
    cacheBreakpoints: cacheCheck.breakpoints.map(({ label, ttl }) => ({ label, ttl })),
  };
  const startedAt = new Date();
  const metrics: TurnMetrics = {
    usage: null,
    costUsd: null,
    cacheSavingsUsd: null,
    startedAt: startedAt.toISOString(),
    timeToFirstTokenMs: null,
    latencyMs: null,
    finishReason: null,
    servedModel: null,
  };
  const assistant = await saveTurnStart(db, {
    sessionId,
    saved: document.messages,
    position,
    append: plan.append,
    sentBack,
    keep: plan.keep,
    turnRequest,
    metrics,
    session: { model, settings: JSON.stringify(settings), titleEdited: document.titleEdited },
  });

  const encoder = new TextEncoder();
  let parts: MessagePart[] = [];
  let status: StoredMessage["status"] = "streaming";
  let error: StoredMessage["error"] = null;
  const saveProgress = () => saveTurnState(db, assistant.id, { parts, status, metrics, error });
  const saver = createThrottledSaver(saveProgress, SAVE_INTERVAL_MS);
  // While the provider is quiet (a long tool input, a slow first token) the row still shows the
  // stream is alive, so readers do not take it for a lost one.
  const heartbeat = setInterval(() => saver.changed(), HEARTBEAT_MS);

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: PlaygroundStreamEvent) => {
        if (signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The browser went away; the turn is still saved below.
        }
      };
      const saved = await getSessionDocument(db, userId, sessionId);
      send({ type: "start", messages: saved.messages });
      try {
        const chunks = await streamGatewayChat(gateway.client, body, signal);
        for await (const chunk of chunks) {
          metrics.servedModel ??= chunk.model ?? null;
          const choice = chunk.choices[0];
          if (choice?.delta) {
            const delta = chatDeltaSchema.parse(choice.delta);
            const before = parts;
            parts = applyChatDelta(parts, delta);
            if (parts !== before) {
              metrics.timeToFirstTokenMs ??= Date.now() - startedAt.getTime();
              send({ type: "delta", delta });
              saver.changed();
            }
          }
          if (choice?.finish_reason) metrics.finishReason = choice.finish_reason;
          if (chunk.usage) {
            const usage = toTurnUsage(chatUsageSchema.parse(chunk.usage));
            Object.assign(metrics, { usage }, priceTurn(usage, resolved?.entry?.pricing));
          }
        }
        // The SDK ends the iteration quietly when the signal aborts; a stream without a finish
        // reason did not finish either.
        status = signal.aborted || metrics.finishReason === null ? "interrupted" : "complete";
      } catch (caught) {
        if (signal.aborted || caught instanceof OpenAI.APIUserAbortError) {
          status = "interrupted";
        } else {
          status = "error";
          error = toTurnError(describeGatewayError(caught));
        }
      }
      metrics.latencyMs = Date.now() - startedAt.getTime();
      clearInterval(heartbeat);
      const failure = await saver.settle();
      if (failure) console.error("playground: saving a streaming turn failed:", failure);
      try {
        await saveProgress();
        const final = await db.playgroundMessage.findUniqueOrThrow({ where: { id: assistant.id } });
        send({ type: "end", message: toStoredMessage(final) });
      } catch (saveError) {
        console.error("playground: saving the finished turn failed:", saveError);
      }
      try {
        controller.close();
      } catch {
        // already closed by a disconnect
      }
    },
  });
  return new Response(stream, { headers: playgroundStreamHeaders });
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
