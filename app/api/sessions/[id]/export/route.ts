import { withUser } from "@/lib/ui-api/with-user";
import { exportFileName } from "@/lib/conversations/export/export-file-name";
import { exportSession } from "@/lib/conversations/export/conversation-export";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ db, user, params }) => {
  const document = await exportSession(db, user.id, params.id!);
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(exportFileName(document.title))}`,
      "cache-control": "no-store",
    },
  });
});
