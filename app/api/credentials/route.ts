import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { createCredential, listCredentials } from "@/lib/credentials/manage-credentials";
import { z } from "zod";

export const GET = withUser(async ({ db }) => Response.json({ credentials: await listCredentials(db) }), {
  role: "admin",
});

export const POST = withUser(
  async ({ request, db }) =>
    Response.json(
      { credential: await createCredential(db, await parseJsonBody(request, z.unknown())) },
      { status: 201 },
    ),
  { role: "admin" },
);
