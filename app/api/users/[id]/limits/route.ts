import { z } from "zod";
import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { setUserLimits } from "@/lib/users/user-limits";

export const PATCH = withUser(
  async ({ request, db, user, params }) =>
    Response.json({ user: await setUserLimits(db, params.id!, await parseJsonBody(request, z.unknown()), user) }),
  { role: "admin" },
);
