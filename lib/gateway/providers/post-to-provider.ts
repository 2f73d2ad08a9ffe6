import { getSettings } from "@/lib/env";
import type { UpstreamLimits } from "@/lib/config/env-schema";
import {
  mapUpstreamFailure,
  type UpstreamErrorContext,
  type UpstreamFailure,
} from "../core/anthropic/map-anthropic-error";
import { pickNativeErrorHeaders } from "../core/anthropic/native-upstream-error";
import { UpstreamHeadersTimeout, pooledFetch, type PooledRequestInit } from "./pooled-fetch";

/** Provider call limits from the configuration (UPSTREAM_* variables). */
function upstreamLimits(): UpstreamLimits {
  return getSettings().upstream;
}

export type ProviderPost = {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The caller's signal: aborting it (client disconnect) aborts the upstream request. */
  signal?: AbortSignal;
  /** Time allowed until response headers arrive; the body may take longer. Defaults from the configuration. */
  timeoutMs?: number;
  /** A streamed answer: its headers come with the first event (UPSTREAM_HEADERS_TIMEOUT_MS applies, not the non-streaming one). */
  stream?: boolean;
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
export async function postToProvider(post: ProviderPost): Promise<Response> {
  const limits = upstreamLimits();
  const timeoutMs = post.timeoutMs ?? (post.stream ? limits.headersTimeoutMs : limits.nonStreamingTimeoutMs);
  const init: PooledRequestInit = {
    method: "POST",
    headers: post.headers,
    body: post.body,
    signal: post.signal,
    headersTimeoutMs: timeoutMs,
    idleTimeoutMs: limits.idleTimeoutMs,
    maxBodyBytes: limits.maxResponseBytes,
    // A body that breaks off, stalls or is too large is the provider's failure: a 502 (in-stream
    // error event once streaming), never a 500.
    bodyError: (error) =>
      mapUpstreamFailure(
        { kind: "body", reason: error.reason, limit: error.limit ?? limits.maxResponseBytes, cause: error },
        post.context,
      ),
  };
  let response: Response;
  try {
    response = await (post.fetch ? fetchWithHeadersTimeout(post.fetch, post.url, init) : pooledFetch(post.url, init));
  } catch (error) {
    if (post.signal?.aborted) throw post.signal.reason ?? error;
    if (error instanceof UpstreamHeadersTimeout) throw mapUpstreamFailure({ kind: "timeout", timeoutMs }, post.context);
    throw mapUpstreamFailure({ kind: "connection", cause: error }, post.context);
  }

  if (response.ok) return response;
  const failure: UpstreamFailure = {
    kind: "http",
    status: response.status,
    bodyText: await response.text().catch(() => ""),
    retryAfter: response.headers.get("retry-after"),
    headers: pickNativeErrorHeaders(response.headers),
  };
  throw mapUpstreamFailure(failure, post.context);
}

/** A WHATWG `fetch` (a test seam) with pooledFetch's headers timeout and abort behaviour. */
async function fetchWithHeadersTimeout(fetcher: typeof fetch, url: string, init: PooledRequestInit): Promise<Response> {
  const { signal, headersTimeoutMs, ...request } = init;
  const controller = new AbortController();
  const abortFromCaller = () => controller.abort(signal?.reason);
  if (signal?.aborted) abortFromCaller();
  signal?.addEventListener("abort", abortFromCaller, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error("response headers timeout"));
  }, headersTimeoutMs);
  try {
    return await fetcher(url, { ...request, signal: controller.signal });
  } catch (error) {
    throw timedOut ? new UpstreamHeadersTimeout(headersTimeoutMs ?? 0) : error;
  } finally {
    clearTimeout(timer);
  }
}
