import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { PLAYGROUND_BODY_MAX_BYTES } from "@/lib/conversations/turns/playground-body-limit";
import { createSession, createSessionInput } from "@/lib/conversations/store/conversation-store";

export const POST = withUser(async ({ request, db, user }) =>
  Response.json(
    {
      session: await createSession(
        db,
        user.id,
        await parseJsonBody(request, createSessionInput, { maxBytes: PLAYGROUND_BODY_MAX_BYTES }),
      ),
    },
    { status: 201 },
  ),
);
