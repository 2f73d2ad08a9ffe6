import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { POOLED_CONNECTION_IDLE_MS } from "@/lib/net/keep-alive-pool";
import { proxyRequest, proxyTarget } from "./proxy-request";

const servers: Server[] = [];
let directory: string | undefined;

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

/** A target on a Unix socket (as Next.js's worker is) behind a front server that proxies to it. */
async function proxyChain() {
  directory = mkdtempSync(path.join(os.tmpdir(), "proxy-request-"));
  const socketPath = path.join(directory, "target.sock");
  const target = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end(`${req.method} ${req.url}`));
  });
  let connections = 0;
  target.on("connection", () => (connections += 1));
  servers.push(target);
  await new Promise<void>((resolve) => target.listen(socketPath, resolve));

  const toTarget = proxyTarget(socketPath);
  const front = createServer((req, res) => proxyRequest(toTarget, req, res));
  servers.push(front);
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  const port = (front.address() as AddressInfo).port;

  const call = (urlPath: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request({ host: "127.0.0.1", port, path: urlPath, method: "POST", agent: false }, (answer) => {
        let body = "";
        answer.setEncoding("utf8");
        answer.on("data", (chunk: string) => (body += chunk));
        answer.on("end", () => resolve({ status: answer.statusCode ?? 0, body }));
      });
      outgoing.on("error", reject);
      outgoing.end("{}");
    });
  return { call, connections: () => connections };
}

describe("proxyRequest", () => {
  it("forwards method and path and answers with the target's reply, over one pooled connection", async () => {
    const chain = await proxyChain();
    expect(await chain.call("/a?x=1")).toEqual({ status: 200, body: "POST /a?x=1" });
    expect(await chain.call("/b")).toEqual({ status: 200, body: "POST /b" });
    expect(chain.connections()).toBe(1);
  });

  it(
    `closes a pooled connection idle for ${POOLED_CONNECTION_IDLE_MS} ms itself, so a request never meets the target closing it (a 502)`,
    { timeout: 20_000 },
    async () => {
      const chain = await proxyChain();
      expect((await chain.call("/first")).status).toBe(200);
      // Past the pool's idle timeout, short of Node's default 5 s keep-alive timeout: without the
      // pool's own timeout the connection would be reused just as the target may close it.
      await sleep(POOLED_CONNECTION_IDLE_MS + 500);
      expect(await chain.call("/after-idle")).toEqual({ status: 200, body: "POST /after-idle" });
      expect(chain.connections()).toBe(2);
    },
  );
});
