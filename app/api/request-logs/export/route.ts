import { withUser } from "@/lib/ui-api/with-user";
import { requestLogsCsvStream } from "@/lib/request-log/export-request-logs-csv";
import { parseRequestLogQuery } from "@/lib/request-log/request-log-filters";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ request, db, user }) => {
  const query = parseRequestLogQuery(new URL(request.url).searchParams);
  const name = `switchyard-requests-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}.csv`;
  return new Response(requestLogsCsvStream(db, user, query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
