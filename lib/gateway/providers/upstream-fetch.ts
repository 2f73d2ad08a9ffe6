import http from "node:http";
import https from "node:https";
import { readableToWebStream } from "@/lib/net/readable-to-web-stream";

export type UpstreamRequestInit = {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
};

// Keep-alive pools per protocol: a provider call reuses a warm connection (and its TLS session).
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/**
 * The request for calls to model providers: node:http(s) on keep-alive pools, answered as a Web
 * `Response` whose body streams chunk by chunk. Not `fetch`: its WHATWG machinery (Request and
 * Headers validation, body extraction, stream plumbing, and in route handlers Next.js's patched
 * wrapper) was the largest single cost in the gateway's CPU profile (`npm run bench -- --profile`).
 * Aborting `signal` — before the answer or while its body streams — destroys the connection, so
 * the provider sees the client's disconnect at once; so does cancelling the body.
 */
export function upstreamFetch(url: string, init: UpstreamRequestInit): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const target = new URL(url);
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      reject(new TypeError(`unsupported protocol ${target.protocol}`));
      return;
    }
    const { signal } = init;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: Record<string, string> = { ...init.headers };
    if (body) headers["content-length"] = String(body.byteLength);
    const transport = target.protocol === "https:" ? https : http;
    const request = transport.request(target, { method: init.method, headers, agent: agents[target.protocol] });
    const onAbort = () => request.destroy(signal?.reason instanceof Error ? signal.reason : new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", onAbort, { once: true });
    request.once("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? signal.reason : error);
    });
    request.once("response", (incoming) => {
      const responseHeaders = new Headers();
      const raw = incoming.rawHeaders;
      for (let index = 0; index < raw.length; index += 2) responseHeaders.append(raw[index]!, raw[index + 1]!);
      const status = incoming.statusCode ?? 502;
      const noBody = status === 204 || status === 304 || init.method === "HEAD";
      incoming.once("close", () => signal?.removeEventListener("abort", onAbort));
      const { stream } = readableToWebStream(incoming, {
        onCancel: () => incoming.destroy(),
        prematureClose: (cause) =>
          signal?.aborted ? signal.reason : new Error("the provider closed the connection before the end of its answer", { cause }),
      });
      if (noBody) incoming.resume();
      resolve(new Response(noBody ? null : stream, { status, statusText: incoming.statusMessage, headers: responseHeaders }));
    });
    request.end(body);
  });
}
