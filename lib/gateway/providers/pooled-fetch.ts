import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { keepAlivePoolOptions } from "@/lib/net/keep-alive-pool";
import { readablePushSource } from "@/lib/net/readable-push-source";
import { readableToWebStream } from "@/lib/net/readable-to-web-stream";
import type { PushSource } from "../core/push-source";
import { pushSourceFromWebStream } from "../core/push-source-web-stream";

export type PooledRequestInit = {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Time allowed until response headers arrive (the body may take longer); then it rejects with {@link UpstreamHeadersTimeout}. */
  headersTimeoutMs?: number;
  /**
   * While the body is read, no bytes for this long: the connection is closed and the read fails
   * with an {@link UpstreamBodyError} `idle` (a stream errors; `text()` rejects).
   */
  idleTimeoutMs?: number;
  /** Reading the whole body (`text`, `json`, `arrayBuffer`) past this many bytes fails with `too_large`; streams are not capped. */
  maxBodyBytes?: number;
  /** What a failed body read rejects with (the caller's own error type); the {@link UpstreamBodyError} itself by default. */
  bodyError?: (error: UpstreamBodyError) => unknown;
};

/** Why reading a response body failed: the provider closed early, went idle, or sent too much. */
export class UpstreamBodyError extends Error {
  constructor(
    readonly reason: "closed" | "idle" | "too_large",
    /** The idle timeout (ms) or the size limit (bytes) that was passed. */
    readonly limit?: number,
    options?: { cause?: unknown },
  ) {
    super(
      reason === "closed"
        ? "the provider closed the connection before the end of its answer"
        : reason === "idle"
          ? `no bytes from the provider for ${limit} ms`
          : `the provider's answer is larger than ${limit} bytes`,
      options,
    );
    this.name = "UpstreamBodyError";
  }
}

