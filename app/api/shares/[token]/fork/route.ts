import { withUser } from "@/lib/ui-api/with-user";
import { forkSharedSession } from "@/lib/conversations/fork/fork-conversation";

/** A signed-in visitor copies a shared session into their own sessions. */
export const POST = withUser(async ({ db, user, params }) =>
  Response.json({ id: await forkSharedSession(db, user.id, params.token!) }, { status: 201 }),
);
