import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { z } from "zod";
import { updateUser } from "@/lib/users/manage-users";

export const PATCH = withUser(
  async ({ request, db, user, params }) => {
    await updateUser(db, user.id, params.id!, await parseJsonBody(request, z.unknown()));
    return Response.json({ ok: true });
  },
  { role: "admin" },
);
