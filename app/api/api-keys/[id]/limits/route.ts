import { z } from "zod";
import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { setApiKeyLimits } from "@/lib/api-keys/set-api-key-limits";

export const PATCH = withUser(
  async ({ request, db, user, params }) =>
    Response.json({ apiKey: await setApiKeyLimits(db, params.id!, await parseJsonBody(request, z.unknown()), user) }),
  { role: "admin" },
);
