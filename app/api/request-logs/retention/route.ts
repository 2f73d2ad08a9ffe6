import { z } from "zod";
import { withUser } from "@/lib/ui-api/with-user";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { getRetentionDays, setRetentionDays } from "@/lib/request-log/retention";

export const GET = withUser(async ({ db }) => Response.json({ retentionDays: await getRetentionDays(db) }));

export const PATCH = withUser(
  async ({ request, db }) => {
    const { retentionDays } = await parseJsonBody(request, z.object({ retentionDays: z.unknown() }));
    return Response.json({ retentionDays: await setRetentionDays(db, retentionDays) });
  },
  { role: "admin" },
);
