import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { z } from "zod";
import { adminCreateUser, listUsers } from "@/lib/users/manage-users";

export const GET = withUser(async ({ db }) => Response.json({ users: await listUsers(db) }), { role: "admin" });

export const POST = withUser(
  async ({ request, db }) =>
    Response.json(await adminCreateUser(db, await parseJsonBody(request, z.unknown())), {
      status: 201,
      headers: { "Cache-Control": "no-store" },
    }),
  { role: "admin" },
);
