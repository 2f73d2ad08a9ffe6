import { withUser } from "@/lib/http/with-user";
import { parseJsonBody } from "@/lib/http/json-error-response";
import { z } from "zod";
import { updateUser } from "@/lib/users/manage-users";

export const PATCH = withUser(
  async ({ request, db, user, params }) => {
    await updateUser(db, user.id, params.id!, await parseJsonBody(request, z.unknown()));
    return Response.json({ ok: true });
  },
  { role: "admin" },
);
