import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { z } from "zod";
import { createApiKey, listApiKeys } from "@/lib/api-keys/manage-api-keys";

export const GET = withUser(async ({ db, user }) => Response.json({ apiKeys: await listApiKeys(db, user) }));

export const POST = withUser(async ({ request, db, user }) => {
  const created = await createApiKey(db, user.id, await parseJsonBody(request, z.unknown()), user);
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
