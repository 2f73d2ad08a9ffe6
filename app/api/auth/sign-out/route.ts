import { withPublic } from "@/lib/http/with-user";
import { clearedSessionCookie, readSessionToken } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/sessions";

export const POST = withPublic(async ({ request, db }) => {
  await deleteSession(db, readSessionToken(request));
  return Response.json({ ok: true }, { headers: { "Set-Cookie": clearedSessionCookie() } });
});
