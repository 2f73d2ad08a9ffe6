import { withUser } from "@/lib/http/with-user";

export const GET = withUser(async ({ user }) => Response.json({ user }));