/** No response headers within `headersTimeoutMs`: the request was given up and its connection closed. */
export class UpstreamHeadersTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no response headers within ${timeoutMs} ms`);
    this.name = "UpstreamHeadersTimeout";
  }
}

// Keep-alive pools per protocol: a provider call reuses a warm connection (and its TLS session).
const agents = {
  "http:": new http.Agent(keepAlivePoolOptions),
  "https:": new https.Agent(keepAlivePoolOptions),
};

// A gateway calls a handful of provider URLs over and over: parse each once.
const parsedUrls = new Map<string, URL>();
const MAX_PARSED_URLS = 1_000;

function parseUrl(url: string): URL {
  let parsed = parsedUrls.get(url);
  if (!parsed) {
    parsed = new URL(url);
    if (parsedUrls.size >= MAX_PARSED_URLS) parsedUrls.clear();
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

/**
 * The request for calls to model providers: node:http(s) on keep-alive pools, answered as a Web
 * `Response` whose body streams chunk by chunk. Not `fetch`: its WHATWG machinery (Request and
 * Headers validation, body extraction, stream plumbing, and in route handlers Next.js's patched
 * wrapper) was the largest single cost in the gateway's CPU profile (`npm run bench -- --profile`).
 * Aborting `signal` — before the answer or while its body streams — destroys the connection, so
 * the provider sees the client's disconnect at once; so does cancelling the body.
 */
export function pooledFetch(url: string, init: PooledRequestInit): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const target = parseUrl(url);
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
    const agent = agents[target.protocol];
    const { headersTimeoutMs } = init;

    const send = (retriesLeft: number) => {
      const request = transport.request(target, { method: init.method, headers, agent });
      const onAbort = () =>
        request.destroy(signal?.reason instanceof Error ? signal.reason : new DOMException("aborted", "AbortError"));
      signal?.addEventListener("abort", onAbort, { once: true });
      const timer =
        headersTimeoutMs === undefined
          ? undefined
          : setTimeout(() => request.destroy(new UpstreamHeadersTimeout(headersTimeoutMs)), headersTimeoutMs);
      request.once("error", (error) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (signal?.aborted) return reject(signal.reason);
        // A pooled connection the provider closed while it sat idle (a keep-alive timeout
        // shorter than the pool's, passing as we picked it up) fails before any answer, the request
        // unread: send it again on another connection rather than report a provider failure.
        if (request.reusedSocket && retriesLeft > 0 && isStaleConnectionError(error)) return send(retriesLeft - 1);
        reject(error);
      });
      request.once("response", (incoming) => {
        clearTimeout(timer);
        const status = incoming.statusCode ?? 502;
        incoming.once("close", () => signal?.removeEventListener("abort", onAbort));
        const prematureClose = (cause?: Error) => {
          if (signal?.aborted) return signal.reason;
          const failure =
            cause instanceof UpstreamBodyError ? cause : new UpstreamBodyError("closed", undefined, { cause });
          return init.bodyError ? init.bodyError(failure) : failure;
        };
        const responseInit = { status, statusText: incoming.statusMessage };
        let response: Response;
        if (status === 204 || status === 304 || request.method === "HEAD") {
          incoming.resume();
          response = new Response(null, responseInit);
        } else {
          const limits = { idleTimeoutMs: init.idleTimeoutMs, maxBodyBytes: init.maxBodyBytes };
          response = new NodeBodyResponse(incoming, prematureClose, limits, responseInit);
        }
        // Straight into the response's own headers: a `headers` init would be copied a second time.
        const raw = incoming.rawHeaders;
        for (let index = 0; index < raw.length; index += 2) response.headers.append(raw[index]!, raw[index + 1]!);
        resolve(response);
      });
      request.end(body);
    };
    send(STALE_CONNECTION_RETRIES);
  });
}

/**
 * A provider answer's body as a push source, or undefined when it has none. A pooledFetch body
 * is its Node stream's 'data' events (no Web stream, no promise turn per chunk); any other
 * Response (Amazon Bedrock's converted stream, a test's `fetch`) is read through its Web stream.
 */
export function responseBodySource(response: Response): PushSource<Uint8Array> | undefined {
  if (response instanceof NodeBodyResponse) return response.pushSource();
  return response.body ? pushSourceFromWebStream(response.body) : undefined;
}

/**
 * Once: the idle timeout keeps stale connections rare, and a provider that did read the request
 * before resetting must not be sent it (and bill it) again and again.
 */
const STALE_CONNECTION_RETRIES = 1;

function isStaleConnectionError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ECONNRESET" || code === "EPIPE";
}

/**
 * A Response whose body is the provider's Node stream. `text()`, `json()` and `arrayBuffer()`
 * read it directly; a Web stream is made only if someone asks for `body` (a stream to pass
 * through or decode). Complete answers — every non-streaming call — so skip the Web stream
 * machinery, a tenth of the gateway's CPU per request (bench --profile).
 */
type BodyLimits = { idleTimeoutMs: number | undefined; maxBodyBytes: number | undefined };

class NodeBodyResponse extends Response {
  readonly #incoming: IncomingMessage;
  readonly #prematureClose: (cause?: Error) => unknown;
  readonly #limits: BodyLimits;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #consumed = false;

  constructor(
    incoming: IncomingMessage,
    prematureClose: (cause?: Error) => unknown,
    limits: BodyLimits,
    init: ResponseInit,
  ) {
    super(null, init);
    this.#incoming = incoming;
    this.#prematureClose = prematureClose;
    this.#limits = limits;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    this.#stream ??= readableToWebStream(this.#incoming, {
      onCancel: () => this.#incoming.destroy(),
      prematureClose: this.#prematureClose,
      idle: this.#idle(),
    }).stream as ReadableStream<Uint8Array<ArrayBuffer>>;
    return this.#stream;
  }

  override get bodyUsed(): boolean {
    return this.#consumed || (this.#stream?.locked ?? false);
  }

  /** The body as a push source, with the same idle timeout and errors as `body`. */
  pushSource(): PushSource<Uint8Array> {
    if (this.bodyUsed) throw new TypeError("Body is unusable: Body has already been read");
    if (this.#stream) return pushSourceFromWebStream(this.#stream);
    this.#consumed = true;
    return readablePushSource(this.#incoming, {
      onCancel: () => this.#incoming.destroy(),
      prematureClose: this.#prematureClose,
      idle: this.#idle(),
    });
  }

  #idle() {
    const { idleTimeoutMs } = this.#limits;
    return idleTimeoutMs === undefined
      ? undefined
      : { timeoutMs: idleTimeoutMs, error: () => new UpstreamBodyError("idle", idleTimeoutMs) };
  }

  override async text(): Promise<string> {
    return (await this.#bytes()).toString("utf8");
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  #bytes(): Promise<Buffer> {
    if (this.bodyUsed) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    this.#consumed = true;
    if (this.#stream) return new Response(this.#stream).arrayBuffer().then((buffer) => Buffer.from(buffer));
    const incoming = this.#incoming;
    const { idleTimeoutMs, maxBodyBytes } = this.#limits;
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let idleTimer: NodeJS.Timeout | undefined;
      const startIdleTimer = () => {
        if (idleTimeoutMs === undefined) return;
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => incoming.destroy(new UpstreamBodyError("idle", idleTimeoutMs)), idleTimeoutMs);
      };
      const declared = Number(incoming.headers["content-length"]);
      if (maxBodyBytes !== undefined && declared > maxBodyBytes) {
        incoming.destroy(new UpstreamBodyError("too_large", maxBodyBytes));
      }
      startIdleTimer();
      incoming.on("data", (chunk: Buffer) => {
        received += chunk.byteLength;
        if (maxBodyBytes !== undefined && received > maxBodyBytes) {
          // Nothing more is kept: the connection is closed and the read fails.
          chunks.length = 0;
          incoming.destroy(new UpstreamBodyError("too_large", maxBodyBytes));
          return;
        }
        chunks.push(chunk);
        startIdleTimer();
      });
      incoming.once("end", () => {
        clearTimeout(idleTimer);
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      });
      incoming.once("error", (error) => {
        clearTimeout(idleTimer);
        reject(this.#prematureClose(error));
      });
      incoming.once("close", () => {
        clearTimeout(idleTimer);
        if (!incoming.complete) reject(this.#prematureClose());
      });
    });
  }
}
