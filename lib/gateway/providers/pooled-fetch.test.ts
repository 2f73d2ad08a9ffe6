import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { POOLED_CONNECTION_IDLE_MS } from "@/lib/net/keep-alive-pool";
import { pooledFetch } from "./pooled-fetch";

let server: Server | undefined;
let connections = 0;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<string> {
  connections = 0;
  server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => res.destroy(error as Error));
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(text));
  });

describe("pooledFetch", () => {
  it("sends method, headers and body; answers status, headers and body; reuses the connection", async () => {
    const seen: Array<{ method?: string; key?: string; length?: string; body: string }> = [];
    const url = await serve(async (req, res) => {
      seen.push({
        method: req.method,
        key: req.headers["x-api-key"] as string,
        length: req.headers["content-length"],
        body: await readBody(req),
      });
      res.writeHead(201, { "content-type": "application/json", "request-id": "req_1" });
      res.end(JSON.stringify({ ok: true }));
    });
    for (let index = 0; index < 2; index++) {
      const response = await pooledFetch(`${url}/v1/messages`, {
        method: "POST",
        headers: { "x-api-key": "k" },
        body: '{"é":1}',
      });
      expect(response.status).toBe(201);
      expect(response.headers.get("request-id")).toBe("req_1");
      expect(await response.json()).toEqual({ ok: true });
    }
    expect(seen).toEqual([
      { method: "POST", key: "k", length: "8", body: '{"é":1}' },
      { method: "POST", key: "k", length: "8", body: '{"é":1}' },
    ]);
    expect(connections).toBe(1);
  });

  it("streams the body chunk by chunk", async () => {
    let release!: () => void;
    const second = new Promise<void>((resolve) => (release = resolve));
    const url = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("event: one\n\n");
      await second;
      res.end("event: two\n\n");
    });
    const response = await pooledFetch(url, { method: "POST", headers: {}, body: "{}" });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("event: one\n\n");
    release();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("event: two\n\n");
    expect((await reader.read()).done).toBe(true);
  });

  it("an abort before the answer rejects with the abort's reason and closes the connection", async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const url = await serve((req) => req.socket.once("close", () => closed()));
    const controller = new AbortController();
    const pending = pooledFetch(url, { method: "POST", headers: {}, body: "{}", signal: controller.signal });
    setTimeout(() => controller.abort(new Error("client gone")), 50);
    await expect(pending).rejects.toThrow("client gone");
    await connectionClosed;
  });

  it("an abort while the body streams errors the body and closes the connection", async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const url = await serve((req, res) => {
      req.socket.once("close", () => closed());
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("event: one\n\n");
    });
    const controller = new AbortController();
    const response = await pooledFetch(url, { method: "POST", headers: {}, body: "{}", signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort(new Error("client gone"));
    await expect(reader.read()).rejects.toThrow("client gone");
    await connectionClosed;
  });

  it("an abort while a complete answer is read with text() rejects with the abort's reason and closes the connection", async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const url = await serve((req, res) => {
      req.socket.once("close", () => closed());
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial":');
    });
    const controller = new AbortController();
    const response = await pooledFetch(url, { method: "POST", headers: {}, body: "{}", signal: controller.signal });
    const text = response.text();
    setTimeout(() => controller.abort(new Error("client gone")), 20);
    await expect(text).rejects.toThrow("client gone");
    await connectionClosed;
  });

  it("a body is read once, whichever way", async () => {
    const url = await serve((_req, res) => res.end('{"ok":true}'));
    const read = await pooledFetch(url, { method: "POST", headers: {}, body: "{}" });
    expect(await read.json()).toEqual({ ok: true });
    expect(read.bodyUsed).toBe(true);
    await expect(read.text()).rejects.toThrow(TypeError);
    const streamed = await pooledFetch(url, { method: "POST", headers: {}, body: "{}" });
    expect(await new Response(streamed.body).text()).toBe('{"ok":true}');
    await expect(streamed.text()).rejects.toThrow(TypeError);
  });

  it("cancelling the body closes the connection", async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const url = await serve((req, res) => {
      req.socket.once("close", () => closed());
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("event: one\n\n");
    });
    const response = await pooledFetch(url, { method: "POST", headers: {}, body: "{}" });
    await response.body!.cancel();
    await connectionClosed;
  });

  it("a provider that hangs up mid-answer errors the body", async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("event: one\n\n");
      setTimeout(() => req.socket.destroy(), 20);
    });
    const response = await pooledFetch(url, { method: "POST", headers: {}, body: "{}" });
    await expect(response.text()).rejects.toThrow();
  });

  it("a refused connection rejects", async () => {
    const url = await serve(() => {});
    server!.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(pooledFetch(url, { method: "POST", headers: {}, body: "{}" })).rejects.toThrow(/ECONNREFUSED/);
  });

  it("a pooled connection the provider closed while idle is replaced: the request is sent again on a new one", async () => {
    // The provider's keep-alive timeout ends a connection just as it is picked from the pool:
    // the request written to it meets a reset before any answer.
    const requestsPerSocket = new Map<unknown, number>();
    const bodies: string[] = [];
    const url = await serve(async (req, res) => {
      const count = (requestsPerSocket.get(req.socket) ?? 0) + 1;
      requestsPerSocket.set(req.socket, count);
      if (count > 1) {
        req.socket.destroy();
        return;
      }
      bodies.push(await readBody(req));
      res.end("ok");
    });
    const first = await pooledFetch(url, { method: "POST", headers: {}, body: "one" });
    expect(await first.text()).toBe("ok");
    const second = await pooledFetch(url, { method: "POST", headers: {}, body: "two" });
    expect(await second.text()).toBe("ok");
    expect(bodies).toEqual(["one", "two"]);
    expect(connections).toBe(2);
  });

  it("a provider that resets a fresh connection before answering is reported, not retried", async () => {
    let requests = 0;
    const url = await serve((req) => {
      requests += 1;
      req.socket.destroy();
    });
    await expect(pooledFetch(url, { method: "POST", headers: {}, body: "{}" })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect(requests).toBe(1);
  });
  it(
    `closes a pooled connection idle for ${POOLED_CONNECTION_IDLE_MS} ms, before the provider's keep-alive timeout can; never one a slow answer is using`,
    { timeout: 20_000 },
    async () => {
      const pause = POOLED_CONNECTION_IDLE_MS + 500;
      const url = await serve(async (req, res) => {
        await readBody(req);
        res.writeHead(200);
        res.write("a");
        if (req.url === "/slow") await sleep(pause);
        res.end("b");
      });
      const slow = await pooledFetch(`${url}/slow`, { method: "POST", headers: {}, body: "{}" });
      expect(await slow.text()).toBe("ab");
      const next = await pooledFetch(url, { method: "POST", headers: {}, body: "{}" });
      expect(await next.text()).toBe("ab");
      expect(connections).toBe(1);
      await sleep(pause);
      const afterIdle = await pooledFetch(url, { method: "POST", headers: {}, body: "{}" });
      expect(await afterIdle.text()).toBe("ab");
      expect(connections).toBe(2);
    },
  );
});
