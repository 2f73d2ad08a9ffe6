import Link from "next/link";
import { NavLink } from "./nav-link";

const NAV = [
  { href: "/playground", label: "Playground" },
  { href: "/sessions", label: "Sessions" },
  { href: "/settings", label: "Settings" },
] as const;

export function AppHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-2 px-3 sm:gap-6 sm:px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block size-5 rounded bg-gradient-to-br from-amber-500 to-orange-600" />
          Switchyard
        </Link>
        <nav aria-label="Main" className="flex items-center gap-0.5 text-sm sm:gap-1">
          {NAV.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
        </nav>
      </div>
    </header>
  );
}
