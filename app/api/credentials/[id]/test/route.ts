import { withUser } from "@/lib/http/with-user";
import { testCredential } from "@/lib/credentials/test-credential";

export const POST = withUser(async ({ db, params }) => Response.json(await testCredential(db, params.id!)), {
  role: "admin",
});
