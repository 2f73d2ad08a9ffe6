import { z } from "zod";
import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { membersMayCreateKeys, setMembersMayCreateKeys } from "@/lib/api-keys/key-creation-policy";

export const GET = withUser(async ({ db }) => Response.json({ membersMayCreateKeys: await membersMayCreateKeys(db) }));

export const PATCH = withUser(
  async ({ request, db }) => {
    const { membersMayCreateKeys } = await parseJsonBody(
      request,
      z.strictObject({ membersMayCreateKeys: z.boolean() }),
    );
    return Response.json({ membersMayCreateKeys: await setMembersMayCreateKeys(db, membersMayCreateKeys) });
  },
  { role: "admin" },
);
