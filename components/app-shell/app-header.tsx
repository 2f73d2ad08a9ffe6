import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

const NAV = [
  { href: "/playground", label: "Playground" },
  { href: "/sessions", label: "Sessions" },
  { href: "/gateway", label: "AI Gateway" },
  { href: "/settings", label: "Settings" },
] as const;

/** Signed out (sign-in, first run) it shows the name only; signed in, the navigation and the account. */
export async function AppHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-3 px-3 sm:gap-x-6 sm:px-4">
        <Link href="/" className="flex h-14 shrink-0 items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block size-5 rounded bg-gradient-to-br from-amber-500 to-orange-600" />
          Switchyard
        </Link>
        {user && (
          <>
            <nav
              aria-label="Main"
              className="order-last -mx-1.5 flex w-[calc(100%+0.75rem)] items-center gap-0.5 overflow-x-auto pb-2 text-sm lg:order-none lg:mx-0 lg:w-auto lg:pb-0"
            >
              {NAV.map((item) => (
                <NavLink key={item.href} href={item.href}>
                  {item.label}
                </NavLink>
              ))}
              {user.role === "admin" && <NavLink href="/settings/users">Users</NavLink>}
            </nav>
            <UserMenu email={user.email} role={user.role} />
          </>
        )}
        <div className={user ? "flex h-14 items-center" : "ml-auto flex h-14 items-center"}>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
