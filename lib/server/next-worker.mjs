// Next.js, in a worker thread of the server process (see serve-app.ts). Plain JavaScript: it runs
// only the compiled build (.next), so it needs no TypeScript loader.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { dir, hostname, port, socketPath } = workerData;
const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => void handle(req, res));
// Well above the proxy pool's idle timeout (lib/net/keep-alive-pool.ts): the pool closes idle
// connections, so this server never closes one the proxy may be writing a request to.
server.keepAliveTimeout = 30_000;

parentPort.on("message", async (message) => {
  if (message?.type !== "shutdown") return;
  server.close();
  server.closeIdleConnections();
  // Gateway paths Next.js serves itself (rare shapes, see gateway-routes.ts) log here too.
  const stats = await globalThis.switchyardRequestLog?.writer?.flush(message.deadlineMs).catch(() => undefined);
  parentPort.postMessage({ type: "flushed", unwritten: stats?.buffered ?? 0 });
});

server.listen(socketPath, () => parentPort.postMessage({ type: "ready" }));
