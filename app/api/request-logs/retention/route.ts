import { z } from "zod";
import { withUser } from "@/lib/http/with-user";
import { parseJsonBody } from "@/lib/http/json-error-response";
import { getRetentionDays, setRetentionDays } from "@/lib/request-log/retention";

export const GET = withUser(async ({ db }) => Response.json({ retentionDays: await getRetentionDays(db) }));

export const PATCH = withUser(
  async ({ request, db }) => {
    const { retentionDays } = await parseJsonBody(request, z.object({ retentionDays: z.unknown() }));
    return Response.json({ retentionDays: await setRetentionDays(db, retentionDays) });
  },
  { role: "admin" },
);
