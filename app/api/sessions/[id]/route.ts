import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { withUser } from "@/lib/ui-api/with-user";
import { updateSession } from "@/lib/conversations/store/conversation-store";
import { deleteSession } from "@/lib/conversations/store/conversation-list";
import { z } from "zod";

const renameInput = z.strictObject({ title: z.string().trim().max(200) });

export const PATCH = withUser(async ({ request, db, user, params }) =>
  Response.json({ session: await updateSession(db, user.id, params.id!, await parseJsonBody(request, renameInput)) }),
);

/** Soft delete; POST …/restore undoes it within the undo window. */
export const DELETE = withUser(async ({ db, user, params }) => {
  await deleteSession(db, user.id, params.id!);
  return new Response(null, { status: 204 });
});
