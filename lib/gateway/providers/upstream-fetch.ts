/** What Next.js leaves on its patched global fetch: the fetch it wrapped. */
type PatchedFetch = typeof fetch & { _nextOriginalFetch?: typeof fetch };

/**
 * The fetch for calls to model providers: Node's own, not Next.js's patched global. Next wraps
 * `globalThis.fetch` in route handlers for its data cache (URL parsing, a tracing span, work-store
 * and cache bookkeeping on every call); provider calls are never cached, so that is pure overhead
 * on the gateway's hot path (measured with `npm run bench`). Next keeps the function it wrapped
 * on `_nextOriginalFetch` (its request dedupe, which passes any call with a `signal` straight
 * through — ours always have one). Looked up per call: Next patches after modules load.
 * @see node_modules/next/dist/server/lib/patch-fetch.js (createPatchedFetcher)
 */
export function upstreamFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const current = globalThis.fetch as PatchedFetch;
  return (current._nextOriginalFetch ?? current)(input, init);
}
