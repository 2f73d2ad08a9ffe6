/** A plain aligned table for humans; `--json` is the stable format for scripts. */
export function printTable(rows: Array<Record<string, string>>) {
  if (rows.length === 0) {
    process.stdout.write("(none)\n");
    return;
  }
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (values: string[]) =>
    values
      .map((value, index) => value.padEnd(widths[index]!))
      .join("  ")
      .trimEnd();
  process.stdout.write(
    `${line(columns)}\n${rows.map((row) => line(columns.map((column) => row[column] ?? ""))).join("\n")}\n`,
  );
}
