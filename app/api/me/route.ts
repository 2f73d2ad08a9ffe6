import { withUser } from "@/lib/ui-api/with-user";

export const GET = withUser(async ({ user }) => Response.json({ user }));
