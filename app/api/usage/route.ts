import { z } from "zod";
import { withUser } from "@/lib/ui-api/with-user";
import { parseRequestLogQuery } from "@/lib/request-log/request-log-filters";
import { summarizeUsage } from "@/lib/request-log/usage-summary";

const groupBySchema = z.enum(["model", "key"]).catch("model");

export const GET = withUser(async ({ request, db, user }) => {
  const searchParams = new URL(request.url).searchParams;
  const groupBy = groupBySchema.parse(searchParams.get("groupBy"));
  searchParams.delete("groupBy");
  return Response.json(await summarizeUsage(db, user, parseRequestLogQuery(searchParams), groupBy));
});
