import { GatewayError } from "../gateway-error";

/**
 * What the gateway reads of an HTTP request. Next.js hands route handlers a Web `Request`,
 * adapted with `fromWebRequest`; the production server builds one straight from Node's request
 * (lib/server/node-gateway-request.ts) and so creates no Web streams for it.
 */
export type GatewayRequest = {
  readonly method: string;
  readonly url: string;
  /** The URL's path, without the query string. */
  readonly pathname: string;
  readonly headers: RequestHeaders;
  /** Aborts when the client goes away before the answer is complete. */
  readonly signal: AbortSignal;
  /**
   * The whole body (empty when there is none). Throws `requestTooLarge` as soon as more than
   * `maxBytes` arrived, without holding the rest; the connection stays usable for the 413.
   */
  readBody(maxBytes: number): Promise<Buffer>;
};

/**
 * What the gateway reads of request headers. A Web `Headers` is one; the production server
 * reads Node's raw header list instead (building a `Headers` validated and copied every
 * header, a few percent of the CPU per request: bench --profile).
 */
export type RequestHeaders = Pick<Headers, "get" | "has">;

export function requestTooLarge(maxBytes: number): GatewayError {
  const megabytes = Number((maxBytes / 1024 / 1024).toFixed(2));
  return new GatewayError({
    status: 413,
    type: "invalid_request_error",
    code: "request_too_large",
    message: `Request body is larger than this gateway's limit of ${megabytes} MB.`,
    anthropicType: "request_too_large",
  });
}

/** A Web `Request` (Next.js route handlers) as a GatewayRequest; `pathname` as routed, when it differs from the URL's. */
export function fromWebRequest(request: Request, pathname = new URL(request.url).pathname): GatewayRequest {
  return {
    method: request.method,
    url: request.url,
    pathname,
    headers: request.headers,
    signal: request.signal,
    readBody: (maxBytes) => readWebBody(request.body, maxBytes),
  };
}

async function readWebBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw requestTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
