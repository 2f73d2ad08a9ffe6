import { LOGIN_COOKIE, LOGIN_TTL_MS } from "./login-sessions";

/** HTTP-only, SameSite=Lax, Secure when served over HTTPS (directly or behind a proxy). */
export function loginCookie(request: Request, token: string) {
  return [
    `${LOGIN_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.floor(LOGIN_TTL_MS / 1000)}`,
    ...(isHttps(request) ? ["Secure"] : []),
  ].join("; ");
}

export function clearedLoginCookie() {
  return `${LOGIN_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function readLoginToken(request: Request): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === LOGIN_COOKIE) return value.join("=");
  }
  return undefined;
}

function isHttps(request: Request) {
  return request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
}
