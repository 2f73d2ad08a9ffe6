import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { z } from "zod";
import { resetUserPassword } from "@/lib/users/manage-users";

export const POST = withUser(
  async ({ request, db, params }) =>
    Response.json(await resetUserPassword(db, params.id!, await parseJsonBody(request, z.unknown())), {
      headers: { "Cache-Control": "no-store" },
    }),
  { role: "admin" },
);
