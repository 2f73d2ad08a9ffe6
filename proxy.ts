import { NextResponse, type NextRequest } from "next/server";

/** Passes the requested path to server components, so sign-in can send people back where they were. */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-switchyard-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|api/|v3/|v2/|favicon).*)"] };
