import { withUser } from "@/lib/ui-api/with-user";
import { restoreSession } from "@/lib/conversations/store/conversation-list";

export const POST = withUser(async ({ db, user, params }) => {
  await restoreSession(db, user.id, params.id!);
  return new Response(null, { status: 204 });
});
