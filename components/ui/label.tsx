import { classNames } from "./class-names";

export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return (
    <label
      className={classNames("block text-[13px] font-medium text-zinc-800 dark:text-zinc-200", className)}
      {...props}
    />
  );
}
