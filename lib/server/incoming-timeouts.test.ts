import { createServer, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { incomingTimeouts } from "./incoming-timeouts";

/** Short limits, as an operator could set them; the bounds below only prove the client is cut off. */
const CLIENT = { headersTimeoutMs: 1_000, requestTimeoutMs: 1_500 };
const CUT_OFF_WITHIN_MS = 6_000;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  server = createServer({ ...incomingTimeouts(CLIENT) }, handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

/** Opens a raw connection, writes `first`, then dribbles `dribble` every 200 ms; resolves with what came back and when. */
function slowClient(port: number, first: string, dribble?: string) {
  return new Promise<{ answer: string; closedAfterMs: number }>((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1", () => socket.write(first));
    let answer = "";
    const timer = dribble ? setInterval(() => socket.writable && socket.write(dribble), 200) : undefined;
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
    setTimeout(() => socket.destroy(), 20_000);
  });
}

describe("incoming connection timeouts", () => {
  it.each([
    ["headers that never finish", "POST /v3/router/chat/completions HTTP/1.1\r\nHost: x\r\n", "X-Slow: 1\r\n"],
    [
      "a body sent too slowly",
      "POST /v3/router/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n",
      "a",
    ],
  ])(
    "cut off %s with a 408",
    async (_name, first, dribble) => {
      const port = await listen((request, response) => {
        request.resume();
        request.on("end", () => response.end("ok"));
      });
      const { answer, closedAfterMs } = await slowClient(port, first, dribble);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(closedAfterMs).toBeLessThan(CUT_OFF_WITHIN_MS);
    },
    30_000,
  );

  it("let a response stream for longer than the request timeout", async () => {
    const port = await listen((request, response) => {
      request.resume();
      response.writeHead(200, { "content-type": "text/event-stream" });
      let sent = 0;
      const timer = setInterval(() => {
        response.write(`data: ${sent}\n\n`);
        if (++sent === 12) {
          clearInterval(timer);
          response.end();
        }
      }, 250);
    });
    const started = Date.now();
    const response = await fetch(`http://127.0.0.1:${port}/stream`, { method: "POST", body: "{}" });
    const text = await response.text();
    expect(Date.now() - started).toBeGreaterThan(CLIENT.requestTimeoutMs);
    expect(text).toContain("data: 11");
  }, 30_000);
});
