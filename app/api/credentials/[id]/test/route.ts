import { withUser } from "@/lib/ui-api/with-user";
import { testCredential } from "@/lib/credentials/test-credential";

export const POST = withUser(async ({ db, params }) => Response.json(await testCredential(db, params.id!)), {
  role: "admin",
});
