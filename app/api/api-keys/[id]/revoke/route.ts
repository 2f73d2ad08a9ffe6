import { withUser } from "@/lib/ui-api/with-user";
import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";

export const POST = withUser(async ({ db, user, params }) =>
  Response.json({ apiKey: await revokeApiKey(db, params.id!, user) }),
);
