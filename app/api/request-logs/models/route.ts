import { withUser } from "@/lib/ui-api/with-user";
import { readLoggedModels } from "@/lib/db/request-log-queries";

export const GET = withUser(async ({ db, user }) =>
  Response.json({ models: await readLoggedModels(db, user.role === "admin" ? undefined : user.id) }),
);
