import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { PLAYGROUND_BODY_MAX_BYTES } from "@/lib/conversations/turns/playground-body-limit";
import { getSessionDocument, updateSession, updateSessionInput } from "@/lib/conversations/store/conversation-store";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ db, user, params }) =>
  Response.json({ session: await getSessionDocument(db, user.id, params.id!) }),
);

export const PATCH = withUser(async ({ request, db, user, params }) =>
  Response.json({
    session: await updateSession(
      db,
      user.id,
      params.id!,
      await parseJsonBody(request, updateSessionInput, { maxBytes: PLAYGROUND_BODY_MAX_BYTES }),
    ),
  }),
);
