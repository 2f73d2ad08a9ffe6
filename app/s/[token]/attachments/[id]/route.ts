import { getDb } from "@/lib/db";
import { jsonErrorResponse } from "@/lib/ui-api/json-error-response";
import { readSharedAttachment } from "@/lib/conversations/share/shared-conversation";

export const dynamic = "force-dynamic";

/** A shared session's file, reachable through its link only (and only while the link lives). */
export async function GET(_request: Request, context: RouteContext<"/s/[token]/attachments/[id]">) {
  try {
    const { token, id } = await context.params;
    const { mediaType, fileName, data } = await readSharedAttachment(getDb(), token, id);
    return new Response(Buffer.from(data), {
      headers: {
        "content-type": mediaType,
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        // Not cached by shared caches: a revoked link must stop serving at once.
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch (error) {
    return jsonErrorResponse(error);
  }
}
