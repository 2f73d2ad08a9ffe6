import { abbreviateBase64 } from "./abbreviate-base64";
import { generateAnthropicTypeScriptSnippet } from "./generate-anthropic-typescript-snippet";
import { generateCurlSnippet } from "./generate-curl-snippet";
import { generateOpenAIPythonSnippet } from "./generate-openai-python-snippet";
import { generateOpenAITypeScriptSnippet } from "./generate-openai-typescript-snippet";
import { prepareViewCodeRequest } from "./prepare-view-code-request";
import { normalizeBaseUrl } from "./snippet-context";
import { toAnthropicMessagesBody } from "./to-anthropic-messages-body";
import type { Snippet, ViewCodeOptions, ViewCodeResult } from "./view-code-types";

/**
 * "View code": programs that send exactly this Chat Completions request to this gateway, in
 * curl, the `openai` TypeScript and Python SDKs, and the Anthropic TypeScript SDK (through
 * /v3/router/v1/messages). Pure: the playground and the shared-session page call it in the
 * browser. An invalid request (by the gateway's own rules) gives `ok: false` with the
 * gateway's message; a request only the Anthropic variant cannot express gives that snippet
 * an `unavailableReason`.
 */
export function generateViewCode(request: unknown, options: ViewCodeOptions): ViewCodeResult {
  let baseUrl: string;
  let prepared: ReturnType<typeof prepareViewCodeRequest>;
  try {
    baseUrl = normalizeBaseUrl(options.baseUrl);
    prepared = prepareViewCodeRequest(request, options.stream);
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
  const readable = <Value>(value: Value) =>
    options.includeFullBase64 ? { value, count: 0 } : abbreviateBase64(value, options.abbreviateOver);

  const chat = readable(prepared.body);
  const chatContext = { baseUrl, abbreviatedValues: chat.count, stream: prepared.stream };
  const anthropic = anthropicSnippet(prepared.parsed, baseUrl, readable);
  const snippets: Snippet[] = [
    { id: "curl", label: "cURL", language: "bash", code: generateCurlSnippet(chat.value, chatContext) },
    {
      id: "openai-typescript",
      label: "TypeScript",
      language: "typescript",
      code: generateOpenAITypeScriptSnippet(chat.value, chatContext),
    },
    {
      id: "openai-python",
      label: "Python",
      language: "python",
      code: generateOpenAIPythonSnippet(chat.value, chatContext),
    },
    anthropic,
  ];
  // The translation that failed is the one the chat endpoint runs: it would answer 400 too.
  const rejection = anthropic.code === null ? { gatewayRejects: anthropic.unavailableReason } : {};
  return { ok: true, snippets, abbreviatedValues: chat.count, ...rejection };
}

function anthropicSnippet(
  parsed: ReturnType<typeof prepareViewCodeRequest>["parsed"],
  baseUrl: string,
  readable: <Value>(value: Value) => { value: Value; count: number },
): Snippet {
  const common = { id: "anthropic-typescript", label: "Anthropic SDK", language: "typescript" } as const;
  try {
    const { body, betas } = toAnthropicMessagesBody(parsed);
    const shown = readable(body);
    return {
      ...common,
      code: generateAnthropicTypeScriptSnippet(shown.value, { baseUrl, abbreviatedValues: shown.count, betas }),
    };
  } catch (error) {
    return { ...common, code: null, unavailableReason: errorMessage(error) };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
