import { withUser } from "@/lib/ui-api/with-user";
import { uploadAttachment } from "@/lib/conversations/attachments/upload-attachment";

export const runtime = "nodejs";

/** multipart/form-data with `file`, or JSON `{"url": "https://…"}`. */
export const POST = withUser(async ({ request, db, user }) =>
  Response.json({ attachment: await uploadAttachment(db, user.id, request) }, { status: 201 }),
);
