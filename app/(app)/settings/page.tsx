import { requireUser } from "@/lib/auth/current-user";
import { AccountSettings } from "@/components/settings/account-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  return <AccountSettings email={user.email} role={user.role} />;
}
