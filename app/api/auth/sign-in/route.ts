import { withPublic } from "@/lib/http/with-user";
import { parseJsonBody } from "@/lib/http/json-error-response";
import { signIn, signInInput } from "@/lib/auth/sign-in";
import { sessionCookie } from "@/lib/auth/session-cookie";

export const POST = withPublic(async ({ request, db }) => {
  const { token } = await signIn(db, await parseJsonBody(request, signInInput), request.headers.get("user-agent"));
  return Response.json({ ok: true }, { headers: { "Set-Cookie": sessionCookie(request, token) } });
});
