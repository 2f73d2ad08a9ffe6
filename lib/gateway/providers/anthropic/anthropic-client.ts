import { postToProvider } from "../post-to-provider";

export const defaultAnthropicBaseURL = "https://api.anthropic.com";

/**
 * The API version OpenAI-shaped endpoints speak: the semantics the reference docs describe
 * (temperature, top_p and top_k exist). /v1/messages forwards the client's version instead.
 */
export const openAIShapedAnthropicVersion = "2023-06-01";

export type AnthropicCredential = {
  apiKey: string;
  /** BYOK base URL override; like the SDK's `baseURL`, without `/v1`. */
  baseUrl?: string | null;
  /** Named in errors instead of the secret. */
  name?: string;
};

export type AnthropicRequestOptions = {
  credential: AnthropicCredential;
  path?: "/v1/messages" | "/v1/messages/count_tokens";
  body: unknown;
  stream?: boolean;
  anthropicVersion?: string;
  betas?: readonly string[];
  /** The client's own headers (user-agent, x-app), /v1/messages only. */
  clientHeaders?: Readonly<Record<string, string>>;
  /** The client's query string with its `?` (`?beta=true`), /v1/messages only. */
  query?: string;
  /** The caller's signal: aborting it (client disconnect) aborts the upstream request. */
  signal?: AbortSignal;
  /** Time allowed until response headers arrive; the body may take longer. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/**
 * POSTs to Anthropic and returns the 2xx response (body unread). Failures throw a mapped
 * GatewayError (`retryable` says whether a fallback may follow). A caller abort rethrows the
 * abort error unchanged so routing stops instead of falling back.
 */
export async function sendAnthropicRequest(options: AnthropicRequestOptions): Promise<Response> {
  const baseURL = (options.credential.baseUrl || defaultAnthropicBaseURL).replace(/\/+$/, "");
  return postToProvider({
    url: `${baseURL}${options.path ?? "/v1/messages"}${options.query ?? ""}`,
    headers: buildHeaders(options),
    body: typeof options.body === "string" ? options.body : JSON.stringify(options.body),
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    stream: options.stream,
    context: { credentialName: options.credential.name },
    fetch: options.fetch,
  });
}

function buildHeaders(options: AnthropicRequestOptions): Record<string, string> {
  const headers: Record<string, string> = {
    ...options.clientHeaders,
    "content-type": "application/json",
    accept: options.stream ? "text/event-stream" : "application/json",
    "x-api-key": options.credential.apiKey,
    "anthropic-version": options.anthropicVersion ?? openAIShapedAnthropicVersion,
  };
  const betas = [...new Set(options.betas ?? [])];
  if (betas.length > 0) headers["anthropic-beta"] = betas.join(",");
  return headers;
}

export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof DOMException && (error.name === "AbortError" || error.name === "TimeoutError")) ||
    (error instanceof Error && error.name === "AbortError")
  );
}
