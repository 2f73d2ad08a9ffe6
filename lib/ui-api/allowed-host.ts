import { hostnameOf } from "@/lib/config/env-schema";

/**
 * Whether a request's Host names this server (ALLOWED_HOSTS; `undefined` allows any). A page
 * of another site can point its own name at 127.0.0.1 (DNS rebinding) and then talk to this
 * server from the victim's browser as a same-origin page: its requests still say its name in
 * Host, which is what this refuses.
 */
export function isAllowedHost(host: string | null | undefined, allowed: readonly string[] | undefined): boolean {
  if (allowed === undefined) return true;
  if (!host) return false;
  return allowed.includes(hostnameOf(host));
}

export const MISDIRECTED_MESSAGE =
  "This server does not answer requests for that host name. If it is yours, add it to ALLOWED_HOSTS.";

/** The 421 in the shape the path's callers read: Anthropic's, OpenAI's, or the app's own. */
export function misdirectedBody(pathname: string): string {
  if (pathname.startsWith("/v3/router/v1/")) {
    return JSON.stringify({ type: "error", error: { type: "invalid_request_error", message: MISDIRECTED_MESSAGE } });
  }
  if (pathname.startsWith("/v2/") || pathname.startsWith("/v3/")) {
    return JSON.stringify({
      error: { message: MISDIRECTED_MESSAGE, type: "invalid_request_error", param: null, code: "misdirected_request" },
    });
  }
  return JSON.stringify({ error: { code: "misdirected", message: MISDIRECTED_MESSAGE } });
}
