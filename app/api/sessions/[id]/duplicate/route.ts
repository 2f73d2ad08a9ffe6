import { withUser } from "@/lib/ui-api/with-user";
import { duplicateSession } from "@/lib/conversations/fork/fork-conversation";

export const POST = withUser(async ({ db, user, params }) =>
  Response.json({ id: await duplicateSession(db, user.id, params.id!) }, { status: 201 }),
);
