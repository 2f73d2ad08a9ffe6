import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { withUser } from "@/lib/ui-api/with-user";
import { createShare, createShareInput, getShare, revokeShare } from "@/lib/conversations/share/conversation-shares";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ db, user, params }) =>
  Response.json({ share: await getShare(db, user.id, params.id!) }),
);

/** Creates (or replaces) the public link; `{expiresInDays}` optional. */
export const POST = withUser(async ({ request, db, user, params }) =>
  Response.json(
    { share: await createShare(db, user.id, params.id!, await parseJsonBody(request, createShareInput)) },
    { status: 201 },
  ),
);

export const DELETE = withUser(async ({ db, user, params }) => {
  await revokeShare(db, user.id, params.id!);
  return new Response(null, { status: 204 });
});
