import { mapUpstreamFailure, type UpstreamErrorContext, type UpstreamFailure } from "./anthropic/map-anthropic-error";
import { upstreamFetch } from "./upstream-fetch";

/** Same default as the official SDKs: long non-streaming responses take minutes. */
export const defaultResponseHeadersTimeoutMs = 600_000;

export type UpstreamPost = {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The caller's signal: aborting it (client disconnect) aborts the upstream request. */
  signal?: AbortSignal;
  /** Time allowed until response headers arrive; the body may take longer. */
  timeoutMs?: number;
  /** Names the provider and credential in errors (never the secret). */
  context: UpstreamErrorContext;
  fetch?: typeof fetch;
};

/**
 * The one place a provider request goes over the wire: POSTs and returns the 2xx response
 * (body unread). Failures throw a mapped GatewayError (`retryable` says whether a fallback may
 * follow). A caller abort rethrows the abort reason unchanged so routing stops instead of
 * falling back.
 */
export async function postUpstream(post: UpstreamPost): Promise<Response> {
  const timeoutMs = post.timeoutMs ?? defaultResponseHeadersTimeoutMs;
  const controller = new AbortController();
  const abortFromCaller = () => controller.abort(post.signal?.reason);
  if (post.signal?.aborted) abortFromCaller();
  post.signal?.addEventListener("abort", abortFromCaller, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error("response headers timeout"));
  }, timeoutMs);

  let response: Response;
  try {
    response = await (post.fetch ?? upstreamFetch)(post.url, {
      method: "POST",
      headers: post.headers,
      body: post.body,
      signal: controller.signal,
    });
  } catch (error) {
    if (post.signal?.aborted) throw post.signal.reason ?? error;
    if (timedOut) throw mapUpstreamFailure({ kind: "timeout", timeoutMs }, post.context);
    throw mapUpstreamFailure({ kind: "connection", cause: error }, post.context);
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
  throw mapUpstreamFailure(failure, post.context);
}
