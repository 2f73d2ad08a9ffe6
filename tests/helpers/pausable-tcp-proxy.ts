import net, { type AddressInfo, type Socket } from "node:net";

export type PausableTcpProxy = {
  /** `127.0.0.1:<port>` of the proxy's listener. */
  port: number;
  /** Stop forwarding in both directions; connections stay open (a stalled peer). */
  pause(): void;
  resume(): void;
  /** Close the listener and destroy every connection (the peer is down) until `start()`. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A TCP proxy to `target` that a test can stall or take down: a database or provider that hangs
 * or disappears, without root tricks. While paused, bytes are held (sockets paused), not dropped.
 */
export async function startPausableTcpProxy(target: { host: string; port: number }): Promise<PausableTcpProxy> {
  const sockets = new Set<Socket>();
  let paused = false;
  let port = 0;
  let server: net.Server | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {});
          if (paused) socket.pause();
        }
        // Plain writes, not pipe(): pipe() resumes a source when its destination drains.
        client.on("data", (chunk) => upstream.write(chunk));
        upstream.on("data", (chunk) => client.write(chunk));
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });

  await listen();
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  return {
    get port() {
      return port;
    },
    pause() {
      paused = true;
      for (const socket of sockets) socket.pause();
    },
    resume() {
      paused = false;
      for (const socket of sockets) socket.resume();
    },
    stop,
    start: listen,
    close: stop,
  };
}
