import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { GatewayError } from "@/lib/gateway/core/gateway-error";
import { renderGatewayError } from "@/lib/gateway/core/http/gateway-protocol";
import { gatewayProtocolForPath } from "@/lib/gateway/gateway-routes";

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/**
 * The server's 'clientError' listener: a request Node could not parse (headers over
 * `maxHeaderSize` → 431, a header timeout → 408, malformed → 400) is answered with a JSON error
 * body in the protocol of its path when the request line can be read, else OpenAI's — where
 * Node's default wrote a bare status line.
 */
export function answerClientError(error: ClientError, socket: Duplex) {
  const responding = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === "ECONNRESET" || !socket.writable || responding) return void socket.destroy();
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const message =
    status === 431
      ? "The request's headers are larger than this server accepts (16 KB in all)."
      : status === 408
        ? "The request took too long to arrive."
        : "The request is not valid HTTP.";
  const pathname = requestPath(error.rawPacket);
  const protocol = pathname ? gatewayProtocolForPath(pathname) : "openai";
  const gatewayError = new GatewayError({
    status,
    type: "invalid_request_error",
    code: status === 431 ? "request_header_fields_too_large" : status === 408 ? "request_timeout" : "bad_request",
    message,
  });
  const body = JSON.stringify(renderGatewayError[protocol](gatewayError).body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}

/** The path of the request line at the start of the bytes Node failed on, if they start with one. */
function requestPath(rawPacket: Buffer | undefined): string | undefined {
  if (!rawPacket) return undefined;
  const line = /^[A-Z]{3,10} (\/[^\s?]{0,2048})/.exec(rawPacket.subarray(0, 2100).toString("latin1"));
  return line?.[1];
}
