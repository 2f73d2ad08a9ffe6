import type { z } from "zod";
import { ApiRequestError, requestJson } from "@/components/api-client/request-json";
import {
  compareStreamEventSchema,
  type CompareRequestBody,
  type CompareStreamEvent,
  type PromoteRequestBody,
} from "@/lib/conversations/compare/compare-api";
import { playgroundStreamEventSchema, type PlaygroundStreamEvent } from "@/lib/conversations/turns/turn-stream-events";
import type {
  AttachmentMeta,
  PlaygroundSettings,
  ConversationDocument,
} from "@/lib/conversations/document/conversation-document";
import type { TurnRequestBody } from "@/lib/conversations/turns/turn-action";

export function createConversation(body: { model: string; settings: PlaygroundSettings }) {
  return requestJson<{ session: ConversationDocument }>("/api/playground/sessions", { method: "POST", body });
}

export function updateConversation(
  sessionId: string,
  body: { model?: string; settings?: PlaygroundSettings; title?: string },
) {
  return requestJson<unknown>(`/api/playground/sessions/${encodeURIComponent(sessionId)}`, { method: "PATCH", body });
}

export async function getConversation(sessionId: string) {
  return (
    await requestJson<{ session: ConversationDocument }>(`/api/playground/sessions/${encodeURIComponent(sessionId)}`)
  ).session;
}

export async function uploadFile(file: File): Promise<AttachmentMeta> {
  const form = new FormData();
  form.set("file", file);
  let response: Response;
  try {
    response = await fetch("/api/playground/attachments", { method: "POST", body: form });
  } catch {
    throw new ApiRequestError(0, "network_error", `Could not upload ${file.name}: the server is unreachable.`);
  }
  const body = (await response.json().catch(() => undefined)) as
    { attachment?: AttachmentMeta; error?: { code?: string; message?: string } } | undefined;
  if (!response.ok || !body?.attachment) {
    throw new ApiRequestError(
      response.status,
      body?.error?.code ?? "http_error",
      body?.error?.message ?? `Upload failed (${response.status}).`,
    );
  }
  return body.attachment;
}

export async function attachUrl(url: string): Promise<AttachmentMeta> {
  return (
    await requestJson<{ attachment: AttachmentMeta }>("/api/playground/attachments", { method: "POST", body: { url } })
  ).attachment;
}

/**
 * Starts a turn and yields its events. A 4xx (validation) throws ApiRequestError before any
 * event; aborting `signal` (Stop) ends the request, which the server turns into an upstream abort.
 */
export function streamTurn(
  sessionId: string,
  body: TurnRequestBody,
  signal: AbortSignal,
): AsyncGenerator<PlaygroundStreamEvent> {
  return streamEvents(
    `/api/playground/sessions/${encodeURIComponent(sessionId)}/turns`,
    body,
    playgroundStreamEventSchema,
    signal,
  );
}

/** Runs one compare column (not saved) and yields its events; errors and Stop as for `streamTurn`. */
export function streamCompareColumn(
  sessionId: string,
  body: CompareRequestBody,
  signal: AbortSignal,
): AsyncGenerator<CompareStreamEvent> {
  return streamEvents(
    `/api/playground/sessions/${encodeURIComponent(sessionId)}/compare`,
    body,
    compareStreamEventSchema,
    signal,
  );
}

/** Saves a compare column's turn to the conversation; answers with the conversation as saved. */
export async function promoteCompareAnswer(sessionId: string, body: PromoteRequestBody) {
  const path = `/api/playground/sessions/${encodeURIComponent(sessionId)}/compare/promote`;
  return (await requestJson<{ session: ConversationDocument }>(path, { method: "POST", body })).session;
}

/** POSTs `body` and yields the NDJSON response's events, each checked with `schema`. */
async function* streamEvents<T>(
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  signal: AbortSignal,
): AsyncGenerator<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiRequestError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  if (!response.ok || !response.body) {
    const error = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string; param?: string } } | undefined;
    throw new ApiRequestError(
      response.status,
      error?.error?.code ?? "http_error",
      error?.error?.message ?? `The server answered ${response.status}.`,
      error?.error?.param,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline = buffered.indexOf("\n");
    while (newline !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== "") yield schema.parse(JSON.parse(line));
      newline = buffered.indexOf("\n");
    }
  }
}
