import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * An async `http.createServer` listener whose failures are not unhandled rejections: a test
 * server that throws answers 500 (or drops the connection if it already answered) and says why.
 */
export function asyncRequestListener(
  listener: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    listener(request, response).catch((error: unknown) => {
      console.error("test server:", error);
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  };
}
