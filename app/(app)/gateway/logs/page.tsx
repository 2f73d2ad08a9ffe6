import { requireUser } from "@/lib/auth/current-user";
import { LogsScreen } from "@/components/request-logs/logs-screen";

export const metadata = { title: "Logs · AI Gateway" };

export default async function LogsPage() {
  const user = await requireUser();
  return <LogsScreen isAdmin={user.role === "admin"} />;
}
