import "server-only";
import type { Db } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isSameBase, promoteRequestBodySchema } from "./compare-api";
import { prepareTurn } from "@/lib/conversations/turns/prepare-turn";
import { getSessionDocument } from "@/lib/conversations/store/conversation-store";
import type { ConversationDocument } from "@/lib/conversations/document/conversation-document";
import { saveTurnStart, turnStartOf } from "@/lib/conversations/store/turn-store";

/**
 * Saves a compare column's turn to the conversation: the user's message (with the column's
 * cache breakpoint) and the column's answer with its metrics and frozen request, exactly as a
 * normal turn would have saved them, so sharing, export, "view code" and the next turn see
 * no difference. The conversation continues with the column's model and settings. Refused
 * when the conversation changed since the column ran (its answer would sit on another context).
 */
export async function promoteCompareAnswer(args: {
  db: Db;
  userId: string;
  sessionId: string;
  body: unknown;
}): Promise<ConversationDocument> {
  const { db, userId, sessionId } = args;
  const { base, model, settings, message, marks, answer } = promoteRequestBodySchema.parse(args.body);
  const changed = () =>
    new AppError(
      "conflict",
      "The conversation changed after this comparison ran (a turn was added, edited or regenerated), so its answers no longer follow it. Send the message again to compare on the current conversation.",
    );
  if (!isSameBase((await getSessionDocument(db, userId, sessionId)).messages, base)) throw changed();
  const prepared = await prepareTurn(
    db,
    userId,
    sessionId,
    { model, settings, action: { type: "send", parts: message.parts, cache: message.cache }, marks },
    { externalGateway: Boolean(getConfig().externalGateway) },
  );
  if (!isSameBase(prepared.document.messages, base)) throw changed();
  await saveTurnStart(
    db,
    turnStartOf(sessionId, prepared, {
      model,
      settings,
      metrics: answer.metrics,
      answer: { parts: answer.parts, status: answer.status, error: answer.error },
    }),
  );
  return getSessionDocument(db, userId, sessionId);
}
