import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { jsonAnswer, type GatewayAnswer } from "@/lib/gateway/core/http/gateway-answer";
import type { GatewayRequest } from "@/lib/gateway/core/http/gateway-request";
import type { PushSink, PushSource } from "@/lib/gateway/core/push-source";
import { toGatewayRequest } from "./node-gateway-request";
import { writeGatewayAnswer } from "./write-gateway-answer";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A real HTTP server whose every request is answered by `handler` as the production server does (serve-app.ts). */
async function serve(handler: (request: GatewayRequest) => Promise<GatewayAnswer>): Promise<string> {
  server = createServer((req, res) => {
    void (async () => writeGatewayAnswer(res, await handler(toGatewayRequest(req, res)), req.method))();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const text = async (request: GatewayRequest, maxBytes = 64 * 1024 * 1024) =>
  (await request.readBody(maxBytes)).toString("utf8");

const SSE = { "content-type": "text/event-stream" };
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A push source the test drives: `sink` once started; what the writer asked of it, in order. */
function manualSource() {
  const calls: string[] = [];
  let sink: PushSink<Uint8Array> | undefined;
  let started!: () => void;
  const whenStarted = new Promise<void>((resolve) => (started = resolve));
  const source: PushSource<Uint8Array> = {
    start(target) {
      sink = target;
      calls.push("start");
      started();
    },
    pause: () => void calls.push("pause"),
    resume: () => void calls.push("resume"),
    cancel: () => void calls.push("cancel"),
  };
  return { source, calls, whenStarted, sink: () => sink! };
}

describe("node request in, gateway answer out", () => {
  it("passes method, URL, headers and body in; status, headers and body out", async () => {
    let seen: { method: string; url: string; auth: string | null; body: unknown } | undefined;
    const url = await serve(async (request) => {
      seen = {
        method: request.method,
        url: request.url,
        auth: request.headers.get("authorization"),
        body: JSON.parse(await text(request)),
      };
      return jsonAnswer({ ok: true }, { status: 201, headers: { "x-switchyard-attempts": "1" } });
    });
    const response = await fetch(`${url}/v3/router/chat/completions?x=1`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: JSON.stringify({ hello: "world" }),
    });
    expect(seen).toEqual({
      method: "POST",
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v3\/router\/chat\/completions\?x=1$/),
      auth: "Bearer k",
      body: { hello: "world" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-switchyard-attempts")).toBe("1");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-length")).toBe(String('{"ok":true}'.length));
    expect(await response.json()).toEqual({ ok: true });
  });

  it("writes each chunk as it comes: the client reads the first before the second exists", async () => {
    let releaseSecond!: () => void;
    const second = new Promise<void>((resolve) => (releaseSecond = resolve));
    const url = await serve(async () => {
      const { source, whenStarted, sink } = manualSource();
      void whenStarted.then(async () => {
        sink().next(utf8("data: one\n\n"));
        await second;
        sink().next(utf8("data: two\n\n"));
        sink().end();
      });
      return { status: 200, headers: SSE, stream: source };
    });
    const response = await fetch(`${url}/stream`);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("data: one\n\n");
    releaseSecond();
    const rest = await reader.read();
    expect(new TextDecoder().decode(rest.value)).toBe("data: two\n\n");
    expect((await reader.read()).done).toBe(true);
  });

  it(
    "aborts the request's signal and cancels the stream when the client goes away mid-stream",
    { timeout: 10_000 },
    async () => {
      let aborted!: () => void;
      const signalAborted = new Promise<void>((resolve) => (aborted = resolve));
      let cancelled!: () => void;
      const bodyCancelled = new Promise<void>((resolve) => (cancelled = resolve));
      const url = await serve(async (request) => {
        request.signal.addEventListener("abort", () => aborted());
        const { source, whenStarted, sink } = manualSource();
        void whenStarted.then(() => sink().next(utf8("data: one\n\n")));
        return { status: 200, headers: SSE, stream: { ...source, cancel: () => cancelled() } };
      });
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${url}/stream`, (res) => {
          res.once("data", () => {
            req.destroy();
            resolve();
          });
        });
        req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
        req.end();
      });
      await Promise.all([signalAborted, bodyCancelled]);
    },
  );

  it("answers HEAD without a body", async () => {
    const url = await serve(async () => jsonAnswer({ ok: true }));
    const response = await fetch(`${url}/models`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});

describe("request bodies", () => {
  it("a handler that answers without reading a large body still gets its answer to the client", async () => {
    const url = await serve(async () => jsonAnswer({ error: "too large" }, { status: 413 }));
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await fetch(`${url}/upload`, { method: "POST", body: "x".repeat(4 * 1024 * 1024) });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: "too large" });
    }
  });

  it("a body past the reader's limit is refused as soon as it passes it, and the client still gets the answer", async () => {
    const url = await serve(async (request) => {
      const refused = await request.readBody(64 * 1024).catch((error: unknown) => error);
      expect(refused).toMatchObject({ status: 413, code: "request_too_large" });
      return jsonAnswer({ error: "too large" }, { status: 413 });
    });
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await fetch(`${url}/upload`, { method: "POST", body: "x".repeat(4 * 1024 * 1024) });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: "too large" });
    }
  });

  it("streams a chunked body to the handler as it arrives", async () => {
    const url = await serve(async (request) => jsonAnswer((await text(request)).length));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 10; index++) controller.enqueue(new Uint8Array(100_000).fill(97));
        controller.close();
      },
    });
    const response = await fetch(`${url}/upload`, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await response.text()).toBe("1000000");
  });
});

describe("server-sent events", () => {
  it("sends the events of one event-loop turn in one socket write, the first on its own", async () => {
    let socketWrites = 0;
    server = createServer((req, res) => {
      // Count what reaches the socket: a corked batch leaves as one writev.
      const socket = res.socket!;
      const write = socket._write.bind(socket);
      const writev = socket._writev?.bind(socket);
      socket._write = (...args: Parameters<typeof write>) => (socketWrites++, write(...args));
      if (writev) socket._writev = (...args: Parameters<typeof writev>) => (socketWrites++, writev(...args));
      // 50 events, each its own chunk arriving in its own callback of one event-loop turn (as
      // reads of many upstream sockets do under load).
      const { source, whenStarted, sink } = manualSource();
      void whenStarted.then(() => {
        for (let n = 0; n < 50; n++) setImmediate(() => sink().next(utf8(`data: {"n":${n}}\n\n`)));
        setImmediate(() => sink().end());
      });
      writeGatewayAnswer(res, { status: 200, headers: SSE, stream: source });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const received = await response.text();
    expect(received.split("\n\n").filter(Boolean)).toEqual(Array.from({ length: 50 }, (_, n) => `data: {"n":${n}}`));
    // Without coalescing every event is its own write (50+); with it, the first and a few batches.
    expect(socketWrites).toBeGreaterThanOrEqual(2);
    expect(socketWrites).toBeLessThan(10);
  });
});
