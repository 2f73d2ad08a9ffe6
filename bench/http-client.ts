import { Agent, request } from "node:http";

/** Keep-alive connections, as SDK clients keep them; enough sockets for 256 concurrent streams. */
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

export type Target = { url: string; headers: Record<string, string>; body: string };

export type Timing = {
  status: number;
  /** Request start → the first byte of `firstTokenMarker` seen in the body (streams). */
  firstTokenMs: number | undefined;
  /** Request start → the whole body read. */
  totalMs: number;
  body: string;
};

/** One POST, timed with `performance.now()`; the body is read completely. */
export function timedPost(target: Target, firstTokenMarker?: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstTokenMs: number | undefined;
    const outgoing = request(
      target.url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(target.body),
          ...target.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          if (firstTokenMarker && firstTokenMs === undefined && chunk.includes(firstTokenMarker)) {
            firstTokenMs = performance.now() - started;
          }
        });
        response.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, firstTokenMs, totalMs: performance.now() - started, body });
        });
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(target.body);
  });
}

/** SSE events in a stream's body (`data:` lines): a stream that carries no content shows here. */
export function countSseEvents(body: string): number {
  let count = body.startsWith("data:") ? 1 : 0;
  for (let at = body.indexOf("\ndata:"); at !== -1; at = body.indexOf("\ndata:", at + 6)) count++;
  return count;
}

export function closeConnections() {
  agent.destroy();
}
