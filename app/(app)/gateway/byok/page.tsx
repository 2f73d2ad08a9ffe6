import { requireUser } from "@/lib/auth/current-user";
import { ByokScreen } from "@/components/gateway/byok/byok-screen";
import { ForbiddenNotice } from "@/components/app-shell/forbidden-notice";

export const metadata = { title: "BYOK · AI Gateway" };

export default async function ByokPage() {
  const user = await requireUser();
  if (user.role !== "admin") return <ForbiddenNotice what="Provider credentials" />;
  return <ByokScreen />;
}
