import { requireUser } from "@/lib/auth/current-user";
import { GatewayTabs } from "@/components/gateway/gateway-tabs";

export default async function GatewayLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <GatewayTabs isAdmin={user.role === "admin"} />
      {children}
    </div>
  );
}
