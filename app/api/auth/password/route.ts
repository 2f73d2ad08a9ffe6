import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { changePassword, changePasswordInput } from "@/lib/auth/change-password";

export const POST = withUser(async ({ request, db, user, sessionToken }) => {
  await changePassword(db, user.id, await parseJsonBody(request, changePasswordInput), sessionToken);
  return Response.json({ ok: true });
});
