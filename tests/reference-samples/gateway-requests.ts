import { request as httpRequest } from "node:http";

export type GatewayTarget = { url: string; apiKey: string };

/** How a request presents the gateway key. */
export type Presented = { bearer: string } | { xApiKey: string } | "none";

export type GatewayReply = {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read reply fields ad hoc and expect() checks them
  json(): any;
};

export type GatewayCall = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** JSON-encoded unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  /** Defaults to `Authorization: Bearer <the gateway key>`. */
  auth?: Presented;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export function authHeaders(presented: Presented): Record<string, string> {
  if (presented === "none") return {};
  return "bearer" in presented ? { authorization: `Bearer ${presented.bearer}` } : { "x-api-key": presented.xApiKey };
}

/** Sends one request to the gateway and reads the whole answer. */
export async function callGateway(target: GatewayTarget, path: string, call: GatewayCall = {}): Promise<GatewayReply> {
  const response = await sendToGateway(target, path, call);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** Sends one request and returns the Response with its body unread (streams). */
export function sendToGateway(target: GatewayTarget, path: string, call: GatewayCall = {}): Promise<Response> {
  const method = call.method ?? (call.body === undefined && call.rawBody === undefined ? "GET" : "POST");
  return fetch(`${target.url}${path}`, {
    method,
    headers: {
      ...(method === "POST" ? { "content-type": "application/json" } : {}),
      ...authHeaders(call.auth ?? { bearer: target.apiKey }),
      ...call.headers,
    },
    body: call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
    signal: call.signal,
  });
}

/** Reads a streamed body until `marker` has arrived; returns everything read so far. */
export async function readUntil(response: Response, marker: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(marker)) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the stream ended before ${JSON.stringify(marker)}:\n${text}`);
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

/** `promise`, or a rejection naming `what` after `ms` (a safety net, not a measurement). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type OversizedBodyReply = { status: number; body: string; bytesSent: number };

/**
 * POSTs a body that never ends: either declared with a Content-Length over the limit (and
 * barely sent), or chunked and written until the server answers. An answer at all proves the
 * server did not wait to read the whole body.
 */
export function postEndlessBody(
  url: string,
  headers: Record<string, string>,
  options: { declaredBytes?: number },
): Promise<OversizedBodyReply> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const request = httpRequest(url, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        ...(options.declaredBytes
          ? { "content-length": String(options.declaredBytes) }
          : { "transfer-encoding": "chunked" }),
      },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, bytesSent });
      });
    });
    // Writes after the answer may hit a closed socket: that is the server refusing the rest.
    request.on("error", (error) => (answered ? undefined : reject(error)));

    const opening = Buffer.from('{"model":"anthropic/claude-sonnet-4-6","messages":[{"role":"user","content":"');
    request.write(opening);
    bytesSent += opening.length;
    if (options.declaredBytes) return;
    const chunk = Buffer.alloc(1024 * 1024, "a");
    const pump = () => {
      while (!answered && !request.destroyed) {
        bytesSent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
    };
    pump();
  });
}
