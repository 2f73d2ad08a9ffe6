import "server-only";
import type { Db } from "@/lib/db";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import type { ModelPricing } from "@/lib/catalog/model-catalog-schema";
import { AppError } from "@/lib/errors/app-error";
import { loadSendableAttachments } from "@/lib/conversations/attachments/attachment-store";
import { buildChatRequest, type GatewayChatRequest, type SentBackReasoning } from "./build-chat-request";
import { checkCacheBreakpoints } from "@/lib/conversations/settings/cache-breakpoints";
import { getSessionDocument } from "@/lib/conversations/store/conversation-store";
import type {
  PlaygroundSettings,
  ConversationDocument,
  StoredMessage,
  TurnRequest,
} from "@/lib/conversations/document/conversation-document";
import {
  applyCacheMarks,
  planTurn,
  TurnActionError,
  type CacheMarkChange,
  type TurnAction,
  type TurnPlan,
} from "./turn-action";
import { playgroundGateway } from "./gateway-client";

/** What a streaming playground route hands its runner: the signed-in user's request for a session. */
export type TurnRouteArgs = { db: Db; userId: string; sessionId: string; body: unknown; signal: AbortSignal };

export type PreparedTurn = {
  /** The conversation as saved before this turn. */
  document: ConversationDocument;
  plan: TurnPlan;
  /** Where the appended message (or, without one, the assistant turn) goes. */
  position: number;
  body: GatewayChatRequest;
  sentBack: SentBackReasoning[];
  turnRequest: TurnRequest;
  pricing: ModelPricing | undefined;
};

type TurnInput = { model: string; settings: PlaygroundSettings; action: TurnAction; marks: CacheMarkChange[] };

/** The signed-in user's gateway client, and the turn prepared for it ({@link prepareTurn}). */
export async function prepareGatewayTurn({ db, userId, sessionId }: TurnRouteArgs, input: TurnInput) {
  const gateway = await playgroundGateway(db, userId);
  const prepared = await prepareTurn(db, userId, sessionId, input, { externalGateway: gateway.external });
  return { gateway, prepared };
}

/**
 * Everything before a turn reaches the gateway, shared by a saved turn, a compare column and a
 * promoted column: applies the action to the saved conversation, loads its attachments, checks
 * the cache breakpoints and builds the gateway request. Problems the user can fix are thrown as
 * `invalid_input`.
 */
export async function prepareTurn(
  db: Db,
  userId: string,
  sessionId: string,
  input: TurnInput,
  options: { externalGateway: boolean },
): Promise<PreparedTurn> {
  const { model, settings, action, marks } = input;
  const resolved = resolveGatewayModel(model);
  if (!resolved && !options.externalGateway) {
    throw new AppError("invalid_input", `Unknown model ${model}: pick one from the list.`, "model");
  }

  const document = await getSessionDocument(db, userId, sessionId);
  let plan: TurnPlan;
  try {
    plan = planTurn(applyCacheMarks(document.messages, marks), action);
  } catch (error) {
    if (error instanceof TurnActionError) throw new AppError("invalid_input", error.message, "action");
    throw error;
  }
  const position = plan.keep.length;
  const now = new Date().toISOString();
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
        createdAt: now,
        updatedAt: now,
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

  return {
    document,
    plan,
    position,
    body,
    sentBack,
    turnRequest: {
      model,
      settings,
      cacheBreakpoints: cacheCheck.breakpoints.map(({ label, ttl }) => ({ label, ttl })),
    },
    pricing: resolved?.entry?.pricing,
  };
}
