import { withUser } from "@/lib/ui-api/with-user";
import { readAttachment } from "@/lib/conversations/attachments/attachment-store";

/** The file, for previews; only its owner gets it. */
export const GET = withUser(async ({ db, user, params }) => {
  const { mediaType, fileName, data } = await readAttachment(db, user.id, params.id!);
  return new Response(Buffer.from(data), {
    headers: {
      "content-type": mediaType,
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
});
