import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/env";
import { isAllowedHost, misdirectedBody } from "@/lib/ui-api/allowed-host";

/**
 * Pages answer only for ALLOWED_HOSTS (the production server checks every request before this;
 * under `next dev` this and the API wrappers are the check). Passes the requested path to
 * server components, so sign-in can send people back where they were.
 */
export function proxy(request: NextRequest) {
  if (!isAllowedHost(request.headers.get("host"), getConfig().allowedHosts)) {
    return new NextResponse(misdirectedBody(request.nextUrl.pathname), {
      status: 421,
      headers: { "content-type": "application/json" },
    });
  }
  const headers = new Headers(request.headers);
  headers.set("x-switchyard-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|api/|v3/|v2/|favicon).*)"] };
