import { readableToWebStream } from "@/lib/net/readable-to-web-stream";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A Node request as the Web `Request` route handlers take. Its signal aborts when the client
 * goes away before the response is complete, as in Next.js, so handlers cancel upstream calls.
 */
export function toWebRequest(req: IncomingMessage, res: ServerResponse): Request {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(new DOMException("The client closed the connection.", "AbortError"));
  });
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  if (hasBody) {
    init.body = requestBody(req, res);
    init.duplex = "half";
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, init);
}

/**
 * The request body as a Web stream, read as the handler pulls. Unlike `Readable.toWeb`, a
 * handler that stops reading (a body over the size limit) does not destroy the request — which
 * would reset the connection before the client reads the 413 — and once the answer is sent the
 * unread rest is discarded, as Node does for any unread body, so the connection stays usable.
 */
function requestBody(req: IncomingMessage, res: ServerResponse): ReadableStream<Uint8Array> {
  const body = readableToWebStream(req, {
    onCancel: () => req.resume(),
    prematureClose: () => new DOMException("The client closed the connection.", "AbortError"),
  });
  res.once("finish", () => {
    if (req.complete) return;
    body.settle();
    req.resume();
  });
  return body.stream;
}

function isEventStream(response: Response): boolean {
  return response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
}

/**
 * Writes a Web `Response` to a Node response: a stream of server-sent events chunk by chunk as
 * it arrives (never buffered), honouring backpressure; any other body in one write. If the client goes
 * away the body is cancelled, which closes the upstream connection behind it.
 */
export async function sendWebResponse(res: ServerResponse, response: Response, method = "GET"): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body || method === "HEAD") {
    await response.body?.cancel().catch(() => {});
    res.end();
    return;
  }
  if (!isEventStream(response)) {
    // A complete answer (JSON): one write with its length, not chunked framing.
    let body: Buffer;
    try {
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      res.destroy(error instanceof Error ? error : undefined);
      return;
    }
    if (res.destroyed) return;
    res.setHeader("content-length", body.byteLength);
    res.end(body);
    return;
  }
  const reader = response.body.getReader();
  const closed = new Promise<void>((resolve) => res.once("close", resolve));
  // A client gone mid-stream: stop reading (and so stop the upstream) even if no chunk is due.
  void closed.then(() => {
    if (!res.writableFinished) reader.cancel().catch(() => {});
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      if (!res.write(value)) await Promise.race([new Promise((resolve) => res.once("drain", resolve)), closed]);
    }
  } catch (error) {
    // The body failed mid-way (the upstream broke off): end the connection so the client sees
    // a truncated response rather than a clean end.
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  if (!res.destroyed) res.end();
}
