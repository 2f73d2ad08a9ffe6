/**
 * The production server's stream path (lib/server/write-gateway-answer.ts): the upstream socket
 * drives the translators and the client socket directly. Served in-process by the real gateway
 * server (createGatewayServer) in front of a raw upstream this test controls byte by byte.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearApiKeyCache } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { createCredential } from "@/lib/credentials/manage-credentials";
import { forgetResolvedCredentials } from "@/lib/credentials/resolve-credential";
import { applyMigrations, type Db } from "@/lib/db";
import { createGatewayServer } from "@/lib/server/gateway-server";
import { createUser } from "@/lib/users/create-user";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { useAppEnv } from "@/tests/helpers/test-env";

const MODEL = "anthropic/claude-sonnet-4-6";
const sse = (type: string, data: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
const START =
  sse("message_start", {
    message: {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-6",
      content: [],
      usage: { input_tokens: 3, output_tokens: 1 },
    },
  }) + sse("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
const delta = (text: string) => sse("content_block_delta", { index: 0, delta: { type: "text_delta", text } });
const END =
  sse("content_block_stop", { index: 0 }) +
  sse("message_delta", { delta: { stop_reason: "end_turn" }, usage: { output_tokens: 5 } }) +
  sse("message_stop", {});

/** What the upstream does with the next request. */
type UpstreamPlan = (req: IncomingMessage, res: ServerResponse) => void;

let database: TestDatabase;
let db: Db;
let upstream: Server;
let gateway: Server;
let gatewayPort: number;
let key: string;
let plan: UpstreamPlan;

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  await applyMigrations(database);
  db = useAppEnv(database);
  clearApiKeyCache();
  forgetResolvedCredentials();
  upstream = createServer((req, res) => {
    req.resume();
    req.once("end", () => plan(req, res));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const admin = await createUser(db, { email: "admin@example.com", password: "admin-password", role: "admin" });
  ({ key } = await createApiKey(db, admin.id, { name: "fast-path" }, "operator"));
  await createCredential(db, {
    provider: "anthropic",
    name: "Anthropic",
    apiKey: "sk-ant-api03-FAST-PATH-key",
    baseUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
  });
  gateway = createGatewayServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  gatewayPort = (gateway.address() as AddressInfo).port;
});

afterAll(async () => {
  gateway?.closeAllConnections();
  upstream?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
  await new Promise((resolve) => upstream?.close(resolve));
  await db?.$disconnect();
  await database?.dispose();
});

beforeEach(() => {
  plan = (_req, res) => res.writeHead(500).end();
});

const sseHead = (res: ServerResponse) => res.writeHead(200, { "content-type": "text/event-stream" });

/** POSTs a streamed request to the gateway with node:http (no Web streams on the client side either). */
function post(path: string, body: Record<string, unknown>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port: gatewayPort,
        path,
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": key, "anthropic-version": "2023-06-01" },
      },
      resolve,
    );
    request.once("error", reject);
    request.end(JSON.stringify(body));
  });
}

const chat = () =>
  post("/v3/router/chat/completions", { model: MODEL, stream: true, messages: [{ role: "user", content: "Hi" }] });
const messages = () =>
  post("/v3/router/v1/messages", {
    model: MODEL,
    stream: true,
    max_tokens: 64,
    messages: [{ role: "user", content: "Hi" }],
  });

function readAll(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => (text += chunk));
    response.once("end", () => resolve(text));
    response.once("error", reject);
  });
}

function readUntil(response: IncomingMessage, marker: string): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    response.setEncoding("utf8");
    const onData = (chunk: string) => {
      text += chunk;
      if (!text.includes(marker)) return;
      response.off("data", onData);
      response.pause();
      resolve(text);
    };
    response.on("data", onData);
  });
}

describe("streams on the production server's fast path", () => {
  it("sends the first token while the upstream holds the rest, and a client gone destroys the upstream request", async () => {
    let upstreamClosed!: () => void;
    plan = (_req, res) => {
      sseHead(res);
      res.write(START + delta("Quantum"));
      // Nothing more until the gateway gives up on this request.
      res.once("close", () => upstreamClosed());
    };
    for (const send of [chat, messages]) {
      const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
      const response = await send();
      expect(response.statusCode).toBe(200);
      // Arrives although the upstream sends nothing more: the first write is not held back.
      expect(await readUntil(response, "Quantum")).toContain("Quantum");
      response.destroy();
      await closed;
    }
  });

  it("a slow reader pauses the upstream instead of the gateway buffering the whole answer", async () => {
    const TOTAL = 64 * 1024 * 1024;
    const piece = delta("x".repeat(16 * 1024));
    let written = 0;
    let upstreamDone!: () => void;
    const done = new Promise<void>((resolve) => (upstreamDone = resolve));
    plan = (_req, res) => {
      sseHead(res);
      res.write(START);
      const pump = () => {
        while (written < TOTAL) {
          written += piece.length;
          if (!res.write(piece)) return void res.once("drain", pump);
        }
        res.end(END, () => upstreamDone());
      };
      pump();
    };
    const response = await messages();
    expect(response.statusCode).toBe(200);
    await readUntil(response, "xxxx");
    // The client reads nothing for a while: the upstream must stall far short of the whole answer.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const writtenWhilePaused = written;
    expect(writtenWhilePaused).toBeLessThan(TOTAL / 4);
    // Reading again, the rest arrives, complete.
    let received = 0;
    response.on("data", (chunk: string) => (received += chunk.length));
    const ended = new Promise<void>((resolve) => response.once("end", () => resolve()));
    response.resume();
    await Promise.all([ended, done]);
    expect(received).toBeGreaterThan(TOTAL - writtenWhilePaused - 1);
  });

  it("an upstream reset mid-stream ends the answer with the protocol's in-stream error", async () => {
    plan = (_req, res) => {
      sseHead(res);
      res.write(START + delta("Quantum"), () => setTimeout(() => res.socket?.destroy(), 20));
    };
    const chatText = await readAll(await chat());
    expect(chatText).toContain('"content":"Quantum"');
    expect(chatText).toMatch(/data: \{"error":\{[^\n]*ended before the message was complete/);
    expect(chatText).not.toContain("[DONE]");

    const messagesText = await readAll(await messages());
    expect(messagesText).toContain('"text":"Quantum"');
    expect(messagesText).toMatch(
      /event: error\ndata: \{"type":"error","error":\{"type":"api_error","message":"The provider's stream ended before the message was complete/,
    );
  });

  it("creates no Web ReadableStream or Response for a streamed answer", async () => {
    plan = (_req, res) => {
      sseHead(res);
      res.end(START + delta("Quantum") + END);
    };
    const globals = globalThis as { ReadableStream: typeof ReadableStream; Response: typeof Response };
    const { ReadableStream: OriginalStream, Response: OriginalResponse } = globals;
    let constructed = 0;
    type AnyConstructor = new (...args: unknown[]) => object;
    const counting = (Base: AnyConstructor) =>
      class extends Base {
        constructor(...args: unknown[]) {
          super(...args);
          constructed++;
        }
      };
    globals.ReadableStream = counting(OriginalStream as unknown as AnyConstructor) as unknown as typeof ReadableStream;
    globals.Response = counting(OriginalResponse as unknown as AnyConstructor) as unknown as typeof Response;
    try {
      for (const send of [chat, messages]) {
        const text = await readAll(await send());
        expect(text).toContain("Quantum");
      }
    } finally {
      globals.ReadableStream = OriginalStream;
      globals.Response = OriginalResponse;
    }
    expect(constructed).toBe(0);
  });
});
