import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "@/lib/ui-api/client-ip";
import { keepAlivePoolOptions } from "@/lib/net/keep-alive-pool";

// Connection-scoped headers are the hop's own, not the request's (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);

export type ProxyTarget = { socketPath: string; agent: http.Agent };

/**
 * A keep-alive pool to a server listening on a Unix socket. A forwarded request streams its body,
 * so it cannot be sent again on another connection: the pool's idle timeout, shorter than the
 * target's keep-alive timeout, is what keeps it off connections the target is closing.
 */
export function proxyTarget(socketPath: string): ProxyTarget {
  return { socketPath, agent: new http.Agent(keepAlivePoolOptions) };
}

/**
 * Forwards a request to another HTTP server of this process (Next.js in its worker thread) and
 * streams the answer back as it comes: the method, path, headers (Host included) and body pass
 * unchanged, hop-by-hop headers aside. A client that goes away cancels the forwarded request; a
 * target that fails before answering gets a 502, after the first bytes a cut connection.
 */
export function proxyRequest(target: ProxyTarget, req: IncomingMessage, res: ServerResponse): void {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers))
    if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
  // Next.js sees this server's socket, not the client's: sign-in throttling needs the client's
  // address. Whatever a client sent under this name is replaced.
  headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
  const forwarded = http.request({
    socketPath: target.socketPath,
    agent: target.agent,
    method: req.method,
    path: req.url,
    headers,
    setHost: false,
  });
  res.once("close", () => {
    if (!res.writableFinished) forwarded.destroy();
  });
  forwarded.once("error", () => {
    if (res.headersSent) return void res.destroy();
    res
      .writeHead(502, { "content-type": "text/plain; charset=utf-8" })
      .end("Bad gateway: the app server did not answer.");
  });
  forwarded.once("response", (answer) => {
    const raw: string[] = [];
    for (let index = 0; index < answer.rawHeaders.length; index += 2) {
      const name = answer.rawHeaders[index]!;
      if (!HOP_BY_HOP.has(name.toLowerCase())) raw.push(name, answer.rawHeaders[index + 1]!);
    }
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, raw);
    // A streamed answer (no length): its headers go out now, not with the first chunk.
    if (answer.headers["content-length"] === undefined) res.flushHeaders();
    answer.on("error", () => res.destroy());
    answer.pipe(res);
  });
  req.pipe(forwarded);
}
