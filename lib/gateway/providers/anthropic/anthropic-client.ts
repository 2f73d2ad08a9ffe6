import type { CanonicalEvent } from "../../canonical";
import { GatewayError } from "../../gateway-error";
import type { AnthropicMessagesRequest } from "./anthropic-request";
import { decodeAnthropicMessage } from "./decode-anthropic-message";
import { decodeAnthropicStream } from "./decode-anthropic-stream";
import { mapUpstreamFailure, type UpstreamFailure } from "./map-anthropic-error";
import { upstreamFetch } from "../upstream-fetch";

export const defaultAnthropicBaseURL = "https://api.anthropic.com";

/**
 * The API version OpenAI-shaped endpoints speak: the semantics the reference docs describe
 * (temperature, top_p and top_k exist). /v1/messages forwards the client's version instead.
 */
export const openAIShapedAnthropicVersion = "2023-06-01";

/** Same default as the official SDKs: long non-streaming responses take minutes. */
export const defaultResponseHeadersTimeoutMs = 600_000;

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
  const timeoutMs = options.timeoutMs ?? defaultResponseHeadersTimeoutMs;
  const controller = new AbortController();
  const abortFromCaller = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) abortFromCaller();
  options.signal?.addEventListener("abort", abortFromCaller, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error("response headers timeout"));
  }, timeoutMs);

  const baseURL = (options.credential.baseUrl || defaultAnthropicBaseURL).replace(/\/+$/, "");
  const context = { credentialName: options.credential.name };
  let response: Response;
  try {
    response = await (options.fetch ?? upstreamFetch)(`${baseURL}${options.path ?? "/v1/messages"}`, {
      method: "POST",
      headers: buildHeaders(options),
      body: typeof options.body === "string" ? options.body : JSON.stringify(options.body),
      signal: controller.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (timedOut) throw mapUpstreamFailure({ kind: "timeout", timeoutMs }, context);
    throw mapUpstreamFailure({ kind: "connection", cause: error }, context);
  } finally {
    clearTimeout(timer);
  }

  if (response.ok) return response;
  const failure: UpstreamFailure = {
    kind: "http",
    status: response.status,
    bodyText: await response.text().catch(() => ""),
    retryAfter: response.headers.get("retry-after"),
  };
  throw mapUpstreamFailure(failure, context);
}

function buildHeaders(options: AnthropicRequestOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: options.stream ? "text/event-stream" : "application/json",
    "x-api-key": options.credential.apiKey,
    "anthropic-version": options.anthropicVersion ?? openAIShapedAnthropicVersion,
  };
  const betas = [...new Set(options.betas ?? [])];
  if (betas.length > 0) headers["anthropic-beta"] = betas.join(",");
  return headers;
}

type MessageCallOptions = Omit<AnthropicRequestOptions, "body" | "stream" | "path"> & { request: AnthropicMessagesRequest };

/** Non-streaming Messages call → canonical events of the complete message. */
export async function createAnthropicMessage(options: MessageCallOptions): Promise<CanonicalEvent[]> {
  const { request, ...rest } = options;
  const response = await sendAnthropicRequest({ ...rest, body: { ...request, stream: false }, stream: false });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "invalid_upstream_response",
      message: "The provider returned a response that is not JSON.",
      cause: error,
    });
  }
  return decodeAnthropicMessage(json);
}

/**
 * Streaming Messages call. Resolves once response headers arrive (errors before that throw);
 * the returned stream ends with a `finish` or an `error` event. Cancelling it closes the
 * upstream connection.
 */
export async function streamAnthropicMessage(options: MessageCallOptions): Promise<ReadableStream<CanonicalEvent>> {
  const { request, ...rest } = options;
  const response = await sendAnthropicRequest({ ...rest, body: { ...request, stream: true }, stream: true });
  if (!response.body) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "invalid_upstream_response",
      message: "The provider returned an empty stream.",
      retryable: true,
    });
  }
  return decodeAnthropicStream(response.body);
}

export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof DOMException && (error.name === "AbortError" || error.name === "TimeoutError")) ||
    (error instanceof Error && error.name === "AbortError")
  );
}
