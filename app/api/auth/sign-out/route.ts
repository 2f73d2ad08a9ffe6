import { withPublic } from "@/lib/ui-api/with-user";
import { clearedLoginCookie, readLoginToken } from "@/lib/auth/login-cookie";
import { deleteLoginSession } from "@/lib/auth/login-sessions";

export const POST = withPublic(async ({ request, db }) => {
  await deleteLoginSession(db, readLoginToken(request));
  return Response.json({ ok: true }, { headers: { "Set-Cookie": clearedLoginCookie() } });
});
