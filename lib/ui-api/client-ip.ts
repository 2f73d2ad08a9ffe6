/** Set by the production server (serve-app.ts → proxy-request.ts) from the client's socket. */
export const CLIENT_IP_HEADER = "x-switchyard-client-ip";

/**
 * The client's address as this app can know it: the production server's header (it replaces
 * any value a client sent), else what `next dev` put last in x-forwarded-for.
 */
export function clientIp(request: Request): string {
  const own = request.headers.get(CLIENT_IP_HEADER)?.trim();
  if (own) return own.slice(0, 64);
  const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded ? forwarded.slice(0, 64) : "unknown";
}
