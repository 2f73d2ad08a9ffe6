import { withPublic } from "@/lib/http/with-user";
import { parseJsonBody } from "@/lib/http/json-error-response";
import { clientIp } from "@/lib/http/client-ip";
import { signIn, signInInput } from "@/lib/auth/sign-in";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { getConfig } from "@/lib/env";

export const POST = withPublic(async ({ request, db }) => {
  const { token } = await signIn(db, await parseJsonBody(request, signInInput), {
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
    throttleWindowSeconds: getConfig().signInThrottleWindowSeconds,
  });
  return Response.json({ ok: true }, { headers: { "Set-Cookie": sessionCookie(request, token) } });
});
