import { withPublic } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { clientIp } from "@/lib/ui-api/client-ip";
import { signIn, signInInput } from "@/lib/auth/sign-in";
import { loginCookie } from "@/lib/auth/login-cookie";
import { getConfig } from "@/lib/env";

export const POST = withPublic(async ({ request, db }) => {
  const { token } = await signIn(db, await parseJsonBody(request, signInInput), {
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
    throttleWindowSeconds: getConfig().signInThrottleWindowSeconds,
  });
  return Response.json({ ok: true }, { headers: { "Set-Cookie": loginCookie(request, token) } });
});
