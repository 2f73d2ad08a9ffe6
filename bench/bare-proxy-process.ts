/**
 * The floor for the gateway's overhead: the least a Node.js proxy can do between a client and
 * the fake upstream — read the request, POST it upstream on a keep-alive pool, send the answer
 * back (streams chunk by chunk, complete answers in one write) — with no auth, parsing,
 * translation or logging. Its own process, like the gateway, so the bench shows how much of the
 * overhead is this machine's loopback hop and how much is Switchyard's work.
 * Prints `{"url": …}` once listening; exits when its parent closes stdin.
 * Usage: tsx bench/bare-proxy-process.ts <upstream base URL>
 */
import { Agent, createServer, request } from "node:http";

const upstream = new URL(process.argv[2]!);
const agent = new Agent({ keepAlive: true });

const server = createServer({ noDelay: true }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": body.byteLength,
    };
    for (const name of ["x-api-key", "anthropic-version"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const outgoing = request(
      { host: upstream.hostname, port: upstream.port, path: "/v1/messages", method: "POST", agent, headers },
      (incoming) => {
        const contentType = incoming.headers["content-type"] ?? "application/json";
        if (contentType.startsWith("text/event-stream")) {
          res.writeHead(incoming.statusCode ?? 502, { "content-type": contentType });
          incoming.pipe(res);
          return;
        }
        // A complete answer goes out in one write with its length, as the gateway sends it.
        const answer: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => answer.push(chunk));
        incoming.on("end", () => {
          const whole = Buffer.concat(answer);
          res.writeHead(incoming.statusCode ?? 502, {
            "content-type": contentType,
            "content-length": whole.byteLength,
          });
          res.end(whole);
        });
      },
    );
    outgoing.on("error", () => res.destroy());
    res.on("close", () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    outgoing.end(body);
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}` })}\n`);
});
process.stdin.resume();
process.stdin.on("end", () => server.close(() => process.exit(0)));
