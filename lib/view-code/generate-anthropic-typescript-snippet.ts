import { partitionFields, typeScriptProperty, typeScriptSpread } from "./render-call-arguments";
import { typeScriptClientPreamble, type SnippetContext } from "./snippet-context";

/**
 * Body fields `@anthropic-ai/sdk` 1.x does not type: the sampling parameters (gone from its
 * default API version) and the gateway's `fallbacks`. They are spread in untyped.
 */
const UNTYPED_FIELDS = new Set(["temperature", "top_p", "top_k", "fallbacks"]);

/**
 * Same as `openAIShapedAnthropicVersion` in the gateway's Anthropic client (a test keeps them
 * equal); not imported, so this module stays free of the client's I/O code in the browser.
 */
export const GATEWAY_ANTHROPIC_VERSION = "2023-06-01";

/**
 * `@anthropic-ai/sdk` against POST /v3/router/v1/messages with the Messages body the gateway
 * itself would send upstream. The client pins `anthropic-version: 2023-06-01` (the version
 * the gateway's OpenAI-shaped endpoints use), and the 1-hour cache TTL beta goes in the
 * `anthropic-beta` header when a breakpoint asks for it.
 */
export function generateAnthropicTypeScriptSnippet(
  body: Record<string, unknown>,
  context: SnippetContext & { betas: string[] },
): string {
  const stream = body.stream === true;
  const { typed, untyped } = partitionFields(body, (key) => !UNTYPED_FIELDS.has(key));
  const hasBetas = context.betas.length > 0;
  const indent = hasBetas ? 4 : 2;
  const properties = typed.map(([key, value]) => typeScriptProperty(key, value, indent));
  if (Object.keys(untyped).length > 0) {
    properties.push(
      `${" ".repeat(indent)}// Not in the SDK's types: sampling parameters (API version 2023-06-01) and the gateway's fallbacks.`,
      typeScriptSpread(untyped, indent),
    );
  }
  const result = stream ? "stream" : "message";
  const call = hasBetas
    ? [
        `const ${result} = await client.messages.create(`,
        "  {",
        ...properties,
        "  },",
        `  { headers: { "anthropic-beta": ${JSON.stringify(context.betas.join(","))} } },`,
        ");",
      ]
    : [`const ${result} = await client.messages.create({`, ...properties, "});"];
  const blockTypes = new Set(contentBlockTypes(body));

  return [
    ...typeScriptClientPreamble(context, { className: "Anthropic", module: "@anthropic-ai/sdk" }, [
      "  // The API version the gateway speaks upstream for OpenAI-shaped calls; SDK 1.x defaults",
      "  // to 2026-10-21, which no longer accepts temperature, top_p and top_k.",
      `  defaultHeaders: { "anthropic-version": ${JSON.stringify(GATEWAY_ANTHROPIC_VERSION)} },`,
    ]),
    ...call,
    "",
    ...(stream ? printStream() : printMessage(blockTypes)),
    "",
  ].join("\n");
}

function printStream(): string[] {
  return [
    "for await (const event of stream) {",
    '  if (event.type === "content_block_delta" && event.delta.type === "text_delta") process.stdout.write(event.delta.text);',
    "}",
    'process.stdout.write("\\n");',
  ];
}

function printMessage(expected: Set<string>): string[] {
  return [
    "for (const block of message.content) {",
    ...(expected.has("thinking")
      ? ['  if (block.type === "thinking") console.log(`Thinking: ${block.thinking}\\n`);']
      : []),
    '  if (block.type === "text") console.log(block.text);',
    ...(expected.has("tool_use")
      ? ['  if (block.type === "tool_use") console.log(`Tool call: ${block.name}(${JSON.stringify(block.input)})`);']
      : []),
    "}",
  ];
}

/** Block types the answer may contain: thinking when thinking is on, tool_use when tools are offered. */
function contentBlockTypes(body: Record<string, unknown>): string[] {
  const thinking = body.thinking as { type?: string } | undefined;
  return [
    ...(thinking && thinking.type !== "disabled" ? ["thinking"] : []),
    ...(Array.isArray(body.tools) && body.tools.length > 0 ? ["tool_use"] : []),
  ];
}
