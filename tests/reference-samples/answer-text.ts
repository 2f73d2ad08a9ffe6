import { readAnthropicFixture } from "../fake-upstream/anthropic-fixtures";

/** The answer a fixture carries: its text deltas joined (thinking and tool input excluded). */
export function fixtureAnswerText(fixture: string): string {
  return readAnthropicFixture(fixture)
    .map((event) => {
      const delta = event.delta as { type?: string; text?: string } | undefined;
      return event.type === "content_block_delta" && delta?.type === "text_delta" ? (delta.text ?? "") : "";
    })
    .join("");
}

/**
 * The answer text of a gateway response body, whatever its shape: a `chat.completion`, a
 * Responses API `response`, an Anthropic Message, or any of those protocols' SSE streams.
 */
export function answerTextOf(body: string): string {
  const trimmed = body.trimStart();
  if (trimmed.startsWith("data:") || trimmed.startsWith("event:")) {
    return trimmed
      .split("\n")
      .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
      .map((line) => textOfStreamEvent(JSON.parse(line.slice("data: ".length))))
      .join("");
  }
  const json = JSON.parse(trimmed) as {
    object?: string;
    choices?: Array<{ message: { content: string | null } }>;
    content?: Array<{ type: string; text?: string }>;
    output?: Array<{ type: string; content?: Array<{ type: string; text?: string }> }>;
  };
  if (json.object === "chat.completion") return json.choices?.[0]?.message.content ?? "";
  if (json.object === "response") {
    // What the SDK's `output_text` adds up: every output_text part of every message item.
    return (json.output ?? [])
      .flatMap((item) => (item.type === "message" ? (item.content ?? []) : []))
      .map((part) => (part.type === "output_text" ? (part.text ?? "") : ""))
      .join("");
  }
  return (json.content ?? []).map((block) => (block.type === "text" ? (block.text ?? "") : "")).join("");
}

function textOfStreamEvent(event: {
  object?: string;
  type?: string;
  choices?: Array<{ delta?: { content?: string } }>;
  delta?: string | { type?: string; text?: string };
}): string {
  if (event.object === "chat.completion.chunk") return event.choices?.[0]?.delta?.content ?? "";
  if (event.type === "response.output_text.delta" && typeof event.delta === "string") return event.delta;
  if (event.type === "content_block_delta" && typeof event.delta === "object" && event.delta.type === "text_delta")
    return event.delta.text ?? "";
  return "";
}
