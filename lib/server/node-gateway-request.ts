import type { IncomingMessage, ServerResponse } from "node:http";
import { requestTooLarge, type GatewayRequest, type RequestHeaders } from "@/lib/gateway/core/http/gateway-request";

const clientGone = () => new DOMException("The client closed the connection.", "AbortError");

/**
 * A Node request as the gateway's handlers read it, with no Web `Request` or stream in between
 * (their construction was a tenth of the server's CPU per request: bench --profile). Its signal
 * aborts when the client goes away before the answer is complete, as in Next.js, so handlers
 * cancel upstream calls.
 */
export function toGatewayRequest(req: IncomingMessage, res: ServerResponse): GatewayRequest {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(clientGone());
  });
  const headers = rawRequestHeaders(req.rawHeaders);
  const path = req.url ?? "/";
  const query = path.indexOf("?");
  return {
    method: req.method ?? "GET",
    url: `http://${headers.get("host") ?? "localhost"}${path}`,
    pathname: query === -1 ? path : path.slice(0, query),
    headers,
    signal: controller.signal,
    readBody: (maxBytes) => readNodeBody(req, res, maxBytes),
  };
}

/**
 * Header lookups over Node's raw `[name, value, …]` list, as `Headers.get` answers them
 * (case-insensitive; repeated headers joined with ", "). Node's parser already checked the
 * names and values, and a request has a dozen headers, so a scan beats building a map.
 */
export function rawRequestHeaders(raw: readonly string[]): RequestHeaders {
  const get = (name: string): string | null => {
    const wanted = name.toLowerCase();
    let value: string | null = null;
    for (let index = 0; index < raw.length; index += 2) {
      const candidate = raw[index]!;
      if (candidate.length !== wanted.length || candidate.toLowerCase() !== wanted) continue;
      value = value === null ? raw[index + 1]! : `${value}, ${raw[index + 1]!}`;
    }
    return value;
  };
  return { get, has: (name) => get(name) !== null };
}

/**
 * Collects the body. Past `maxBytes` it stops reading — without destroying the request, which
 * would reset the connection before the client reads the 413 — and once the answer is sent the
 * unread rest is discarded, as Node does for any unread body, so the connection stays usable.
 */
function readNodeBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<Buffer> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onFailure);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      req.pause();
      res.once("finish", () => req.resume());
      reject(requestTooLarge(maxBytes));
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onFailure = () => {
      stop();
      reject(clientGone());
    };
    const onClose = () => {
      if (!req.complete) onFailure();
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onFailure);
    req.once("close", onClose);
  });
}
