import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { PLAYGROUND_BODY_MAX_BYTES } from "@/lib/conversations/turns/playground-body-limit";
import { runTurn } from "@/lib/conversations/turns/run-turn";
import { z } from "zod";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Streams one turn as NDJSON; closing the request (Stop) aborts the gateway call. */
export const POST = withUser(async ({ request, db, user, params }) =>
  runTurn({
    db,
    userId: user.id,
    sessionId: params.id!,
    body: await parseJsonBody(request, z.unknown(), { maxBytes: PLAYGROUND_BODY_MAX_BYTES }),
    signal: request.signal,
  }),
);
