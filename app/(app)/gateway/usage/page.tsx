import { requireUser } from "@/lib/auth/current-user";
import { UsageDashboard } from "@/components/usage/usage-dashboard";

export const metadata = { title: "Usage · AI Gateway" };

export default async function UsagePage() {
  const user = await requireUser();
  return <UsageDashboard isAdmin={user.role === "admin"} />;
}
