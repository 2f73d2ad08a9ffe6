import type { ServerResponse } from "node:http";

/** A JSON answer written straight to Node's response (no Web Response to build). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  method = "GET",
  headers: Record<string, string> = {},
) {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": text.byteLength,
    "cache-control": "no-store",
  });
  res.end(method === "HEAD" ? undefined : text);
}
