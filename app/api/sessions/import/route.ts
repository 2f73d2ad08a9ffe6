import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { withUser } from "@/lib/ui-api/with-user";
import { importSession } from "@/lib/conversations/export/conversation-export";
import { attachmentLimits } from "@/lib/conversations/attachments/attachment-limits";
import { z } from "zod";

/** A session export (docs/session-format.md) becomes a new session of the caller. */
export const POST = withUser(async ({ request, db, user }) =>
  Response.json(
    {
      id: await importSession(
        db,
        user.id,
        await parseJsonBody(request, z.unknown(), { maxBytes: attachmentLimits.importBodyBytes }),
      ),
    },
    { status: 201 },
  ),
);
