import { classNames } from "./class-names";

/** A dense data table that scrolls sideways inside its border on narrow screens. */
export function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={classNames("w-full border-collapse text-left text-[13px]", className)} {...props} />
    </div>
  );
}

function TableHead(props: React.ComponentProps<"thead">) {
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

function TableHeader({ className, ...props }: React.ComponentProps<"th">) {
  return <th scope="col" className={classNames("px-3 py-2 font-medium whitespace-nowrap", className)} {...props} />;
}

/** A column's label; a numeric column's is right-aligned over its figures. */
type Column = string | { label: string; numeric: true };

/**
 * A table's header row: a column per label (`false` for one this table leaves out) and, with
 * `actions`, one over the rows' buttons, named for screen readers and empty on screen.
 */
export function TableColumns({ columns, actions = false }: { columns: Array<Column | false>; actions?: boolean }) {
  return (
    <TableHead>
      <tr>
        {columns.map((column) =>
          column === false ? null : typeof column === "string" ? (
            <TableHeader key={column}>{column}</TableHeader>
          ) : (
            <TableHeader key={column.label} className="text-right">
              {column.label}
            </TableHeader>
          ),
        )}
        {actions && (
          <TableHeader>
            <span className="sr-only">Actions</span>
          </TableHeader>
        )}
      </tr>
    </TableHead>
  );
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={classNames("px-3 py-2.5 align-middle", className)} {...props} />;
}
