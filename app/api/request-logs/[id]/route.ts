import { withUser } from "@/lib/ui-api/with-user";
import { getRequestLog } from "@/lib/request-log/list-request-logs";

export const GET = withUser(async ({ db, user, params }) =>
  Response.json({ request: await getRequestLog(db, user, params.id!) }),
);
