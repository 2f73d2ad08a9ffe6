import { requireUser } from "@/lib/auth/current-user";
import { ByokScreen } from "@/components/gateway/byok/byok-screen";
import { forbidden } from "next/navigation";

export const metadata = { title: "BYOK · AI Gateway" };

export default async function ByokPage() {
  const user = await requireUser();
  // A real 403 status; app/forbidden.tsx renders the notice.
  if (user.role !== "admin") forbidden();
  return <ByokScreen />;
}
