import type { Db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { createCredential } from "@/lib/credentials/manage-credentials";
import { createUser } from "@/lib/users/create-user";

/**
 * What an operator sets up first, written straight to the database: an admin, a gateway key of
 * theirs (its `sy-…` value returned) and an Anthropic credential.
 */
export async function seedAdminKeyAndCredential(
  db: Db,
  { keyName, credential }: { keyName: string; credential: { name: string; apiKey: string; baseUrl?: string } },
): Promise<{ apiKey: string; credentialId: string }> {
  const user = await createUser(db, { email: "admin@example.com", password: "admin-password", role: "admin" });
  const apiKey = (await createApiKey(db, user.id, { name: keyName }, "operator")).key;
  const { id: credentialId } = await createCredential(db, { provider: "anthropic", ...credential });
  return { apiKey, credentialId };
}
