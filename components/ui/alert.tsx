import { classNames } from "./class-names";

const TONES = {
  error: "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200",
  warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200",
  success:
    "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200",
} as const;

/** Errors are announced at once (role=alert); other tones politely (role=status). */
export function Alert({ tone, className, ...props }: React.ComponentProps<"div"> & { tone: keyof typeof TONES }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={classNames("rounded-md border px-3 py-2 text-[13px]", TONES[tone], className)}
      {...props}
    />
  );
}
