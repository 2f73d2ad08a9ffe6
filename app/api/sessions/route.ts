import { withUser } from "@/lib/ui-api/with-user";
import { listSessions, purgeDeletedSessions } from "@/lib/conversations/store/conversation-list";

export const dynamic = "force-dynamic";

/** `?q=` searches titles and message text; `?cursor=` continues from the previous page's `nextCursor`. */
export const GET = withUser(async ({ request, db, user }) => {
  const params = new URL(request.url).searchParams;
  await purgeDeletedSessions(db, user.id);
  return Response.json(
    await listSessions(db, user.id, {
      q: params.get("q") ?? undefined,
      cursor: params.get("cursor") ?? undefined,
      limit: params.get("limit") ?? undefined,
    }),
  );
});
