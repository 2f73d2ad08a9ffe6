import { withUser } from "@/lib/ui-api/with-user";
import { attachmentResponse } from "@/lib/ui-api/attachment-response";
import { readAttachment } from "@/lib/conversations/attachments/attachment-store";

/** The file, for previews; only its owner gets it. */
export const GET = withUser(async ({ db, user, params }) =>
  attachmentResponse(await readAttachment(db, user.id, params.id!), { "cache-control": "private, max-age=3600" }),
);
