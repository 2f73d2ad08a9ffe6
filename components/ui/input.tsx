import { classNames } from "./class-names";

export const inputClassName = classNames(
  "block h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-xs",
  "placeholder:text-zinc-400 focus:border-amber-500 focus:outline-2 focus:outline-amber-500/30",
  "disabled:cursor-not-allowed disabled:bg-zinc-50 aria-invalid:border-red-500",
  "dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:disabled:bg-zinc-800",
);

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return <input className={classNames(inputClassName, className)} {...props} />;
}

export function Select({ className, ...props }: React.ComponentProps<"select">) {
  return <select className={classNames(inputClassName, "pr-8", className)} {...props} />;
}
