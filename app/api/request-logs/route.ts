import { withUser } from "@/lib/ui-api/with-user";
import { listRequestLogs } from "@/lib/request-log/list-request-logs";
import { parseRequestLogQuery } from "@/lib/request-log/request-log-filters";

export const GET = withUser(async ({ request, db, user }) =>
  Response.json(await listRequestLogs(db, user, parseRequestLogQuery(new URL(request.url).searchParams))),
);
