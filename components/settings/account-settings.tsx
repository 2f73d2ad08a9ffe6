import { SignOutButton } from "@/components/auth/sign-out-button";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "./change-password-form";
import { SettingsSection } from "./settings-section";
import { UserLimitsSettings, type UserLimitsRow } from "./user-limits-settings";

export function AccountSettings({
  email,
  role,
  admin,
}: {
  email: string;
  role: "admin" | "member";
  /** Admins only: users' limits and the key-creation policy. */
  admin?: { users: UserLimitsRow[]; membersMayCreateKeys: boolean };
}) {
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Your account on this Switchyard." />
      <SettingsSection title="Account" description="You are signed in with this email.">
        <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
          <dt className="text-zinc-600 dark:text-zinc-400">Email</dt>
          <dd className="min-w-0 truncate">{email}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Role</dt>
          <dd>
            <Badge tone={role === "admin" ? "accent" : "neutral"}>{role}</Badge>
          </dd>
        </dl>
      </SettingsSection>
      <SettingsSection title="Change password" description="Other browsers signed in to your account are signed out.">
        <ChangePasswordForm />
      </SettingsSection>
      {admin && (
        <SettingsSection
          title="Users and limits"
          description="Limits per user are shared by all of that user's API keys, the playground's included, on top of each key's own; new keys start with them. Empty means no limit."
        >
          <UserLimitsSettings users={admin.users} membersMayCreateKeys={admin.membersMayCreateKeys} />
        </SettingsSection>
      )}
      <SettingsSection title="Sign out" description="End this session in this browser.">
        <SignOutButton />
      </SettingsSection>
    </div>
  );
}
