import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { accumulateAnthropicMessage } from "./accumulate-anthropic-message";
import { readAnthropicFixture, toAnthropicSseEvent, type AnthropicEvent } from "./anthropic-fixtures";
import { asyncRequestListener } from "../helpers/async-request-listener";

/**
 * What the fake answers. A fixture scenario serves the recorded events as SSE when the request
 * has `stream: true`, else the Message they add up to (or the error they end in).
 */
export type FakeScenario =
  | {
      type: "fixture";
      fixture: string;
      /** Events made by the test (a long answer, say), served in place of the named fixture's. */
      events?: AnthropicEvent[];
      /** Pause between SSE events. */
      delayMs?: number;
      /** Stop writing after this many events and keep the connection open (abort tests). */
      stallAfterEvents?: number;
      /** Destroy the socket after this many events (connection reset mid-stream). */
      destroyAfterEvents?: number;
    }
  | {
      type: "error";
      status: number;
      errorType: string;
      message: string;
      retryAfter?: string;
      /** More response headers, e.g. `x-should-retry` as Anthropic sends it. */
      headers?: Record<string, string>;
    }
  | { type: "json"; status?: number; body: unknown }
  /** A 200 whose body is these bytes as they are (not JSON, say). */
  | { type: "raw"; body: string; contentType?: string }
  /**
   * A JSON answer broken off after `bytes` bytes of its body (its content-length promises more):
   * the connection is then reset (`destroy`) or kept open, silent (`stall`).
   */
  | { type: "partial-json"; body: unknown; bytes: number; then: "destroy" | "stall" }
  /** A 200 JSON-looking body of `bytes` bytes, written in chunks (a provider answer over any sane cap). */
  | { type: "huge"; bytes: number }
  /** Accept the request and never answer (abort before the first token). */
  | { type: "hang" }
  /** Destroy the socket without answering (connection error). */
  | { type: "destroy" };

export type RecordedRequest = {
  method: string;
  path: string;
  /** The query string with its `?`, or "". */
  query: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
  receivedAt: number;
  /** Set when the client closed the connection before the response finished. */
  clientClosedAt: number | undefined;
  /** Resolves with the time the client closed the connection early. */
  clientClosed: Promise<number>;
};

export type FakeRule = {
  match?: (request: RecordedRequest) => boolean;
  scenario: FakeScenario;
  /** Remove the rule after this many uses. */
  times?: number;
};

export type FakeAnthropicServer = {
  url: string;
  requests: RecordedRequest[];
  /** First matching rule wins; the `x-fake-scenario: <fixture>` request header beats rules. */
  addRule(rule: FakeRule): void;
  /**
   * Check thinking blocks sent back as Anthropic does: every `thinking` / `redacted_thinking`
   * block in the request must be one this fake served, byte for byte (text and signature, or
   * data), else a 400 `Invalid \`signature\` in \`thinking\` block`. Cleared by reset().
   */
  verifyThinkingSignatures(): void;
  reset(): void;
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
};

export type FakeAnthropicServerOptions = {
  defaultScenario?: FakeScenario;
  /** When set, requests must carry this key (x-api-key or Bearer) or get a 401. */
  apiKey?: string;
  /** Defaults to a free port. */
  port?: number;
};

const errorStatusByType: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

