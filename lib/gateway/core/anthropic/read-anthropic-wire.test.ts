import { describe, expect, it } from "vitest";
import { accumulateAnthropicMessage } from "@/tests/fake-upstream/accumulate-anthropic-message";
import { anthropicFixtureNames, readAnthropicFixture } from "@/tests/fake-upstream/anthropic-fixtures";
import {
  anthropicContentBlockSchema,
  anthropicMessageSchema,
  anthropicRedactedThinkingBlockSchema,
  anthropicStreamEventSchema,
  anthropicTextBlockSchema,
  anthropicThinkingBlockSchema,
  anthropicToolUseBlockSchema,
  anthropicUsageSchema,
} from "./anthropic-api";
import { readAnthropicMessage, readContentBlock, readStreamEvent, readUsage } from "./read-anthropic-wire";

/**
 * The hand-written readers must accept exactly what the zod schemas (the wire format's
 * description) accept, and return the same data. Checked on every recorded event and message,
 * and on each of them with one field at a time removed or replaced by a value of another type.
 */
const ODD_VALUES: unknown[] = [undefined, null, 0, -3, 1.5, "x", "", true, [], {}, [1], { type: "text" }];

type Json = Record<string, unknown>;

/** `value` and its variants: each field (one level down too) removed or replaced by each odd value. */
function* variants(value: Json, depth = 2): Generator<Json> {
  yield value;
  if (depth === 0) return;
  for (const key of Object.keys(value)) {
    for (const odd of ODD_VALUES) yield { ...value, [key]: odd };
    const { [key]: _removed, ...rest } = value;
    yield rest;
    const inner = value[key];
    if (typeof inner === "object" && inner !== null && !Array.isArray(inner)) {
      for (const variant of variants(inner as Json, depth - 1))
        if (variant !== inner) yield { ...value, [key]: variant };
    }
  }
}

/** Drops keys whose value is undefined: zod leaves an absent optional key out, the readers may set it. */
const normalized = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function agree(
  read: (value: never) => unknown,
  schema: { safeParse(value: unknown): { success: boolean; data?: unknown } },
  value: unknown,
) {
  const parsed = schema.safeParse(value);
  expect(normalized(read(value as never)), JSON.stringify(value)).toEqual(
    parsed.success ? normalized(parsed.data) : undefined,
  );
}

const events = anthropicFixtureNames.flatMap((name) => readAnthropicFixture(name));
const messages = anthropicFixtureNames.map((name) => accumulateAnthropicMessage(readAnthropicFixture(name)) as Json);

describe("readStreamEvent agrees with anthropicStreamEventSchema", () => {
  it.each([...new Set(events.map((event) => event.type))])("%s events and their variants", (type) => {
    let checked = 0;
    for (const event of events.filter((candidate) => candidate.type === type)) {
      for (const variant of variants(event)) {
        // The decoder reads only events whose type the schema knows (knownAnthropicStreamEventTypes).
        if (variant.type !== type) continue;
        agree(readStreamEvent, anthropicStreamEventSchema, variant);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("readAnthropicMessage agrees with anthropicMessageSchema", () => {
  it("on every recorded answer and its variants", () => {
    let checked = 0;
    for (const message of messages) {
      for (const variant of variants(message)) {
        agree(readAnthropicMessage, anthropicMessageSchema, variant);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it.each([null, "message", [], 42])("rejects %j", (value) => {
    expect(readAnthropicMessage(value)).toBeUndefined();
  });
});

describe("readUsage agrees with anthropicUsageSchema", () => {
  it.each([
    { input_tokens: 10, output_tokens: 5 },
    { input_tokens: -1, output_tokens: 2.6, cache_read_input_tokens: 1e12, extra: "kept" },
    { input_tokens: 3, cache_creation: { ephemeral_5m_input_tokens: 4, ephemeral_1h_input_tokens: "x" } },
    { cache_creation: null },
    { cache_creation: "bad" },
    { cache_creation: [] },
    {},
  ])("%j", (usage) => agree(readUsage, anthropicUsageSchema, usage));

  it.each([null, undefined, 3, "usage", []])("rejects %j", (value) => {
    expect(readUsage(value)).toBeUndefined();
    expect(anthropicUsageSchema.safeParse(value).success).toBe(false);
  });
});

describe("readContentBlock agrees with the per-type block schemas", () => {
  const schemas = {
    text: anthropicTextBlockSchema,
    thinking: anthropicThinkingBlockSchema,
    redacted_thinking: anthropicRedactedThinkingBlockSchema,
    tool_use: anthropicToolUseBlockSchema,
  } as const;
  const blocks: Json[] = [
    ...events.filter((event) => event.type === "content_block_start").map((event) => event.content_block as Json),
    { type: "text", text: "Hello" },
    { type: "thinking", thinking: "Let me see.", signature: "EqQBCkYIARgCIkB" },
    { type: "redacted_thinking", data: "EmwKAhgBEgy3" },
    { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
    { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: {} },
  ];
  it.each(Object.keys(schemas))("%s blocks and their variants", (type) => {
    const schema = schemas[type as keyof typeof schemas];
    let checked = 0;
    for (const block of blocks.filter((candidate) => candidate.type === type)) {
      for (const variant of variants(block, 1)) {
        if (!anthropicContentBlockSchema.safeParse(variant).success || variant.type !== type) continue;
        agree((value: Json) => readContentBlock(value), schema, variant);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("knows no other block type", () => {
    expect(readContentBlock({ type: "server_tool_use", id: "x", name: "web_search", input: {} })).toBeUndefined();
  });
});
