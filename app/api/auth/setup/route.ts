import { z } from "zod";
import { withPublic } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { signInInput } from "@/lib/auth/sign-in";
import { setupAdmin } from "@/lib/auth/setup-admin";
import { loginCookie } from "@/lib/auth/login-cookie";

const setupInput = signInInput.extend({ setupToken: z.unknown().optional() });

export const POST = withPublic(async ({ request, db }) => {
  const input = await parseJsonBody(request, setupInput);
  const { user, session } = await setupAdmin(db, input, request.headers.get("user-agent"));
  return Response.json({ user }, { status: 201, headers: { "Set-Cookie": loginCookie(request, session.token) } });
});