/** A local HTTP server speaking Anthropic's Messages wire format, on 127.0.0.1 port 0. */
export async function startFakeAnthropicServer(options: FakeAnthropicServerOptions = {}): Promise<FakeAnthropicServer> {
  const requests: RecordedRequest[] = [];
  let rules: FakeRule[] = [];
  let verifyingThinking = false;
  /** Thinking blocks served so far, as `JSON.stringify`d `{thinking, signature}` / `{data}`. */
  const servedThinking = new Set<string>();
  let requestCounter = 0;
  const waiters: Array<() => void> = [];

  const server = createServer(
    asyncRequestListener(async (request, response) => {
      const recorded = await recordRequest(request, response);
      requests.push(recorded);
      for (const waiter of waiters.splice(0)) waiter();
      requestCounter += 1;
      response.setHeader("request-id", `req_fake_${requestCounter}`);
      setRateLimitHeaders(response, requestCounter);
      await respond(recorded, response);
    }),
  );

  async function respond(request: RecordedRequest, response: ServerResponse) {
    const rejection = validateRequest(request, options.apiKey);
    if (rejection) return sendError(response, rejection);
    if (request.path === "/v1/messages/count_tokens") {
      return sendJson(response, 200, { input_tokens: Math.max(1, Math.ceil(request.rawBody.length / 4)) });
    }
    const altered = verifyingThinking ? findAlteredThinking(request, servedThinking) : undefined;
    if (altered) return sendError(response, altered);
    const scenario = chooseScenario(request);
    if (scenario.type === "fixture") rememberThinking(fixtureEvents(scenario), servedThinking);
    return serveScenario(request, response, scenario);
  }

  function chooseScenario(request: RecordedRequest): FakeScenario {
    const fixtureHeader = request.headers["x-fake-scenario"];
    if (typeof fixtureHeader === "string") return { type: "fixture", fixture: fixtureHeader };
    const rule = rules.find((candidate) => candidate.match?.(request) ?? true);
    if (rule?.times !== undefined && --rule.times <= 0) rules = rules.filter((candidate) => candidate !== rule);
    return rule?.scenario ?? options.defaultScenario ?? { type: "fixture", fixture: "anthropic-text" };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addRule: (rule) => void rules.push(rule),
    verifyThinkingSignatures: () => void (verifyingThinking = true),
    reset() {
      requests.length = 0;
      rules = [];
      verifyingThinking = false;
      servedThinking.clear();
    },
    async waitForRequests(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${requests.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return requests.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export async function recordRequest(request: IncomingMessage, response: ServerResponse): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString("utf8");
  let body: unknown;
  try {
    body = rawBody ? JSON.parse(rawBody) : undefined;
  } catch {
    body = undefined;
  }
  let markClosed: (time: number) => void = () => {};
  const recorded: RecordedRequest = {
    method: request.method ?? "",
    path: (request.url ?? "").split("?")[0] ?? "",
    query: /\?.*/.exec(request.url ?? "")?.[0] ?? "",
    headers: request.headers,
    rawBody,
    body,
    receivedAt: Date.now(),
    clientClosedAt: undefined,
    clientClosed: new Promise<number>((resolve) => (markClosed = resolve)),
  };
  response.on("close", () => {
    if (response.writableFinished) return;
    recorded.clientClosedAt = Date.now();
    markClosed(recorded.clientClosedAt);
  });
  return recorded;
}

type Rejection = { status: number; type: string; message: string };

/** The checks Anthropic makes before generating, with its error shapes. */
function validateRequest(request: RecordedRequest, apiKey: string | undefined): Rejection | undefined {
  const isKnownPath = request.path === "/v1/messages" || request.path === "/v1/messages/count_tokens";
  if (request.method !== "POST" || !isKnownPath) {
    return { status: 404, type: "not_found_error", message: `Not found: ${request.method} ${request.path}` };
  }
  const sentKey = request.headers["x-api-key"] ?? request.headers.authorization?.replace(/^Bearer /, "");
  if (!sentKey || (apiKey !== undefined && sentKey !== apiKey)) {
    return { status: 401, type: "authentication_error", message: "invalid x-api-key" };
  }
  if (!request.headers["anthropic-version"]) {
    return { status: 400, type: "invalid_request_error", message: "anthropic-version: header is required" };
  }
  const body = request.body as Record<string, unknown> | undefined;
  if (typeof body !== "object" || body === null) {
    return {
      status: 400,
      type: "invalid_request_error",
      message: "There was an issue with your request body: invalid JSON",
    };
  }
  for (const field of request.path === "/v1/messages" ? ["model", "messages", "max_tokens"] : ["model", "messages"]) {
    if (body[field] === undefined)
      return { status: 400, type: "invalid_request_error", message: `${field}: Field required` };
  }
  return undefined;
}

const thinkingKey = (block: Record<string, unknown>) =>
  block.type === "redacted_thinking"
    ? JSON.stringify({ data: block.data })
    : JSON.stringify({ thinking: block.thinking, signature: block.signature });

function rememberThinking(events: AnthropicEvent[], served: Set<string>) {
  const result = accumulateAnthropicMessage(events);
  if ("error" in result) return;
  for (const block of result.message.content as Array<Record<string, unknown>>) {
    if (block.type === "thinking" || block.type === "redacted_thinking") served.add(thinkingKey(block));
  }
}

/** The first thinking block in the request's messages that this fake did not serve, as Anthropic reports it. */
function findAlteredThinking(request: RecordedRequest, served: Set<string>): Rejection | undefined {
  const messages = (request.body as { messages?: Array<{ content?: unknown }> }).messages ?? [];
  for (const [messageIndex, message] of messages.entries()) {
    if (!Array.isArray(message.content)) continue;
    for (const [blockIndex, block] of (message.content as Array<Record<string, unknown>>).entries()) {
      if (block.type !== "thinking" && block.type !== "redacted_thinking") continue;
      if (served.has(thinkingKey(block))) continue;
      return {
        status: 400,
        type: "invalid_request_error",
        message: `messages.${messageIndex}.content.${blockIndex}: Invalid \`signature\` in \`${block.type}\` block`,
      };
    }
  }
  return undefined;
}

async function serveScenario(request: RecordedRequest, response: ServerResponse, scenario: FakeScenario) {
  switch (scenario.type) {
    case "hang":
      return;
    case "destroy":
      response.socket?.destroy();
      return;
    case "json":
      return sendJson(response, scenario.status ?? 200, scenario.body);
    case "raw":
    case "partial-json":
    case "huge":
      return serveBrokenAnswer(response, scenario);
    case "error":
      if (scenario.retryAfter) response.setHeader("retry-after", scenario.retryAfter);
      for (const [name, value] of Object.entries(scenario.headers ?? {})) response.setHeader(name, value);
      return sendError(response, { status: scenario.status, type: scenario.errorType, message: scenario.message });
    case "fixture":
      return serveFixture(request, response, scenario);
    default: {
      const exhaustive: never = scenario;
      throw new Error(`unknown scenario ${JSON.stringify(exhaustive)}`);
    }
  }
}

async function serveFixture(
  request: RecordedRequest,
  response: ServerResponse,
  scenario: Extract<FakeScenario, { type: "fixture" }>,
) {
  const body = request.body as { model?: string; stream?: boolean };
  const events = fixtureEvents(scenario).map((event) => withRequestedModel(event, body.model));
  if (!body.stream) {
    const result = accumulateAnthropicMessage(events);
    if ("error" in result) {
      return sendError(response, { status: errorStatusByType[result.error.type] ?? 500, ...result.error });
    }
    return sendJson(response, 200, result.message);
  }
  response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  response.flushHeaders();
  for (const [position, event] of events.entries()) {
    if (position === scenario.stallAfterEvents) return;
    if (position === scenario.destroyAfterEvents) {
      // Let the client receive what was written first, as a real mid-stream reset would.
      await new Promise((resolve) => setTimeout(resolve, 25));
      response.socket?.destroy();
      return;
    }
    if (response.destroyed) return;
    response.write(toAnthropicSseEvent(event));
    if (scenario.delayMs) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
  }
  response.end();
}

/** What a fixture scenario serves: the events a test gave, else the recorded fixture's. */
export function fixtureEvents(scenario: Extract<FakeScenario, { type: "fixture" }>): AnthropicEvent[] {
  return scenario.events ?? readAnthropicFixture(scenario.fixture);
}

/** Anthropic echoes the requested model in `message_start`. */
function withRequestedModel(event: AnthropicEvent, model: string | undefined): AnthropicEvent {
  if (event.type !== "message_start" || !model) return event;
  return { ...event, message: { ...(event.message as Record<string, unknown>), model } };
}

/** The scenarios of a provider whose complete answer is wrong: the same on every fake provider. */
export async function serveBrokenAnswer(
  response: ServerResponse,
  scenario: Extract<FakeScenario, { type: "raw" | "partial-json" | "huge" }>,
) {
  switch (scenario.type) {
    case "raw":
      response.writeHead(200, { "content-type": scenario.contentType ?? "application/json" });
      response.end(scenario.body);
      return;
    case "partial-json": {
      const bytes = Buffer.from(JSON.stringify(scenario.body));
      response.writeHead(200, { "content-type": "application/json", "content-length": String(bytes.byteLength) });
      response.write(bytes.subarray(0, scenario.bytes));
      if (scenario.then === "destroy") {
        // Let the client receive what was written first, as a real reset mid-answer would.
        await new Promise((resolve) => setTimeout(resolve, 25));
        response.socket?.destroy();
      }
      return;
    }
    case "huge":
      return sendHuge(response, scenario.bytes);
    default: {
      const exhaustive: never = scenario;
      throw new Error(`unknown scenario ${JSON.stringify(exhaustive)}`);
    }
  }
}

async function sendHuge(response: ServerResponse, bytes: number) {
  response.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, "a");
  response.write('{"type":"message","content":[],"padding":"');
  for (let written = 0; written < bytes && !response.destroyed; written += chunk.byteLength) {
    // Waits for the reader as a real server would: a client that gives up stops the writing.
    if (!response.write(chunk)) await new Promise((resolve) => response.once("drain", resolve).once("close", resolve));
  }
  if (!response.destroyed) response.end('"}');
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, rejection: Rejection) {
  sendJson(response, rejection.status, {
    type: "error",
    error: { type: rejection.type, message: rejection.message },
    request_id: response.getHeader("request-id") ?? null,
  });
}

export const FAKE_REQUESTS_PER_MINUTE = 1_000_000;
export const FAKE_TOKENS_PER_MINUTE = 80_000_000;

/** Anthropic reports the organisation's limits on every response; the fake counts requests only. */
function setRateLimitHeaders(response: ServerResponse, requestsServed: number) {
  const nextMinute = new Date(Math.ceil((Date.now() + 1) / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  response.setHeader("anthropic-ratelimit-requests-limit", String(FAKE_REQUESTS_PER_MINUTE));
  response.setHeader(
    "anthropic-ratelimit-requests-remaining",
    String(Math.max(0, FAKE_REQUESTS_PER_MINUTE - requestsServed)),
  );
  response.setHeader("anthropic-ratelimit-requests-reset", nextMinute);
  response.setHeader("anthropic-ratelimit-tokens-limit", String(FAKE_TOKENS_PER_MINUTE));
  response.setHeader("anthropic-ratelimit-tokens-remaining", String(FAKE_TOKENS_PER_MINUTE));
  response.setHeader("anthropic-ratelimit-tokens-reset", nextMinute);
}
