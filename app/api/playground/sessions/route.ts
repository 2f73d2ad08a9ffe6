import { withUser } from "@/lib/http/with-user";
import { parseJsonBody } from "@/lib/http/json-error-response";
import { createSession, createSessionInput } from "@/lib/playground/session-store";

export const POST = withUser(async ({ request, db, user }) =>
  Response.json(
    { session: await createSession(db, user.id, await parseJsonBody(request, createSessionInput)) },
    { status: 201 },
  ),
);
