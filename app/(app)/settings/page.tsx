import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { membersMayCreateKeys } from "@/lib/api-keys/key-creation-policy";
import { listUserLimits } from "@/lib/users/user-limits";
import { AccountSettings } from "@/components/settings/account-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const db = getDb();
  const admin =
    user.role === "admin"
      ? { users: await listUserLimits(db, user), membersMayCreateKeys: await membersMayCreateKeys(db) }
      : undefined;
  return <AccountSettings email={user.email} role={user.role} admin={admin} />;
}
