import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { PLAYGROUND_BODY_MAX_BYTES } from "@/lib/conversations/turns/playground-body-limit";
import { promoteCompareAnswer } from "@/lib/conversations/compare/promote-compare-answer";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** Saves a compare column's turn to the conversation; answers with the conversation as saved. */
export const POST = withUser(async ({ request, db, user, params }) =>
  Response.json({
    session: await promoteCompareAnswer({
      db,
      userId: user.id,
      sessionId: params.id!,
      body: await parseJsonBody(request, z.unknown(), { maxBytes: PLAYGROUND_BODY_MAX_BYTES }),
    }),
  }),
);
