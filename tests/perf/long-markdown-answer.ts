import type { AnthropicEvent } from "../fake-upstream/anthropic-fixtures";

/**
 * A long Claude-style markdown answer (headings, paragraphs, lists, tables and code blocks) as the
 * Anthropic stream events a provider would send, about `tokens` tokens at ~4 characters each, in
 * text deltas of `tokensPerDelta` tokens. The shape is the recorded anthropic-text fixture's.
 */
export function longMarkdownAnswerEvents(tokens: number, tokensPerDelta: number): AnthropicEvent[] {
  const text = longMarkdown(tokens * 4);
  const deltaLength = tokensPerDelta * 4;
  const deltas: AnthropicEvent[] = [];
  for (let offset = 0; offset < text.length; offset += deltaLength) {
    deltas.push({
      type: "content_block_delta",
      index: 0,
      delta: { type: "text_delta", text: text.slice(offset, offset + deltaLength) },
    });
  }
  return [
    {
      type: "message_start",
      message: {
        id: "msg_01LongMarkdown",
        type: "message",
        role: "assistant",
        model: "claude-sonnet-4-6",
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 },
      },
    },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    ...deltas,
    { type: "content_block_stop", index: 0 },
    {
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: tokens },
    },
    { type: "message_stop" },
  ];
}

function longMarkdown(characters: number): string {
  const sections: string[] = [];
  for (let section = 1; sections.join("").length < characters; section++) {
    sections.push(
      `## ${section}. Designing part ${section} of the rate limiter\n\n` +
        `The **token bucket** for shard ${section} refills at a fixed rate, and each request takes one token; ` +
        `when the bucket is empty the request waits or is refused with \`429\`. Keeping buckets in memory on ` +
        `each node and *reconciling* them every ${section * 10} ms trades a little accuracy for latency.\n\n` +
        `- Partition keys by tenant so that hot tenants spread across shards\n` +
        `- Use a sliding window of ${section + 1} buckets to smooth bursts\n` +
        `- Fall back to a local limit when the store is unreachable\n\n` +
        `| shard | rate (req/s) | burst | store |\n| --- | ---: | ---: | --- |\n` +
        `| ${section}a | ${section * 1000} | ${section * 50} | Redis |\n` +
        `| ${section}b | ${section * 900} | ${section * 40} | PostgreSQL |\n\n` +
        "```ts\n" +
        `export function take${section}(bucket: Bucket, now: number): boolean {\n` +
        `  const refill = Math.floor((now - bucket.updatedAt) * bucket.ratePerMs);\n` +
        `  bucket.tokens = Math.min(bucket.capacity, bucket.tokens + refill);\n` +
        `  bucket.updatedAt = now;\n` +
        `  if (bucket.tokens === 0) return false;\n` +
        `  bucket.tokens -= 1;\n` +
        `  return true;\n` +
        `}\n` +
        "```\n\n",
    );
  }
  return sections.join("").slice(0, characters);
}
