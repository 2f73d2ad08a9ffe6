import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { UsersScreen } from "@/components/users/users-screen";

export const metadata = { title: "Users · Settings" };

export default async function UsersPage() {
  const user = await requireUser();
  if (user.role !== "admin") forbidden();
  return <UsersScreen currentUserId={user.id} />;
}
