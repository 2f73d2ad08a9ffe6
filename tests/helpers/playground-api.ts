import { expect } from "vitest";
import { defaultPlaygroundSettings } from "@/lib/conversations/document/conversation-document";

/** A same-origin call as some signed-in user (e.g. {@link SignedInApp.call}). */
type Call = (pathname: string, init?: RequestInit) => Promise<Response>;

const PLAYGROUND_MODEL = "anthropic/claude-sonnet-4-6";

/** Creates a playground conversation with the default model and settings; its id. */
export async function createPlaygroundSession(call: Call): Promise<string> {
  const created = await call("/api/playground/sessions", {
    method: "POST",
    body: JSON.stringify({ model: PLAYGROUND_MODEL, settings: defaultPlaygroundSettings }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { session: { id: string } }).session.id;
}

/** The action that sends one text message. */
export const sendText = (text: string) => ({ type: "send", parts: [{ type: "text", text }], cache: null });

/** Runs a turn (default model and settings) and checks the server took it; the response streams its NDJSON. */
export async function postPlaygroundTurn(call: Call, sessionId: string, action: object): Promise<Response> {
  const turn = await call(`/api/playground/sessions/${sessionId}/turns`, {
    method: "POST",
    body: JSON.stringify({ model: PLAYGROUND_MODEL, settings: defaultPlaygroundSettings, action }),
  });
  expect(turn.status).toBe(200);
  return turn;
}

/** Reads a streaming response until its text includes `marker`; the reader, left open. */
export async function readStreamUntil(response: Response, marker: string) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = "";
  while (!received.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before "${marker}": ${received}`);
    received += value;
  }
  return reader;
}
