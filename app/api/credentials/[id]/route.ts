import { z } from "zod";
import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { removeCredential, updateCredential } from "@/lib/credentials/manage-credentials";

export const PATCH = withUser(
  async ({ request, db, params }) =>
    Response.json({ credential: await updateCredential(db, params.id!, await parseJsonBody(request, z.unknown())) }),
  { role: "admin" },
);

export const DELETE = withUser(
  async ({ db, params }) => {
    await removeCredential(db, params.id!);
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
