import { getDb } from "@/lib/db";
import { attachmentResponse } from "@/lib/ui-api/attachment-response";
import { jsonErrorResponse } from "@/lib/ui-api/json-error-response";
import { readSharedAttachment } from "@/lib/conversations/share/shared-conversation";

export const dynamic = "force-dynamic";

/** A shared session's file, reachable through its link only (and only while the link lives). */
export async function GET(_request: Request, context: RouteContext<"/s/[token]/attachments/[id]">) {
  try {
    const { token, id } = await context.params;
    return attachmentResponse(await readSharedAttachment(getDb(), token, id), {
      // Not cached by shared caches: a revoked link must stop serving at once.
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
  } catch (error) {
    return jsonErrorResponse(error);
  }
}
