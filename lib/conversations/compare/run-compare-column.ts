import "server-only";
import { compareBaseOf, compareRequestBodySchema, type CompareStreamEvent } from "./compare-api";
import { playgroundStreamHeaders } from "@/lib/conversations/turns/turn-stream-events";
import { prepareGatewayTurn, type TurnRouteArgs } from "@/lib/conversations/turns/prepare-turn";
import { startAnswer, streamGatewayAnswer } from "@/lib/conversations/turns/stream-gateway-answer";
import { ndjsonSender } from "@/lib/conversations/turns/ndjson-sender";

/**
 * One compare column: the saved conversation plus the new message, answered by the column's
 * model and settings through the gateway (so it is logged, limited and priced like any
 * request), streamed to the browser and not saved. Validation problems are thrown (a JSON
 * 4xx); after that every outcome ends in an `end` event.
 */
export async function runCompareColumn(args: TurnRouteArgs): Promise<Response> {
  const { signal } = args;
  const { model, settings, message, marks } = compareRequestBodySchema.parse(args.body);
  const action = { type: "send" as const, parts: message.parts, cache: message.cache };
  const { gateway, prepared } = await prepareGatewayTurn(args, { model, settings, action, marks });

  const answer = startAnswer();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = ndjsonSender<CompareStreamEvent>(controller, signal);
      send({ type: "start", base: compareBaseOf(prepared.document.messages) });
      await streamGatewayAnswer({
        client: gateway.client,
        body: prepared.body,
        pricing: prepared.pricing,
        signal,
        answer,
        onDelta: (delta) => send({ type: "delta", delta }),
      });
      if (answer.status !== "streaming") {
        send({
          type: "end",
          answer: { parts: answer.parts, status: answer.status, error: answer.error, metrics: answer.metrics },
        });
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
