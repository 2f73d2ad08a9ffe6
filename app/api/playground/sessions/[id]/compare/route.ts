import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { PLAYGROUND_BODY_MAX_BYTES } from "@/lib/conversations/turns/playground-body-limit";
import { runCompareColumn } from "@/lib/conversations/compare/run-compare-column";
import { z } from "zod";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Streams one compare column as NDJSON (not saved); closing the request (Stop) aborts the gateway call. */
export const POST = withUser(async ({ request, db, user, params }) =>
  runCompareColumn({
    db,
    userId: user.id,
    sessionId: params.id!,
    body: await parseJsonBody(request, z.unknown(), { maxBytes: PLAYGROUND_BODY_MAX_BYTES }),
    signal: request.signal,
  }),
);
