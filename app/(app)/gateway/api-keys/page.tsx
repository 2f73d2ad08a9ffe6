import { requireUser } from "@/lib/auth/current-user";
import { ApiKeysScreen } from "@/components/gateway/api-keys/api-keys-screen";

export const metadata = { title: "API keys · AI Gateway" };

export default async function ApiKeysPage() {
  const user = await requireUser();
  return <ApiKeysScreen isAdmin={user.role === "admin"} />;
}
