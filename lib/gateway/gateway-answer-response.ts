import { isStreamedAnswer, type GatewayAnswer } from "./core/http/gateway-answer";
import { webStreamFromPushSource } from "./core/push-source-web-stream";

/**
 * A gateway answer as a Web `Response`, for what needs one: Next.js's route handlers (`next dev`,
 * and paths the production server leaves to Next.js) and in-process tests. The production
 * server writes answers to Node's response without one (lib/server/write-gateway-answer.ts).
 */
export function gatewayAnswerResponse(answer: GatewayAnswer): Response {
  const init = { status: answer.status, headers: answer.headers };
  if (isStreamedAnswer(answer)) return new Response(webStreamFromPushSource(answer.stream), init);
  return new Response(answer.body, init);
}
