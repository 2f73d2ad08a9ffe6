import type { PushSource } from "../push-source";

/** Header names in lower case, one value each (gateway answers set no cookies). */
export type AnswerHeaders = Record<string, string>;

/**
 * What the gateway answers, as plain data: no Web `Response` or `Headers` (building them, and
 * reading a body back out of one, showed in every request's CPU profile). The production server
 * writes it to Node's response (lib/server/write-gateway-answer.ts); only Next.js's route
 * handlers, under `next dev`, get a Web Response made of it (lib/gateway/gateway-answer-response.ts).
 */
export type GatewayAnswer = CompleteAnswer | StreamedAnswer;

/** A whole body (JSON text), written at once with its length; `null`: no body. */
export type CompleteAnswer = { status: number; headers: AnswerHeaders; body: string | null };

/** Server-sent events, written as they come: headers and the first event at once, no length. */
export type StreamedAnswer = { status: number; headers: AnswerHeaders; stream: PushSource<Uint8Array> };

/** A JSON answer from its text; `content-type: application/json` unless `headers` name one. */
export function jsonTextAnswer(text: string, init: { status?: number; headers?: AnswerHeaders } = {}): CompleteAnswer {
  return {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", ...init.headers },
    body: text,
  };
}

/** Like `Response.json(data, init)`. */
export function jsonAnswer(data: unknown, init?: { status?: number; headers?: AnswerHeaders }): CompleteAnswer {
  return jsonTextAnswer(JSON.stringify(data), init);
}

export function isStreamedAnswer(answer: GatewayAnswer): answer is StreamedAnswer {
  return "stream" in answer;
}

/** The answer with `extra` headers set over its own (a new answer; the handler's is left alone). */
export function withAnswerHeaders<Answer extends GatewayAnswer>(answer: Answer, extra: AnswerHeaders): Answer {
  for (const _ in extra) return { ...answer, headers: { ...answer.headers, ...extra } };
  return answer;
}
