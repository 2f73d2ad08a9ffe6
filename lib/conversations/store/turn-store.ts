import "server-only";
import type { Db } from "@/lib/db";
import type { SentBackReasoning } from "@/lib/conversations/turns/build-chat-request";
import { firstText } from "./conversation-store";
import {
  titleFromText,
  type MessagePart,
  type PlaygroundSettings,
  type StoredMessage,
  type TurnMetrics,
  type TurnRequest,
} from "@/lib/conversations/document/conversation-document";
import type { TurnPlan } from "@/lib/conversations/turns/turn-action";
import type { PreparedTurn } from "@/lib/conversations/turns/prepare-turn";

/** How a streaming assistant turn stands: written at most a second behind the stream, and once at the end. */
export type TurnState = Pick<StoredMessage, "status" | "error"> & { parts: MessagePart[]; metrics: TurnMetrics };

export async function saveTurnState(db: Db, messageId: string, state: TurnState): Promise<void> {
  await db.playgroundMessage.update({
    where: { id: messageId },
    data: {
      parts: JSON.stringify(state.parts),
      status: state.status,
      metrics: JSON.stringify(state.metrics),
      error: state.error ? JSON.stringify(state.error) : null,
    },
  });
}

/**
 * Writes the start of a turn in one transaction: drops the messages a regenerate or an edit
 * replaces, appends the user's (or tools') message, saves cache-mark changes and "sent back"
 * flags on earlier turns, creates the assistant turn (streaming, or already answered when a
 * compare column is promoted) with its frozen request, and bumps the session (model,
 * settings, auto title, last activity).
 */
/**
 * What {@link saveTurnStart} writes for a prepared turn: the turn's messages, request and the
 * session's model and settings. `answer`: the assistant turn's content when already known.
 */
export function turnStartOf(
  sessionId: string,
  prepared: Pick<PreparedTurn, "document" | "plan" | "position" | "sentBack" | "turnRequest">,
  turn: { model: string; settings: PlaygroundSettings; metrics: TurnMetrics; answer?: Omit<TurnState, "metrics"> },
): Parameters<typeof saveTurnStart>[1] {
  const { document, plan, position } = prepared;
  return {
    sessionId,
    saved: document.messages,
    position,
    append: plan.append,
    sentBack: prepared.sentBack,
    keep: plan.keep,
    turnRequest: prepared.turnRequest,
    metrics: turn.metrics,
    answer: turn.answer,
    session: { model: turn.model, settings: JSON.stringify(turn.settings), titleEdited: document.titleEdited },
  };
}

export async function saveTurnStart(
  db: Db,
  input: {
    sessionId: string;
    position: number;
    append: TurnPlan["append"];
    keep: StoredMessage[];
    /** The messages as they were saved, to see which kept ones changed. */
    saved: StoredMessage[];
    sentBack: SentBackReasoning[];
    turnRequest: TurnRequest;
    metrics: TurnMetrics;
    /** The assistant turn's content when it is already known (a promoted compare column); else it starts empty, streaming. */
    answer?: Omit<TurnState, "metrics">;
    session: { model: string; settings: string; titleEdited: boolean };
  },
) {
  const { sessionId, position } = input;
  return db.$transaction(async (tx) => {
    await tx.playgroundMessage.deleteMany({ where: { sessionId, position: { gte: position } } });
    if (input.append) {
      await tx.playgroundMessage.create({
        data: {
          sessionId,
          position,
          role: input.append.role,
          parts: JSON.stringify(input.append.parts),
          cacheControl: input.append.cache ? JSON.stringify(input.append.cache) : null,
        },
      });
    }
    // Reasoning that goes back to the model now is marked, so the UI can say "sent back";
    // cache breakpoint changes on earlier messages are saved with the turn that uses them.
    const sentBackByPosition = new Map<number, Set<number>>();
    for (const entry of input.sentBack) {
      sentBackByPosition.set(
        entry.position,
        (sentBackByPosition.get(entry.position) ?? new Set()).add(entry.partIndex),
      );
    }
    for (const message of input.keep) {
      const partIndexes = sentBackByPosition.get(message.position) ?? new Set<number>();
      const parts = message.parts.map((part, index) =>
        partIndexes.has(index) && (part.type === "reasoning" || part.type === "redacted_reasoning") && !part.sentBack
          ? { ...part, sentBack: true }
          : part,
      );
      const saved = input.saved.find((candidate) => candidate.id === message.id);
      const partsJson = JSON.stringify(parts);
      const cacheJson = message.cache ? JSON.stringify(message.cache) : null;
      const savedCacheJson = saved?.cache ? JSON.stringify(saved.cache) : null;
      if (saved && partsJson === JSON.stringify(saved.parts) && cacheJson === savedCacheJson) continue;
      await tx.playgroundMessage.update({
        where: { id: message.id },
        data: { parts: partsJson, cacheControl: cacheJson },
      });
    }
    const assistant = await tx.playgroundMessage.create({
      data: {
        sessionId,
        position: position + (input.append ? 1 : 0),
        role: "assistant",
        parts: JSON.stringify(input.answer?.parts ?? []),
        status: input.answer?.status ?? "streaming",
        request: JSON.stringify(input.turnRequest),
        metrics: JSON.stringify(input.metrics),
        error: input.answer?.error ? JSON.stringify(input.answer.error) : null,
      },
    });
    const firstUser =
      position === 0 && input.append?.role === "user" ? titleFromText(firstText(input.append.parts)) : null;
    await tx.playgroundSession.update({
      where: { id: sessionId },
      data: {
        model: input.session.model,
        settings: input.session.settings,
        lastActivityAt: new Date(),
        ...(firstUser !== null && !input.session.titleEdited ? { title: firstUser } : {}),
      },
    });
    return assistant;
  });
}
