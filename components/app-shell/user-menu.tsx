import { SignOutButton } from "@/components/auth/sign-out-button";
import { Badge } from "@/components/ui/badge";

/** Who is signed in, as what, and the way out. */
export function UserMenu({ email, role }: { email: string; role: "admin" | "member" }) {
  return (
    <div
      aria-label="Account"
      role="group"
      className="flex h-14 min-w-0 flex-1 basis-0 items-center justify-end gap-2 text-[13px]"
    >
      <span title={email} className="min-w-0 truncate text-zinc-600 sm:max-w-64 dark:text-zinc-400">
        {email}
      </span>
      <Badge tone={role === "admin" ? "accent" : "neutral"}>{role}</Badge>
      <SignOutButton variant="ghost" size="sm" />
    </div>
  );
}
