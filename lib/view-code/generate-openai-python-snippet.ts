import { describeRequest } from "./describe-request";
import { OPENAI_SDK_FIELDS } from "./prepare-view-code-request";
import { partitionFields, pythonKeywordArgument } from "./render-call-arguments";
import { abbreviationNotice, type SnippetContext } from "./snippet-context";
import { API_KEY_ENV_VAR, ROUTER_BASE_PATH } from "./view-code-types";

/**
 * The `openai` Python SDK with `base_url` at the gateway. `create()` takes only the keyword
 * arguments it knows, so the gateway's extensions (thinking, fallbacks, top_k) go in
 * `extra_body`, which the SDK merges into the JSON body, as the reference docs do.
 */
export function generateOpenAIPythonSnippet(
  body: Record<string, unknown>,
  context: SnippetContext & { stream: boolean },
): string {
  const { typed, untyped } = partitionFields(body, (key) => OPENAI_SDK_FIELDS.has(key));
  const traits = describeRequest(body);
  const result = context.stream ? "stream" : "response";
  return [
    ...abbreviationNotice(context, "#"),
    "from openai import OpenAI",
    "import os",
    "",
    "client = OpenAI(",
    `    api_key=os.environ.get(${JSON.stringify(API_KEY_ENV_VAR)}),`,
    `    base_url=${JSON.stringify(`${context.baseUrl}${ROUTER_BASE_PATH}`)},`,
    ")",
    "",
    `${result} = client.chat.completions.create(`,
    ...typed.map(([key, value]) => pythonKeywordArgument(key, value, 4)),
    ...(Object.keys(untyped).length > 0 ? [pythonKeywordArgument("extra_body", untyped, 4)] : []),
    ")",
    "",
    ...(context.stream ? printStream() : printResponse(traits.thinks, traits.usesTools)),
    "",
  ].join("\n");
}

function printStream(): string[] {
  return [
    "for chunk in stream:",
    "    if chunk.choices and chunk.choices[0].delta.content:",
    '        print(chunk.choices[0].delta.content, end="", flush=True)',
    "print()",
  ];
}

function printResponse(thinks: boolean, usesTools: boolean): string[] {
  return [
    "message = response.choices[0].message",
    ...(thinks
      ? [
          "# `reasoning` (with `reasoning_signature`, to send back next turn) is a gateway extension.",
          'reasoning = getattr(message, "reasoning", None)',
          "if reasoning:",
          '    print(f"Thinking: {reasoning}\\n")',
        ]
      : []),
    "print(message.content)",
    ...(usesTools
      ? [
          "for tool_call in message.tool_calls or []:",
          '    print(f"Tool call: {tool_call.function.name}({tool_call.function.arguments})")',
        ]
      : []),
  ];
}
