import "server-only";
import { playgroundStreamHeaders, type PlaygroundStreamEvent } from "./turn-stream-events";
import { prepareGatewayTurn, type TurnRouteArgs } from "./prepare-turn";
import { getSessionDocument, toStoredMessage } from "@/lib/conversations/store/conversation-store";
import { startAnswer, streamGatewayAnswer } from "./stream-gateway-answer";
import { createThrottledSaver } from "./throttled-saver";
import { turnRequestBodySchema } from "./turn-action";
import { saveTurnStart, turnStartOf, saveTurnState } from "@/lib/conversations/store/turn-store";
import { ndjsonSender } from "./ndjson-sender";

/** A crash or closed tab loses at most this much of a streaming answer. */
const SAVE_INTERVAL_MS = 1_000;
const HEARTBEAT_MS = 5_000;

/**
 * One playground turn: applies the action (send / regenerate / edit / tool results) to the
 * saved conversation, sends the whole conversation to the gateway, and streams the answer to
 * the browser while saving it. Validation problems are thrown (a JSON 4xx); from the first
 * byte on, every outcome — answer, gateway error, stop — ends up saved on the assistant turn.
 */
export async function runTurn(args: TurnRouteArgs): Promise<Response> {
  const { db, userId, sessionId, signal } = args;
  const { model, settings, action, marks } = turnRequestBodySchema.parse(args.body);
  const { gateway, prepared } = await prepareGatewayTurn(args, { model, settings, action, marks });
  const answer = startAnswer();
  const assistant = await saveTurnStart(
    db,
    turnStartOf(sessionId, prepared, { model, settings, metrics: answer.metrics }),
  );

  const saveProgress = () => saveTurnState(db, assistant.id, answer);
  const saver = createThrottledSaver(saveProgress, SAVE_INTERVAL_MS);
  // While the provider is quiet (a long tool input, a slow first token) the row still shows the
  // stream is alive, so readers do not take it for a lost one.
  const heartbeat = setInterval(() => saver.changed(), HEARTBEAT_MS);

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = ndjsonSender<PlaygroundStreamEvent>(controller, signal);
      const saved = await getSessionDocument(db, userId, sessionId);
      send({ type: "start", messages: saved.messages });
      await streamGatewayAnswer({
        client: gateway.client,
        body: prepared.body,
        pricing: prepared.pricing,
        signal,
        answer,
        onDelta: (delta) => {
          send({ type: "delta", delta });
          saver.changed();
        },
      });
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
