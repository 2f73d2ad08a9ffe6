import { withUser } from "@/lib/http/with-user";
import { listUserLimits } from "@/lib/users/user-limits";

export const GET = withUser(async ({ db, user }) => Response.json({ users: await listUserLimits(db, user) }), {
  role: "admin",
});
