import { withUser } from "@/lib/http/with-user";
import { parseJsonBody } from "@/lib/http/json-error-response";
import { changePassword, changePasswordInput } from "@/lib/auth/change-password";

export const POST = withUser(async ({ request, db, user, sessionToken }) => {
  await changePassword(db, user.id, await parseJsonBody(request, changePasswordInput), sessionToken);
  return Response.json({ ok: true });
});
