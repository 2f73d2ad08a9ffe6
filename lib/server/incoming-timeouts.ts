import type { ServerOptions } from "node:http";
import type { Config } from "@/lib/config/env-schema";

/**
 * Options for the production server that cut slow clients off: all request headers within
 * `headersTimeoutMs`, the whole request (headers and body) within `requestTimeoutMs`, else Node
 * answers 408 and closes the connection. Both cover receiving the request only: a response may
 * stream for as long as the model generates. Node checks them on an interval (30 s by default),
 * which would let a slow client linger well past a short timeout; once a second is cheap.
 */
export function incomingTimeouts(client: Config["client"]): ServerOptions {
  return {
    requestTimeout: client.requestTimeoutMs,
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeout: Math.min(client.headersTimeoutMs, client.requestTimeoutMs),
    connectionsCheckingInterval: Math.min(1_000, client.headersTimeoutMs),
  };
}
