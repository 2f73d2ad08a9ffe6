/**
 * A pooled connection idle this long is closed by us, before the server's own keep-alive
 * timeout can close it under a request being written to it — a reset before any answer, which
 * the caller sees as a failed request. Node's servers close idle connections at 5 s, and Node
 * 20's agent ignores the `Keep-Alive: timeout` hint, so the pool must stop short of it. Only idle
 * pooled sockets are closed: a request waiting on a slow answer is never timed out by it. undici
 * uses the same 4 s.
 */
export const POOLED_CONNECTION_IDLE_MS = 4_000;

/** Options for an http(s).Agent keeping connections alive for reuse. */
export const keepAlivePoolOptions = { keepAlive: true, timeout: POOLED_CONNECTION_IDLE_MS } as const;
