import { getDb, type Db } from "@/lib/db";
import { getLoginUser, type SignedInUser } from "@/lib/auth/login-sessions";
import { readLoginToken } from "@/lib/auth/login-cookie";
import { isCrossSiteMutation } from "@/lib/auth/csrf";
import { AppError } from "@/lib/errors/app-error";
import { getConfig } from "@/lib/env";
import { jsonErrorResponse } from "./json-error-response";
import { isAllowedHost, MISDIRECTED_MESSAGE } from "./allowed-host";

/**
 * Checks every UI API request makes before anything else: a Host this server answers for
 * (the production server checked it already; `next dev` has only this), and a same-site
 * origin for mutations.
 */
function refuseForeignRequests(request: Request) {
  if (!isAllowedHost(request.headers.get("host"), getConfig().allowedHosts))
    throw new AppError("misdirected", MISDIRECTED_MESSAGE);
  if (isCrossSiteMutation(request)) throw new AppError("forbidden", "cross-site request refused");
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type UserHandlerArgs = {
  request: Request;
  user: SignedInUser;
  db: Db;
  params: Record<string, string>;
  sessionToken: string | undefined;
};

/**
 * The one wrapper for our UI's JSON API: Host and CSRF checks, session required (401), role
 * check (403), errors rendered as JSON. Bodies are read with parseJsonBody / read-body.ts,
 * capped at 1 MB unless the route says otherwise.
 */
export function withUser(handler: (args: UserHandlerArgs) => Promise<Response>, options: { role?: "admin" } = {}) {
  return async (request: Request, context: RouteContext) => {
    try {
      refuseForeignRequests(request);
      const db = getDb();
      const sessionToken = readLoginToken(request);
      const user = await getLoginUser(db, sessionToken);
      if (!user) throw new AppError("unauthorized", "sign in first");
      if (options.role === "admin" && user.role !== "admin") {
        throw new AppError("forbidden", "this needs an admin account");
      }
      const params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([key, value]) => [key, String(value)]),
      );
      return await handler({ request, user, db, params, sessionToken });
    } catch (error) {
      return jsonErrorResponse(error);
    }
  };
}

/** For the few public endpoints (sign-in, first-run setup): Host and CSRF checks and error rendering only. */
export function withPublic(handler: (args: { request: Request; db: Db }) => Promise<Response>) {
  return async (request: Request) => {
    try {
      refuseForeignRequests(request);
      return await handler({ request, db: getDb() });
    } catch (error) {
      return jsonErrorResponse(error);
    }
  };
}
