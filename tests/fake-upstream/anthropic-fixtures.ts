import { readFileSync } from "node:fs";
import path from "node:path";

export const anthropicFixtureDirectory = path.resolve(
  import.meta.dirname,
  "../../lib/gateway/core/anthropic/__fixtures__",
);

/** Every recorded Anthropic stream, by fixture name (`anthropic-<case>`). */
export const anthropicFixtureNames = [
  "anthropic-text",
  "anthropic-thinking",
  "anthropic-thinking-signature-only",
  "anthropic-redacted-thinking",
  "anthropic-tool-use",
  "anthropic-tool-use-empty-arguments",
  "anthropic-cache-usage",
  "anthropic-error-mid-stream",
  "anthropic-pings",
  "anthropic-thinking-code",
  "anthropic-cache-write-1h",
  "anthropic-cache-read",
] as const;
export type AnthropicFixtureName = (typeof anthropicFixtureNames)[number];

export type AnthropicEvent = { type: string } & Record<string, unknown>;

/** A fixture's events: one JSON object per line of `__fixtures__/<name>.chunks.txt`. */
export function readAnthropicFixture(name: string): AnthropicEvent[] {
  const text = readFileSync(path.join(anthropicFixtureDirectory, `${name}.chunks.txt`), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as AnthropicEvent);
}

/** One event in Anthropic's SSE framing: `event: <type>` then `data: <json>`. */
export function toAnthropicSseEvent(event: AnthropicEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export function toAnthropicSse(events: AnthropicEvent[]): string {
  return events.map(toAnthropicSseEvent).join("");
}

/**
 * A fixture as the SSE byte stream a fetch body would yield, cut every `chunkSize` bytes so
 * events and even UTF-8 sequences straddle chunk boundaries.
 */
export function fixtureSseStream(name: string, chunkSize = 17): ReadableStream<Uint8Array<ArrayBuffer>> {
  const bytes = new TextEncoder().encode(toAnthropicSse(readAnthropicFixture(name)));
  let offset = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

export async function readAll<Chunk>(stream: ReadableStream<Chunk>): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Chunk>) chunks.push(chunk);
  return chunks;
}
