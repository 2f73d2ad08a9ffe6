import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";

export default async function GatewayPage() {
  const user = await requireUser();
  redirect(user.role === "admin" ? "/gateway/byok" : "/gateway/api-keys");
}
