import { describeRequest } from "./describe-request";
import { messagesUseExtensions, OPENAI_SDK_FIELDS, toolsUseExtensions } from "./prepare-view-code-request";
import { partitionFields, typeScriptProperty, typeScriptSpread } from "./render-call-arguments";
import { typeScriptClientPreamble, type SnippetContext } from "./snippet-context";

/**
 * The `openai` TypeScript SDK with `baseURL` at the gateway. Fields and content parts the
 * SDK's types lack (thinking, fallbacks, top_k, reasoning parts, documents, cache_control)
 * are sent as written: top-level ones spread in untyped, messages and tools cast to the
 * SDK's types, so the program type-checks and the body on the wire is exactly the request.
 */
export function generateOpenAITypeScriptSnippet(
  body: Record<string, unknown>,
  context: SnippetContext & { stream: boolean },
): string {
  const { typed, untyped } = partitionFields(body, (key) => OPENAI_SDK_FIELDS.has(key));
  const traits = describeRequest(body);
  const properties = typed.flatMap(([key, value]) => {
    if (key === "messages" && Array.isArray(value) && messagesUseExtensions(value)) {
      return [
        "  // Reasoning parts, documents and cache_control are gateway extensions the SDK's types lack.",
        typeScriptProperty(key, value, 2, " as OpenAI.ChatCompletionMessageParam[]"),
      ];
    }
    if (key === "tools" && Array.isArray(value) && toolsUseExtensions(value)) {
      return [
        "  // cache_control on a tool is a gateway extension.",
        typeScriptProperty(key, value, 2, " as OpenAI.ChatCompletionTool[]"),
      ];
    }
    return [typeScriptProperty(key, value, 2)];
  });
  if (Object.keys(untyped).length > 0) {
    properties.push(
      "  // Gateway extensions the SDK's types lack; the SDK sends them as written.",
      typeScriptSpread(untyped, 2),
    );
  }

  const result = context.stream ? "stream" : "response";
  return [
    ...typeScriptClientPreamble(context, { className: "OpenAI", module: "openai" }),
    `const ${result} = await client.chat.completions.create({`,
    ...properties,
    "});",
    "",
    ...(context.stream ? printStream(traits.thinks) : printResponse(traits.thinks, traits.usesTools)),
    "",
  ].join("\n");
}

function printStream(thinks: boolean): string[] {
  return [
    ...(thinks ? ["// Thinking arrives in `delta.reasoning` (a gateway extension); this prints the answer."] : []),
    "for await (const chunk of stream) {",
    '  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");',
    "}",
    'process.stdout.write("\\n");',
  ];
}

function printResponse(thinks: boolean, usesTools: boolean): string[] {
  return [
    ...(thinks
      ? [
          "// `reasoning` (with `reasoning_signature`, to send back next turn) is a gateway extension.",
          "const message = response.choices[0].message as OpenAI.ChatCompletionMessage & { reasoning?: string };",
          "if (message.reasoning) console.log(`Thinking: ${message.reasoning}\\n`);",
        ]
      : ["const message = response.choices[0].message;"]),
    "console.log(message.content);",
    ...(usesTools
      ? [
          "for (const toolCall of message.tool_calls ?? []) {",
          '  if (toolCall.type === "function") console.log(`Tool call: ${toolCall.function.name}(${toolCall.function.arguments})`);',
          "}",
        ]
      : []),
  ];
}
