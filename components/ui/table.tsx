import { classNames } from "./class-names";

/** A dense data table that scrolls sideways inside its border on narrow screens. */
export function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={classNames("w-full border-collapse text-left text-[13px]", className)} {...props} />
    </div>
  );
}

export function TableHead(props: React.ComponentProps<"thead">) {
  return (
    <thead
      className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400"
      {...props}
    />
  );
}

export function TableBody(props: React.ComponentProps<"tbody">) {
  return <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800" {...props} />;
}

export function TableHeader({ className, ...props }: React.ComponentProps<"th">) {
  return <th scope="col" className={classNames("px-3 py-2 font-medium whitespace-nowrap", className)} {...props} />;
}

/** The header over a row's action buttons: named for screen readers, empty on screen. */
export function ActionsHeader() {
  return (
    <TableHeader>
      <span className="sr-only">Actions</span>
    </TableHeader>
  );
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={classNames("px-3 py-2.5 align-middle", className)} {...props} />;
}
